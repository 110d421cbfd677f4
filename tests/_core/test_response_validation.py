"""Lenient by default, strict on request, and small errors at any body size; over real sockets.

A 2xx body that breaks the schema gives a result of the declared type in the default mode (what
validates is typed, what does not is kept as received) and raises APIResponseValidationError
with `strict_response_validation=True`. The error's message and traceback stay under 100 KB
however large the body, while the full detail stays on the exception.
"""

from __future__ import annotations

import io
import logging
import traceback
from datetime import datetime
from typing import Any

import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer

from honcho_client import APIResponseValidationError, Honcho
from honcho_client.types.deleted import Deleted
from honcho_client.types.message import Message
from honcho_client.types.user import User

LIST = "/v1/apps/a/users/list"
USER = "/v1/apps/a/users"
DELETE = "/v1/apps/a/users/u/sessions/s"
LIMIT = 100_000  # bytes of message, traceback or log record


def _user(i: int, **fields: Any) -> dict[str, Any]:
    user = {"id": f"u{i}", "name": f"n{i}", "app_id": "a", "created_at": "2024-05-06T07:08:09Z"}
    user.update(fields)
    return user


def _bad_page(count: int) -> dict[str, Any]:
    """`count` users, each with a created_at that is not a date-time: one error per item."""
    items = [_user(i, created_at=f"day {i}") for i in range(count)]
    return {"items": items, "total": count, "page": 1, "size": count, "pages": 1}


