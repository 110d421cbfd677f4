"""The fast async path, `AsyncHoncho(http_client=DefaultAioHttpClient())`, over real sockets.

It must behave like the default httpx transport: the same bytes on the wire, the same results,
the same errors and attempt counts, streams passed through as sent, and no socket left open
after close. (The transport, fault and fuzz tests run on both transports through the
`async_honcho` fixture; this module covers what is particular to aiohttp.)
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

import _sockets
import httpx
import pytest
from _bodies import CHAT, CREATE, GET, METAMESSAGE
from _clients import async_honcho_factory
from _servers.faults import Fault, FaultServer

from honcho_client import (
    APIConnectionError,
    APITimeoutError,
    AsyncHoncho,
    DefaultAioHttpClient,
    HonchoError,
)
from honcho_client.testing import FakeHoncho, FakeServer

pytest.importorskip("httpx_aiohttp", reason="needs the aiohttp extra: pip install -e '.[aiohttp]'")

from honcho_client._http.aiohttp_transport import translate_error


@asynccontextmanager
async def fast_client(**client_args: Any) -> AsyncIterator[AsyncHoncho]:
    async with DefaultAioHttpClient() as http, AsyncHoncho(http_client=http, **client_args) as c:
        yield c


@pytest.fixture
def server(fault_server: FaultServer) -> FaultServer:
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)
    fault_server.route("GET", GET, json_body=METAMESSAGE)
    return fault_server


@pytest.fixture
def served() -> Iterator[tuple[FakeHoncho, FakeServer]]:
    fake = FakeHoncho()
    with fake.serve() as server:
        yield fake, server


def create(client: AsyncHoncho) -> Any:
    return client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content="c"
    )


def get(client: AsyncHoncho) -> Any:
    return client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


# A whole session on the served in-process Honcho ----------------------------------------------


async def test_a_session_on_the_served_fake(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    async with fast_client(base_url=server.url, api_key=fake.api_key) as client:
        app = await client.apps.create(name="fast-path")
        assert (await client.apps.get(app_id=app.id)).name == "fast-path"
        user = await client.apps.users.create(app.id, name="alice")
        session = await client.apps.users.sessions.create(user.id, app_id=app.id)
        for i in range(7):
            await client.apps.users.sessions.messages.create(
                session.id, app_id=app.id, user_id=user.id, content=f"m{i}", is_user=True
            )
        first = await client.apps.users.sessions.messages.list(
            session.id, app_id=app.id, user_id=user.id, size=3
        )
        assert (first.total, first.pages, len(first.items)) == (7, 3, 3)
        walked = [
            m.content
            async for m in client.apps.users.sessions.messages.list(
                session.id, app_id=app.id, user_id=user.id, size=3
            )
        ]
        assert walked == [f"m{i}" for i in range(7)]
        stream = await client.apps.users.sessions.chat(
            session.id, app_id=app.id, user_id=user.id, queries="hobbies?", stream=True
        )
        async with stream:
            streamed = [chunk async for chunk in stream]
        answer = await client.apps.users.sessions.chat(
            session.id, app_id=app.id, user_id=user.id, queries="hobbies?"
        )
    assert "".join(streamed) == answer.content
    assert 'the latest was "m6"' in answer.content
    assert [a["name"] for a in fake.apps] == ["fast-path"]


# The same bytes on the wire as httpx's transport ---------------------------------------------


async def test_requests_on_the_wire_match_httpx(server: FaultServer) -> None:
    odd = "a b/ü%2F.."
    page = {"items": [METAMESSAGE], "total": 1, "page": 1, "size": 5, "pages": 1}
    server.route("POST", "/v1/apps/a/users/u/metamessages/list", json_body=page)
    for raw_id in ("a%20b%2F%C3%BC%252F..", "%2E%2E"):
        server.route("GET", f"/v1/apps/a/users/u/metamessages/{raw_id}", json_body=METAMESSAGE)

    async def calls(client: AsyncHoncho) -> None:
        await client.apps.users.metamessages.create(
            user_id="u",
            app_id="a",
            metamessage_type="x",
            content="é \u2028",
            metadata={"n": 1.5, "list": [True, None]},
            extra_headers={"X-Trace": "t1", "accept": "application/json; q=1"},
        )
        await client.apps.users.metamessages.get(odd, app_id="a", user_id="u")
        # Sent as %2E%2E: re-normalised, it would address the parent route.
        await client.apps.users.metamessages.get("..", app_id="a", user_id="u")
        await client.apps.users.metamessages.list(
            app_id="a", user_id="u", size=5, extra_query={"reverse": True}
        )

    async with AsyncHoncho(base_url=server.url, api_key="k") as default:
        await calls(default)
    by_httpx = list(server.requests)
    async with fast_client(base_url=server.url, api_key="k") as fast:
        await calls(fast)
    by_aiohttp = server.requests[len(by_httpx) :]

    assert len(by_httpx) == len(by_aiohttp) == 4
    for a, b in zip(by_httpx, by_aiohttp, strict=True):
        assert (b.method, b.target, b.body) == (a.method, a.target, a.body)
        assert sorted(b.headers.multi_items()) == sorted(a.headers.multi_items())
    assert [len(r.headers.get_list("accept")) for r in by_aiohttp] == [1, 1, 1, 1]


async def test_user_info_in_base_url_goes_on_the_wire_as_httpx_sends_it(
    server: FaultServer,
) -> None:
    base_url = server.url.replace("http://", "http://agent:PassW0rd@")
    async with AsyncHoncho(base_url=base_url, api_key="k") as default:
        await get(default)
    async with fast_client(base_url=base_url, api_key="k") as fast:
        await get(fast)
    by_httpx, by_aiohttp = server.requests[-2:]
    assert (by_aiohttp.method, by_aiohttp.target) == (by_httpx.method, by_httpx.target)
    assert sorted(by_aiohttp.headers.multi_items()) == sorted(by_httpx.headers.multi_items())


async def test_cookies_set_by_the_server_are_sent_back(server: FaultServer) -> None:
    server.enqueue(
        "GET",
        GET,
        Fault.status(200, json_body=METAMESSAGE, headers={"Set-Cookie": "sid=abc; Path=/"}),
    )
    async with (
        DefaultAioHttpClient() as http,
        AsyncHoncho(base_url=server.url, http_client=http) as client,
    ):
        await get(client)
        await get(client)
        await create(client)
    assert [r.headers.get("cookie") for r in server.requests] == [None, "sid=abc", "sid=abc"]
    assert http.cookies.get("sid") == "abc"


def _answer(body: bytes, status_line: bytes = b"HTTP/1.1 200 OK", extra: bytes = b"") -> bytes:
    head = b"Content-Type: application/json\r\nContent-Length: %d\r\n" % len(body)
    return status_line + b"\r\n" + head + extra + b"\r\n" + body


ODD_ANSWERS = {
    "garbage": Fault.raw(b"garbage\r\n\r\n"),
    "bad-status-line": Fault.raw(b"HTTP/1.1 abc\r\n\r\n"),
    "cut-in-headers": Fault.raw(b"HTTP/1.1 200 OK\r\nContent-", reset=True),
    "utf8-reason": Fault.raw(
        _answer(json.dumps(METAMESSAGE).encode(), "HTTP/1.1 200 \u2713 fine".encode())
    ),
    "long-header": Fault.raw(
        _answer(json.dumps(METAMESSAGE).encode(), extra=b"X-Long: " + b"a" * 20_000 + b"\r\n")
    ),
}


@pytest.mark.parametrize("answer", list(ODD_ANSWERS), ids=list(ODD_ANSWERS))
async def test_odd_answers_end_alike_on_both_transports(server: FaultServer, answer: str) -> None:
    outcomes = []
    for transport in ("httpx", "aiohttp"):
        server.enqueue("GET", GET, ODD_ANSWERS[answer])
        async with async_honcho_factory(transport)(base_url=server.url, max_retries=0) as client:
            try:
                outcomes.append(type(await get(client)).__name__)
            except HonchoError as error:
                outcomes.append(f"{type(error).__name__} after {getattr(error, 'attempts', 1)}")
    assert outcomes[1] == outcomes[0]
    assert server.count("GET", GET) == 2


async def test_a_header_the_wire_cannot_carry_fails_alike(server: FaultServer) -> None:
    outcomes = []
    for make in (httpx.AsyncClient, DefaultAioHttpClient):
        async with make(headers={"X-Note": "a\nb"}) as http:
            client = AsyncHoncho(base_url=server.url, http_client=http, max_retries=1)
            with pytest.raises(APIConnectionError) as caught:
                await get(client)
        outcomes.append((caught.value.attempts, "LocalProtocolError" in str(caught.value)))
    assert outcomes == [(2, True), (2, True)]
    assert server.count("GET", GET) == 0


# Streams: as sent, progressively, and closed early without keeping the connection --------------


async def test_a_plain_text_stream_comes_back_as_sent(server: FaultServer) -> None:
    chunks = [
        b":) sure\n",
        b"data: x\r",
        b"\nevent: y\n\n",
        b"caf\xc3",
        b"\xa9 \xf0\x9f",
        b"\x98\x80",
    ]
    sent = Fault.stream(chunks, interval=0.1)
    server.enqueue("POST", CHAT, sent)
    async with fast_client(base_url=server.url) as client:
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        received: list[tuple[str, float]] = []
        async with stream:
            async for text in stream:
                received.append((text, time.monotonic()))
    assert "".join(t for t, _ in received) == b"".join(chunks).decode()
    # Chunks reach the caller as they arrive, not once the body is complete.
    assert received[0][0] == ":) sure\n"
    assert received[0][1] < sent.sent_at[-1]


async def test_a_stream_closed_early_closes_its_connection(server: FaultServer) -> None:
    server.enqueue("POST", CHAT, Fault.stream([b"one ", b"two ", b"three"], interval=0.5))
    async with fast_client(base_url=server.url, max_concurrency=1) as client:
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        async for text in stream:
            assert text == "one "
            break
        accepted = server.connections_accepted
        # One permit: the next call waits for it unless breaking out released it.
        assert (await asyncio.wait_for(get(client), 5.0)).id == "m1"
    # A half-read body cannot be reused: the next call came on a new connection.
    assert server.connections_accepted == accepted + 1


# Errors and attempts, as on httpx's transport -------------------------------------------------


async def test_a_read_timeout_on_a_create_is_one_attempt(server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.read_hang(3))
    async with fast_client(base_url=server.url, timeout=0.3, max_retries=2) as client:
        with pytest.raises(APITimeoutError) as caught:
            await create(client)
    assert caught.value.attempts == 1
    assert server.count("POST", CREATE) == 1
    assert "read" in caught.value.reason


async def test_a_read_timeout_on_a_get_is_retried(server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.read_hang(3), Fault.read_hang(3))
    async with fast_client(base_url=server.url, timeout=0.3, max_retries=1) as client:
        with pytest.raises(APITimeoutError) as caught:
            await get(client)
    assert caught.value.attempts == 2
    assert server.count("GET", GET) == 2


async def test_aiohttp_does_not_resend_a_dropped_get_behind_the_sdks_back(
    server: FaultServer,
) -> None:
    server.enqueue("GET", GET, Fault.drop_after_read())
    async with fast_client(base_url=server.url, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as caught:
            await get(client)
    assert caught.value.attempts == 1
    assert server.count("GET", GET) == 1


async def test_a_create_dropped_after_sending_is_not_sent_again(server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.reset_after_read())
    async with fast_client(base_url=server.url, max_retries=2) as client:
        with pytest.raises(APIConnectionError) as caught:
            await create(client)
    assert not isinstance(caught.value, APITimeoutError)
    assert server.count("POST", CREATE) == 1
    assert "reset" in str(caught.value)


async def test_a_refused_connection_names_the_address(refused_url: str) -> None:
    address = refused_url.split("://", 1)[1]
    async with fast_client(base_url=refused_url, max_retries=1) as client:
        with pytest.raises(APIConnectionError) as caught:
            await get(client)
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.attempts == 2  # nothing was sent: a connect error is always retried
    assert address in str(caught.value)
    assert "refused" in str(caught.value)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        ("ServerDisconnectedError", httpx.RemoteProtocolError),
        ("ConnectionTimeoutError", httpx.ConnectTimeout),
        ("SocketTimeoutError", httpx.ReadTimeout),
        ("ClientPayloadError", httpx.RemoteProtocolError),
        ("ClientConnectionResetError", httpx.WriteError),
        ("ClientOSError", httpx.ReadError),
        ("ClientConnectionError", httpx.ReadError),
        ("InvalidURL", httpx.UnsupportedProtocol),
    ],
)
def test_only_failures_before_sending_become_connect_errors(
    error: str, expected: type[httpx.TransportError]
) -> None:
    import aiohttp

    made = getattr(aiohttp, error)("x")
    translated = translate_error(made)
    assert type(translated) is expected
    # The retry policy may send a create again after these only: nothing had been sent.
    sendable_again = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
    assert isinstance(translated, sendable_again) == (error == "ConnectionTimeoutError")


def test_errors_that_are_not_transport_failures_pass_through() -> None:
    assert translate_error(ValueError("a bug")) is None
    assert translate_error(KeyError("k")) is None


# Lifecycle: sockets, event loops, imports ------------------------------------------------------


@pytest.mark.skipif(not _sockets.available(), reason="counts sockets through /proc")
async def test_close_leaves_no_socket_open(server: FaultServer) -> None:
    server.route("POST", CHAT, Fault.stream([b"a", b"b"], interval=0.05))
    before = _sockets.open_sockets()
    http = DefaultAioHttpClient()
    async with AsyncHoncho(base_url=server.url, http_client=http) as client:
        await asyncio.gather(*(create(client) for _ in range(20)))
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        await stream.close()
        assert _sockets.open_sockets() > before
    await http.aclose()
    assert await _sockets.settle_async(before) == before


def test_made_outside_an_event_loop_and_used_in_one(server: FaultServer) -> None:
    http = DefaultAioHttpClient()  # no loop is running: aiohttp's session waits for first use

    async def main() -> str:
        async with AsyncHoncho(base_url=server.url, http_client=http) as client:
            found = await get(client)
        await http.aclose()
        return str(found.id)

    assert asyncio.run(main()) == "m1"


def _python(code: str, *env_drop: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in env_drop}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )


def test_aiohttp_is_imported_only_when_a_client_is_made() -> None:
    code = (
        "import sys\n"
        "from honcho_client import AsyncHoncho, DefaultAioHttpClient\n"
        "assert 'aiohttp' not in sys.modules, 'imported with the name'\n"
        "DefaultAioHttpClient()\n"
        "assert 'aiohttp' in sys.modules\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr


def test_without_the_extra_making_one_says_what_to_install() -> None:
    code = (
        "import sys\n"
        "sys.modules['aiohttp'] = None  # as if the extra were not installed\n"
        "from honcho_client import DefaultAioHttpClient, HonchoError\n"
        "try:\n"
        "    DefaultAioHttpClient()\n"
        "except HonchoError as error:\n"
        "    assert isinstance(error, ImportError)\n"
        "    print(error)\n"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert "pip install 'honcho_client[aiohttp]'" in result.stdout


def test_it_is_an_httpx_async_client() -> None:
    http = DefaultAioHttpClient(timeout=2.0)
    assert isinstance(http, httpx.AsyncClient)
    assert http.timeout == httpx.Timeout(2.0)
    assert isinstance(http._transport, httpx.AsyncBaseTransport)
    assert type(http._transport).__name__ == "AioHttpTransport"


@pytest.mark.skipif(
    "app" not in inspect.signature(httpx.AsyncClient).parameters,
    reason="httpx 0.28 and later have no app= argument",
)
async def test_an_app_given_to_the_fast_path_client_is_served_in_process() -> None:
    """httpx 0.27's `app=`: the app answers through httpx's in-process transport, not aiohttp."""
    seen: list[str] = []

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        seen.append(scope["path"])
        body = json.dumps(METAMESSAGE).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async with (
        DefaultAioHttpClient(app=app, base_url="http://honcho.test") as http,
        AsyncHoncho(base_url="http://honcho.test", http_client=http) as client,
    ):
        got = await client.apps.users.metamessages.get("m1", app_id="a", user_id="u")
    assert got.id == "m1"
    assert seen == [GET]
