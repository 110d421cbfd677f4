"""Request building and response parsing of every operation, sync and async, with respx.

The cases come from openapi.yaml itself: for each operation the test calls the SDK method named
by its x-sdk-resource/x-sdk-method with values drawn from the spec, and checks the method, the
URL, the query, the JSON body (omitted fields absent), the auth header and the parsed result.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import respx
from _spec_samples import OperationCase, operations, resolve_method

from honcho_client import AsyncChatStream, AsyncHoncho, AsyncPage, ChatStream, Honcho, SyncPage

BASE_URL = "http://honcho.test"
CASES = operations()


def _call_kwargs(case: OperationCase, *, full: bool) -> dict[str, Any]:
    kwargs: dict[str, Any] = dict(case.path_values())
    kwargs.update(case.body(full=full) or {})
    if full:
        kwargs.update(case.query())
    return kwargs


def _check_request(
    request: httpx.Request, case: OperationCase, *, full: bool, key: str | None
) -> None:
    assert request.method == case.method
    assert request.url.path == case.expected_url()
    expected_query = {
        k: str(v).lower() if isinstance(v, bool) else str(v) for k, v in case.query().items()
    }
    assert dict(request.url.params) == (expected_query if full else {})
    expected_body = case.body(full=full)
    if expected_body is None:
        assert request.content == b""
    else:
        assert json.loads(request.content) == expected_body
        assert request.headers["content-type"] == "application/json"
    assert request.headers.get("authorization") == (f"Bearer {key}" if key else None)
    assert request.headers["user-agent"].startswith("honcho-client-python/")


def _check_result(result: object, case: OperationCase) -> None:
    name = case.response_schema_name()
    body = case.response_body()
    if name is None:
        if isinstance(body, list):
            assert isinstance(result, list) and len(result) == len(body)
        else:
            assert result == body
    elif name.startswith("Page_"):
        assert isinstance(result, (SyncPage, AsyncPage))
        assert [type(i).__name__ for i in result.items] == [name[5:-1]]
    else:
        assert type(result).__name__ == name


@pytest.mark.parametrize("full", [False, True], ids=["required-only", "all-fields"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_sync_request_and_response(
    case: OperationCase, full: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HONCHO_API_KEY", "sk-from-env")
    with respx.mock(base_url=BASE_URL) as router:
        route = router.route(method=case.method, path=case.expected_url()).mock(
            return_value=httpx.Response(200, json=case.response_body())
        )
        with Honcho(base_url=BASE_URL) as client:
            result = resolve_method(client, case)(**_call_kwargs(case, full=full))
        assert route.call_count == 1
        _check_request(route.calls.last.request, case, full=full, key="sk-from-env")
        if isinstance(result, ChatStream):  # chat with stream=True
            assert result.text() == case.response_body()["content"]
            return
    _check_result(result, case)


@pytest.mark.parametrize("full", [False, True], ids=["required-only", "all-fields"])
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
async def test_async_request_and_response(
    case: OperationCase, full: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HONCHO_API_KEY", raising=False)
    with respx.mock(base_url=BASE_URL) as router:
        route = router.route(method=case.method, path=case.expected_url()).mock(
            return_value=httpx.Response(200, json=case.response_body())
        )
        async with AsyncHoncho(base_url=BASE_URL) as client:
            result = await resolve_method(client, case)(**_call_kwargs(case, full=full))
        assert route.call_count == 1
        _check_request(route.calls.last.request, case, full=full, key=None)
        if isinstance(result, AsyncChatStream):  # chat with stream=True
            assert await result.text() == case.response_body()["content"]
            return
    _check_result(result, case)


def test_every_operation_is_covered() -> None:
    assert len(CASES) == 41
    assert len({c.id for c in CASES}) == 41


def test_seed_call_sends_exactly_the_given_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed page's call: two fields in the body, nothing for the omitted ones (not even null)."""
    monkeypatch.delenv("HONCHO_API_KEY", raising=False)
    body = {
        "id": "mm1", "label": "x", "metamessage_type": "x", "content": "content", "user_id": "user_id",
        "app_id": "app_id", "session_id": None, "message_id": None, "metadata": {},
        "created_at": "2024-05-06T07:08:09Z",
    }  # fmt: skip
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps/app_id/users/user_id/metamessages").respond(200, json=body)
        client = Honcho(base_url=BASE_URL)
        metamessage = client.apps.users.metamessages.create(
            user_id="user_id", app_id="app_id", content="content", metamessage_type="x"
        )
        sent = route.calls.last.request
    assert sent.content == b'{"metamessage_type":"x","content":"content"}'
    assert "authorization" not in sent.headers
    assert metamessage.id == "mm1"
    assert metamessage.metamessage_type == "x"


def test_none_is_sent_as_null_and_omitted_is_not_sent() -> None:
    with respx.mock(base_url=BASE_URL) as router:
        route = router.put("/v1/apps/a/users/u/metamessages/m").respond(200, json=_metamessage())
        Honcho(base_url=BASE_URL).apps.users.metamessages.update(
            "m", app_id="a", user_id="u", session_id=None
        )
    assert json.loads(route.calls.last.request.content) == {"session_id": None}


def test_innermost_path_parameter_may_be_positional() -> None:
    with respx.mock(base_url=BASE_URL) as router:
        route = router.get("/v1/apps/name/my%20app").respond(
            200, json={"id": "a1", "name": "my app", "created_at": "2024-05-06T07:08:09Z"}
        )
        app = Honcho(base_url=BASE_URL).apps.get_by_name("my app")
    assert route.called and app.name == "my app"


def _metamessage() -> dict[str, Any]:
    return {
        "id": "m", "label": "t", "metamessage_type": "t", "content": "c", "user_id": "u", "app_id": "a",
        "session_id": None, "message_id": None, "metadata": {}, "created_at": "2024-05-06T07:08:09Z",
    }  # fmt: skip