def test_a_null_delete_gives_a_result_and_logs_a_warning(
    fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    fault_server.route("DELETE", DELETE, json_body=None)
    with Honcho(base_url=fault_server.url) as client, caplog.at_level(logging.WARNING):
        result = client.apps.users.sessions.delete("s", app_id="a", user_id="u")
    assert isinstance(result, Deleted)
    assert result.message is None
    assert result.to_dict() == {}
    [record] = [r for r in caplog.records if r.name == "honcho_client"]
    assert record.levelno == logging.WARNING
    assert f"DELETE {DELETE}" in record.getMessage()
    assert "does not match the schema" in record.getMessage()


def test_what_validates_is_typed_and_what_does_not_is_kept(fault_server: FaultServer) -> None:
    body = _user(1, name=["not", "a", "string"], created_at="2024-05-06T07:08:09Z", new=True)
    del body["app_id"]
    fault_server.route("GET", USER, json_body=body)
    with Honcho(base_url=fault_server.url) as client:
        user = client.apps.users.get("a")
    assert isinstance(user, User)
    assert user.id == "u1"
    assert isinstance(user.created_at, datetime)  # validated: typed
    assert user.name == ["not", "a", "string"]  # broken: as received
    assert user.app_id is None  # missing and required: None
    assert user.metadata == {}  # missing with a default: the default
    assert user.model_extra == {"new": True}  # unknown: kept
    assert user.to_dict(mode="json", warnings=False) == {
        "id": "u1",
        "name": ["not", "a", "string"],
        "created_at": "2024-05-06T07:08:09Z",
        "new": True,
    }


def test_a_lenient_page_types_each_item_it_can(fault_server: FaultServer) -> None:
    page = {"items": [_user(0), _user(1, created_at="yesterday")], "total": 2, "page": 1}
    page.update(size=2, pages=1)
    fault_server.route("POST", LIST, json_body=page)
    with Honcho(base_url=fault_server.url) as client:
        first, second = list(client.apps.users.list("a"))
    assert isinstance(first.created_at, datetime)
    assert isinstance(second, User) and second.created_at == "yesterday"


@pytest.mark.parametrize("where", ["constructor", "with_options"])
def test_strict_raises_on_every_result_shape(fault_server: FaultServer, where: str) -> None:
    fault_server.route("DELETE", DELETE, json_body=None)
    fault_server.route("POST", LIST, json_body=_bad_page(2))
    base = Honcho(base_url=fault_server.url, strict_response_validation=where == "constructor")
    client = base if where == "constructor" else base.with_options(strict_response_validation=True)
    with base:
        with pytest.raises(APIResponseValidationError, match="first at body"):
            client.apps.users.sessions.delete("s", app_id="a", user_id="u")
        with pytest.raises(APIResponseValidationError, match=r"items\.0\.created_at"):
            client.apps.users.list("a")
        raw = client.apps.users.with_raw_response.list("a")
        with pytest.raises(APIResponseValidationError):
            raw.parse()
        # The copy's setting is its own.
        assert base.with_options(strict_response_validation=False).apps.users.list("a").items


async def test_strict_and_lenient_async(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("DELETE", DELETE, json_body=None)
    async with async_honcho(base_url=fault_server.url) as client:
        result = await client.apps.users.sessions.delete("s", app_id="a", user_id="u")
        assert isinstance(result, Deleted)
        strict = client.with_options(strict_response_validation=True)
        with pytest.raises(APIResponseValidationError):
            await strict.apps.users.sessions.delete("s", app_id="a", user_id="u")
    async with async_honcho(base_url=fault_server.url, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError):
            await client.apps.users.sessions.delete("s", app_id="a", user_id="u")


def test_a_body_that_is_not_json_raises_in_both_modes(fault_server: FaultServer) -> None:
    fault_server.route("GET", USER, Fault.status(200, body="<html>proxy</html>"))
    with Honcho(base_url=fault_server.url) as client:
        for strict in (False, True):
            with pytest.raises(APIResponseValidationError, match="not JSON"):
                client.with_options(strict_response_validation=strict).apps.users.get("a")


@pytest.mark.parametrize("count", [5_000, 50_000])
def test_errors_stay_small_at_any_body_size(fault_server: FaultServer, count: int) -> None:
    fault_server.route("POST", LIST, json_body=_bad_page(count))
    with Honcho(base_url=fault_server.url, strict_response_validation=True) as client:
        with pytest.raises(APIResponseValidationError) as caught:
            client.apps.users.list("a")
        lenient = client.with_options(strict_response_validation=False).apps.users.list("a")
    error = caught.value
    text = "".join(traceback.format_exception(error))
    buffer = io.StringIO()
    logger = logging.getLogger(f"test.bounded.{count}")
    logger.propagate = False
    logger.addHandler(logging.StreamHandler(buffer))
    try:
        raise error
    except APIResponseValidationError:
        logger.exception("listing users failed")
    assert len(str(error)) < 1_000
    assert len(text.encode()) < LIMIT, len(text)
    assert len(buffer.getvalue().encode()) < LIMIT, len(buffer.getvalue())
    assert f"{count} error(s), first at items.0.created_at" in str(error)
    # The full detail stays reachable.
    assert error.validation_error is not None
    assert error.validation_error.error_count() == count
    assert len(error.response.content) > 50 * count
    assert error.__cause__ is None and error.__suppress_context__
    # And leniently the same body is a page of users, kept as received where they broke.
    assert len(lenient.items) == count and lenient.items[-1].created_at == f"day {count - 1}"


def test_a_lenient_list_result_types_each_item_it_can(fault_server: FaultServer) -> None:
    def message(i: int, **fields: Any) -> dict[str, Any]:
        item = {"id": f"m{i}", "content": "c", "is_user": True, "session_id": "s", "app_id": "a"}
        item.update(user_id="u", created_at="2024-05-06T07:08:09Z", **fields)
        return item

    batch = "/v1/apps/a/users/u/sessions/s/messages/batch"
    fault_server.route("POST", batch, json_body=[message(0), message(1, is_user="maybe")])
    with Honcho(base_url=fault_server.url) as client:
        good, odd = client.apps.users.sessions.messages.batch(
            "s", app_id="a", user_id="u", messages=[{"content": "c", "is_user": True}]
        )
    assert type(good) is type(odd) is Message
    assert good.is_user is True and odd.is_user == "maybe"
    assert isinstance(odd.created_at, datetime)
