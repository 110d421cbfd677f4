"""Client-side checks: a request that breaks the spec raises before any byte is sent."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import respx

from honcho_client import Honcho, RequestValidationError
from honcho_client.types import MessageCreate

BASE_URL = "http://honcho.test"


@pytest.fixture
def mocked_api() -> Iterator[respx.MockRouter]:
    """A respx router that answers nothing: any request that gets through fails the test."""
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.route().respond(500)
        yield router


@pytest.fixture
def client() -> Honcho:
    return Honcho(base_url=BASE_URL, max_retries=0)


CASES: list[tuple[str, Callable[[Honcho], Any], str, str]] = [
    (
        "empty metamessage_type",
        lambda c: c.apps.users.metamessages.create(
            "u", app_id="a", metamessage_type="", content="c"
        ),
        "body.metamessage_type: must have at least 1 character, got 0 (min_length=1)",
        "metamessage_type",
    ),
    (
        "51-character metamessage_type",
        lambda c: c.apps.users.metamessages.create(
            "u", app_id="a", metamessage_type="t" * 51, content="c"
        ),
        "body.metamessage_type: must have at most 50 characters, got 51 (max_length=50)",
        "metamessage_type",
    ),
    (
        "content of 50 001 characters",
        lambda c: c.apps.users.metamessages.create(
            "u", app_id="a", metamessage_type="t", content="c" * 50_001
        ),
        "body.content: must have at most 50000 characters, got 50001 (max_length=50000)",
        "content",
    ),
    (
        "batch of 101 messages",
        lambda c: c.apps.users.sessions.messages.batch(
            "s", app_id="a", user_id="u", messages=[{"content": "m", "is_user": True}] * 101
        ),
        "body.messages: must have at most 100 items, got 101 (max_items=100)",
        "messages",
    ),
    (
        "top_k=0",
        lambda c: c.apps.users.collections.documents.query(
            "c", app_id="a", user_id="u", query="q", top_k=0
        ),
        "body.top_k: must be >= 1, got 0 (minimum=1)",
        "top_k",
    ),
    (
        "size=101",
        lambda c: c.apps.users.list("a", size=101),
        "query.size: must be <= 100, got 101 (maximum=100)",
        "size",
    ),
    (
        "wrong type",
        lambda c: c.apps.users.sessions.messages.create(
            "s", app_id="a", user_id="u", content=5, is_user="yes"
        ),
        "body.content: must be a string, got int (type)",
        "content",
    ),
    (
        "missing required field",
        lambda c: c.apps.users.sessions.messages.create(
            "s", app_id="a", user_id="u", content="c", is_user=None
        ),
        "body.is_user: must be a boolean, got None (type)",
        "is_user",
    ),
    (
        "bad item inside a batch",
        lambda c: c.apps.users.sessions.messages.batch(
            "s",
            app_id="a",
            user_id="u",
            messages=[{"content": "m", "is_user": True}, {"content": "x" * 50_001}],
        ),
        "body.messages[1].content: must have at most 50000 characters, got 50001 (max_length=50000)",
        "messages",
    ),
    (
        "empty path parameter",
        lambda c: c.apps.users.metamessages.create(
            "", app_id="a", metamessage_type="t", content="c"
        ),
        "path.user_id: a path parameter must be a non-empty string, got '' (min_length=1)",
        "user_id",
    ),
]


@pytest.mark.parametrize(
    ("call", "message", "field"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rejected_before_sending(
    call: Callable[[Honcho], Any],
    message: str,
    field: str,
    client: Honcho,
    mocked_api: respx.MockRouter,
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        call(client)
    assert message in str(caught.value)
    assert any(field in issue.loc for issue in caught.value.issues)
    assert isinstance(caught.value, ValueError)
    assert mocked_api.calls.call_count == 0


def test_every_broken_rule_is_named(client: Honcho, mocked_api: respx.MockRouter) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.apps.users.metamessages.create(
            "u", app_id="a", metamessage_type="", content="c" * 50_001
        )
    assert [issue.field for issue in caught.value.issues] == [
        "body.metamessage_type",
        "body.content",
    ]
    assert [issue.rule for issue in caught.value.issues] == ["min_length=1", "max_length=50000"]


def test_missing_required_field_of_an_item(client: Honcho, mocked_api: respx.MockRouter) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.apps.users.sessions.messages.batch(
            "s", app_id="a", user_id="u", messages=[{"content": "c"}]
        )
    assert "body.messages[0].is_user: is required (required)" in str(caught.value)


def test_models_are_accepted_in_a_batch(mocked_api: respx.MockRouter) -> None:
    mocked_api.routes.clear()
    route = mocked_api.post("/v1/apps/a/users/u/sessions/s/messages/batch").respond(200, json=[])
    Honcho(base_url=BASE_URL).apps.users.sessions.messages.batch(
        "s", app_id="a", user_id="u", messages=[MessageCreate(content="hi", is_user=True)]
    )
    assert route.calls.last.request.content == b'{"messages":[{"content":"hi","is_user":true}]}'


def test_validation_can_be_turned_off(mocked_api: respx.MockRouter) -> None:
    mocked_api.routes.clear()
    route = mocked_api.post("/v1/apps/a/users/u/metamessages").respond(
        422, json={"detail": "looser rules"}
    )
    client = Honcho(base_url=BASE_URL, validate_requests=False, max_retries=0)
    with pytest.raises(Exception, match="looser rules"):
        client.apps.users.metamessages.create("u", app_id="a", metamessage_type="", content="c")
    assert route.call_count == 1
