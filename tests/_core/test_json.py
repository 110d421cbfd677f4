"""JSON bodies: values JSON cannot carry are refused before sending, naming the field."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import FaultServer

from honcho_client import Honcho, RequestValidationError

SESSIONS = "/v1/apps/a/users/u/sessions"
SESSION = {
    "id": "s1", "is_active": True, "user_id": "u", "app_id": "a", "metadata": {},
    "created_at": "2024-05-06T07:08:09Z",
}  # fmt: skip


@pytest.mark.parametrize(
    ("metadata", "field", "rule"),
    [
        ({"score": float("nan")}, "body.metadata.score", "finite"),
        ({"score": float("inf")}, "body.metadata.score", "finite"),
        ({"score": float("nan"), "none": None}, "body.metadata.score", "finite"),
        ({"deep": [1, {"x": -float("inf")}]}, "body.metadata.deep[1].x", "finite"),
        ({"name": "half \ud83d pair"}, "body.metadata.name", "utf-8"),
        ({"thing": object()}, "body.metadata.thing", "json"),
        ({"raw": b"\xff\xfe"}, "body.metadata.raw", "json"),
        # a key that is not a string breaks the model's `dict[str, ...]` before JSON is tried
        ({frozenset({object()}): "odd key"}, "body.metadata.frozenset({<object", "type"),
    ],
)
def test_values_json_cannot_carry_are_refused(
    fault_server: FaultServer, metadata: dict[Any, Any], field: str, rule: str
) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.sessions.create("u", app_id="a", metadata=metadata)
    [issue] = e.value.issues
    assert (issue.field[: len(field)], issue.rule) == (field, rule)
    assert "nothing was sent" in str(e.value)
    assert fault_server.connections_accepted == 0


def test_extra_body_is_checked_too(fault_server: FaultServer) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.sessions.create("u", app_id="a", extra_body={"ratio": float("-inf")})
    assert e.value.issues[0].field == "body.ratio"
    assert fault_server.connections_accepted == 0


async def test_valid_values_that_look_alike_are_sent(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("POST", SESSIONS, json_body=SESSION)
    metadata = {
        "text": "NaN and Infinity are just words here",
        "big": 1e308,
        "when": dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.timezone.utc),
        "emoji": "😀",
    }
    async with async_honcho(base_url=fault_server.url) as client:
        await client.apps.users.sessions.create("u", app_id="a", metadata=metadata)
    assert fault_server.requests[0].json()["metadata"] == {
        "text": "NaN and Infinity are just words here",
        "big": 1e308,
        "when": "2024-05-06T07:08:09Z",
        "emoji": "😀",
    }
