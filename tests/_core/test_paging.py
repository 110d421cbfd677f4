"""Iteration over pages cannot loop: a server that ignores `?page=` is caught within 3 requests,
sync and async, over real sockets."""

from __future__ import annotations

from typing import Any

import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer

from honcho_client import APIError, APIResponseValidationError, Honcho

LIST = "/v1/apps/a/users/list"


def _user(i: int) -> dict[str, Any]:
    return {"id": f"u{i}", "name": f"n{i}", "app_id": "a", "created_at": "2024-05-06T07:08:09Z"}


def _page(number: int, ids: list[int], **fields: Any) -> dict[str, Any]:
    page = {"items": [_user(i) for i in ids], "total": 6, "page": number, "size": 2, "pages": 3}
    page.update(fields)
    return {k: v for k, v in page.items() if v is not None}


def test_a_server_that_ignores_the_page_stops_iteration(fault_server: FaultServer) -> None:
    fault_server.route("POST", LIST, json_body=_page(1, [0, 1]))  # whatever page is asked for
    with Honcho(base_url=fault_server.url) as client, pytest.raises(APIError) as caught:
        list(client.apps.users.list("a", size=2))
    assert fault_server.count("POST", LIST) <= 3
    message = str(caught.value)
    assert "answered page 1 when asked for page 2" in message
    assert f"POST {fault_server.url}{LIST}" in message


async def test_a_server_that_repeats_the_items_stops_iteration(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.enqueue(
        "POST",
        LIST,
        Fault.status(200, json_body=_page(1, [0, 1])),
        Fault.status(200, json_body=_page(2, [0, 1])),  # the right number, the same items
    )
    fault_server.route("POST", LIST, json_body=_page(3, [0, 1]))
    seen: list[str] = []
    async with async_honcho(base_url=fault_server.url) as client:
        with pytest.raises(APIError, match="answered page 2 with the same items as page 1"):
            async for user in client.apps.users.list("a", size=2):
                seen.append(user.id)
    assert seen == ["u0", "u1"]
    assert fault_server.count("POST", LIST) == 2


def test_without_pages_the_total_decides(fault_server: FaultServer) -> None:
    fault_server.enqueue(
        "POST",
        LIST,
        Fault.status(200, json_body=_page(1, [0, 1], pages=None, total=3)),
        Fault.status(200, json_body=_page(2, [2], pages=None, total=3)),
    )
    with Honcho(base_url=fault_server.url) as client:
        assert [u.id for u in client.apps.users.list("a", size=2)] == ["u0", "u1", "u2"]
    assert fault_server.count("POST", LIST) == 2


def test_without_a_total_the_page_does_not_match_the_schema(fault_server: FaultServer) -> None:
    fault_server.route("POST", LIST, json_body=_page(1, [0, 1], pages=None, total=None))
    with (
        Honcho(base_url=fault_server.url, strict_response_validation=True) as client,
        pytest.raises(APIResponseValidationError) as e,
    ):
        list(client.apps.users.list("a", size=2))
    assert "total" in str(e.value)
    assert fault_server.count("POST", LIST) == 1


def test_without_a_total_a_lenient_page_stops_after_itself(fault_server: FaultServer) -> None:
    fault_server.route("POST", LIST, json_body=_page(1, [0, 1], pages=None, total=None))
    with Honcho(base_url=fault_server.url) as client:
        page = client.apps.users.list("a", size=2)
        assert page.total is None and not page.has_next_page()
        assert len(list(page)) == 2
    assert fault_server.count("POST", LIST) == 1


def test_moving_forward_is_fine(fault_server: FaultServer) -> None:
    fault_server.enqueue(
        "POST",
        LIST,
        Fault.status(200, json_body=_page(1, [0, 1])),
        Fault.status(200, json_body=_page(2, [2, 3])),
        Fault.status(200, json_body=_page(3, [4, 5])),
    )
    with Honcho(base_url=fault_server.url) as client:
        ids = [u.id for u in client.apps.users.list("a", size=2)]
    assert ids == [f"u{i}" for i in range(6)]
