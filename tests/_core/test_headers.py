"""Headers over real sockets: merged case-insensitively, so none is ever sent twice, with
`default_headers` and `extra_headers` replacing the SDK's own. Sync and async."""

from __future__ import annotations

import httpx
import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import FaultServer, ReceivedRequest

from honcho_client import Honcho, RequestValidationError, __version__

APPS = "/v1/apps"
APP = {"id": "a1", "name": "n", "created_at": "2024-05-06T07:08:09Z"}
THEIRS = {
    "accept": "application/vnd.mine+json",
    "user-agent": "my-agent/2",
    "CONTENT-TYPE": "application/json; charset=utf-8",
    "x-team": "agents",
}


def _single(request: ReceivedRequest) -> dict[str, str]:
    """Every header of the request once, lower-cased; fails on a header sent twice."""
    names = [name.lower() for name, _ in request.headers.multi_items()]
    assert sorted(names) == sorted(set(names)), f"a header was sent twice: {names}"
    return {name.lower(): value for name, value in request.headers.multi_items()}


def test_default_and_extra_headers_replace_ours_sync(fault_server: FaultServer) -> None:
    fault_server.route("POST", APPS, json_body=APP)
    with Honcho(api_key="sk-1", base_url=fault_server.url, default_headers=THEIRS) as client:
        client.apps.create(name="n")
        client.apps.create(name="n", extra_headers={"ACCEPT": "text/plain", "X-Trace": "t1"})
        client.with_options(default_headers={"X-TEAM": "other"}).apps.create(name="n")
    plain, extra, copied = (_single(r) for r in fault_server.requests)
    assert plain["accept"] == "application/vnd.mine+json"
    assert plain["user-agent"] == "my-agent/2"
    assert plain["content-type"] == "application/json; charset=utf-8"
    assert plain["authorization"] == "Bearer sk-1"
    assert (extra["accept"], extra["x-trace"]) == ("text/plain", "t1")
    assert (copied["x-team"], copied["accept"]) == ("other", "application/vnd.mine+json")


async def test_default_and_extra_headers_replace_ours_async(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("POST", APPS, json_body=APP)
    async with async_honcho(base_url=fault_server.url, default_headers=THEIRS) as client:
        await client.apps.create(name="n", extra_headers={"Authorization": "Bearer from-call"})
        await client.with_options(api_key="sk-2").apps.create(name="n")
    first, second = (_single(r) for r in fault_server.requests)
    assert first["accept"] == "application/vnd.mine+json"
    assert first["user-agent"] == "my-agent/2"
    assert first["content-type"] == "application/json; charset=utf-8"
    assert first["authorization"] == "Bearer from-call"
    assert second["authorization"] == "Bearer sk-2"


def test_our_headers_when_nobody_overrides_them(fault_server: FaultServer) -> None:
    fault_server.route("POST", APPS, json_body=APP)
    with httpx.Client(headers={"USER-AGENT": "their-client", "X-Pool": "p"}) as http:
        Honcho(base_url=fault_server.url, http_client=http).apps.create(name="n")
    with Honcho(base_url=fault_server.url) as client:
        client.apps.create(name="n")
    theirs, ours = (_single(r) for r in fault_server.requests)
    assert theirs["x-pool"] == "p"
    for sent in (theirs, ours):
        assert sent["accept"] == "application/json"
        assert sent["content-type"] == "application/json"
        assert sent["user-agent"] == f"honcho-client-python/{__version__}"


@pytest.mark.parametrize(
    ("extra", "problem"),
    [
        ({"X-A": "a\r\nX-Injected: 1"}, "contains a control character (U+000D)"),
        ({"X-A": "naïve"}, "contains a non-ASCII character (U+00EF)"),
        ({"Bad Name": "v"}, "is not a valid header name"),
        ({"X-A": 5}, "must be a str, got int"),
    ],
)
def test_a_header_that_cannot_be_sent_sends_nothing(
    fault_server: FaultServer, extra: dict[str, object], problem: str
) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.create(name="n", extra_headers=extra)  # type: ignore[arg-type]
    assert problem in str(e.value)
    assert e.value.issues[0].loc[0] == "extra_headers"
    assert fault_server.connections_accepted == 0
