"""The pool the clients make: the cookie jar still works while answers without cookies skip it."""

from __future__ import annotations

import pytest
from _servers.faults import Fault, FaultServer

from honcho_client import AsyncHoncho, Honcho
from honcho_client._http.cookies import SetCookieJar

APP = {"id": "a1", "name": "n", "metadata": {}, "created_at": "2024-05-06T07:08:09Z"}
PATH = "/v1/apps/name/n"


def _set_cookie_once(server: FaultServer) -> None:
    server.route("GET", PATH, json_body=APP)
    server.enqueue(
        "GET", PATH, Fault.status(200, json_body=APP, headers={"Set-Cookie": "sid=abc; Path=/"})
    )


def test_sync_pool_sends_back_cookies_the_server_set(fault_server: FaultServer) -> None:
    _set_cookie_once(fault_server)
    with Honcho(base_url=fault_server.url, max_retries=0) as client:
        for _ in range(3):
            assert client.apps.get_by_name("n").id == "a1"
        assert isinstance(client._http.cookies, SetCookieJar)
    assert [r.headers.get("cookie") for r in fault_server.requests] == [None, "sid=abc", "sid=abc"]


@pytest.mark.asyncio
async def test_async_pool_sends_back_cookies_the_server_set(fault_server: FaultServer) -> None:
    _set_cookie_once(fault_server)
    async with AsyncHoncho(base_url=fault_server.url, max_retries=0) as client:
        for _ in range(3):
            assert (await client.apps.get_by_name("n")).id == "a1"
        assert isinstance(client._http.cookies, SetCookieJar)
    assert [r.headers.get("cookie") for r in fault_server.requests] == [None, "sid=abc", "sid=abc"]
