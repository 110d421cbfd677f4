"""The async pool's network backend (`_network`): asyncio's transports under httpcore.

Everything here runs over real sockets on 127.0.0.1 (TLS with a throwaway CA from trustme, and a
Unix socket); the servers are asyncio servers in the test's own event loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import ssl
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import _sockets
import httpcore
import httpx
import pytest
import trustme
from _servers.faults import refused_url

from honcho_client import APIConnectionError, APITimeoutError, AsyncHoncho
from honcho_client._http.network import (
    HAPPY_EYEBALLS_DELAY,
    HIGH_WATER,
    AsyncioBackend,
    AsyncioStream,
    AsyncPoolTransport,
    _Protocol,
)

APP = b'{"id":"a1","name":"n","metadata":{},"created_at":"2024-05-06T07:08:09Z"}'
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_head(reader: asyncio.StreamReader) -> bytes:
    """One request's head; its body too when it has a Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            await reader.readexactly(int(line.split(b":", 1)[1]))
    return head


def _answer(body: bytes = APP, extra: bytes = b"") -> bytes:
    return (
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
        + extra
        + b"content-length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )


async def _keep_answering(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    # Cancelled too: the test server closes with handlers still waiting for a request.
    with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
        while True:
            await _read_head(reader)
            writer.write(_answer())
            await writer.drain()
    writer.close()


@contextlib.asynccontextmanager
async def _server(handler: Handler, **options: Any) -> AsyncIterator[asyncio.Server]:
    server = await asyncio.start_server(handler, "127.0.0.1", 0, **options)
    try:
        yield server
    finally:
        server.close()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(server.wait_closed(), 1.0)


async def _get_app(
    handler: Handler, *, scheme: str = "http", tls: ssl.SSLContext | None = None, **options: Any
) -> None:
    """One SDK call (`apps.get_by_name`, no retries) to a server answering with `handler`."""
    async with _server(handler, ssl=tls) as server:
        url = f"{scheme}://localhost:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0, **options) as client:
            await client.apps.get_by_name("n")


def _port(server: asyncio.Server) -> int:
    port: int = server.sockets[0].getsockname()[1]
    return port


@contextlib.contextmanager
def _hanging_address() -> Any:
    """An address whose connects hang: a listener whose accept queue is full drops new SYNs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    address = listener.getsockname()
    fillers = []
    for _ in range(3):  # fill the backlog (Linux accepts backlog + 1)
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(address)
        fillers.append(filler)
    try:
        yield address
    finally:
        for s in (*fillers, listener):
            s.close()


def _fake_resolver(loop: asyncio.AbstractEventLoop, *addresses: tuple[str, int]) -> None:
    """Make `loop` resolve any name to `addresses`, in that order."""

    async def getaddrinfo(*_: Any, **__: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", a) for a in addresses]

    loop.getaddrinfo = getaddrinfo  # type: ignore[method-assign]


# The pool the SDK makes ----------------------------------------------------------------------


async def test_the_sdks_own_async_pool_runs_on_asyncio_transports() -> None:
    async with _server(_keep_answering) as server:
        url = f"http://127.0.0.1:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0) as client:
            assert isinstance(client._http._transport, AsyncPoolTransport)
            pool = client._http._transport._pool
            assert isinstance(pool._network_backend, AsyncioBackend)
            for _ in range(3):
                assert (await client.apps.get_by_name("n")).id == "a1"
            [connection] = pool.connections  # one connection, reused
            stream = connection._connection._network_stream
            assert isinstance(stream, AsyncioStream)


async def test_a_callers_own_http_client_keeps_its_transport() -> None:
    async with _server(_keep_answering) as server, httpx.AsyncClient() as mine:
        url = f"http://127.0.0.1:{_port(server)}"
        async with AsyncHoncho(base_url=url, http_client=mine) as client:
            assert (await client.apps.get_by_name("n")).id == "a1"
        assert type(mine._transport) is httpx.AsyncHTTPTransport
        assert not isinstance(mine._transport._pool._network_backend, AsyncioBackend)


async def test_an_idle_connection_the_server_closed_is_not_reused() -> None:
    """The server closes each connection 50 ms after answering; a create sent later must go
    out on a new connection, not fail writing to the closed one."""
    connections = 0

    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        await _read_head(reader)
        writer.write(_answer())
        await writer.drain()
        await asyncio.sleep(0.05)
        writer.close()

    async with _server(answer_then_close) as server:
        url = f"http://127.0.0.1:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0) as client:
            for _ in range(3):
                assert (await client.apps.get_by_name("n")).id == "a1"
                await asyncio.sleep(0.2)
    assert connections == 3


# Reading and writing -------------------------------------------------------------------------


async def test_a_slow_reader_stops_the_socket_being_read_and_loses_nothing() -> None:
    body = random.Random(7).randbytes(4 * 1024 * 1024)

    async def big(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_head(reader)
        writer.write(_answer(body, b"content-type: application/octet-stream\r\n"))
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    async with (
        _server(big) as server,
        httpx.AsyncClient(transport=AsyncPoolTransport()) as http,
        http.stream("GET", f"http://127.0.0.1:{_port(server)}/big") as response,
    ):
        stream = response.extensions["network_stream"]
        await asyncio.sleep(0.3)  # read nothing while the server sends
        assert isinstance(stream, AsyncioStream)
        protocol: _Protocol = stream._protocol
        assert protocol.paused
        assert HIGH_WATER < len(protocol.buffer) <= HIGH_WATER + 1024 * 1024
        received = b"".join([chunk async for chunk in response.aiter_raw()])
    assert received == body


async def test_a_server_that_reads_nothing_gives_a_write_timeout() -> None:
    async def deaf(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    timeout = httpx.Timeout(5.0, write=0.3)
    async with _server(deaf) as server, httpx.AsyncClient(transport=AsyncPoolTransport()) as http:
        with pytest.raises(httpx.WriteTimeout):
            await http.post(
                f"http://127.0.0.1:{_port(server)}/x", content=b"x" * 64_000_000, timeout=timeout
            )


async def test_a_silent_server_gives_a_read_timeout_naming_the_phase() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_head(reader)
        await asyncio.sleep(5)
        writer.close()

    with pytest.raises(APITimeoutError, match="read timeout: the server sent nothing"):
        await _get_app(silent, timeout=0.2)


async def test_a_reset_mid_body_is_a_connection_error_naming_the_reset() -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_head(reader)
        writer.write(_answer()[:-10])
        await writer.drain()
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        writer.transport.abort()

    with pytest.raises(APIConnectionError, match="localhost") as caught:
        await _get_app(reset)
    assert "reset" in str(caught.value) or "broke off" in str(caught.value)


# Connecting ----------------------------------------------------------------------------------


def _refused_address() -> tuple[str, int]:
    url = httpx.URL(refused_url())
    assert url.port is not None
    return url.host, url.port


async def test_a_refused_connection_names_the_refusal() -> None:
    async with AsyncHoncho(base_url=refused_url(), max_retries=0) as client:
        with pytest.raises(APIConnectionError, match="connection refused"):
            await client.apps.get_by_name("n")


@pytest.mark.parametrize(
    ("first", "earliest", "latest"),
    [("hangs", HAPPY_EYEBALLS_DELAY * 0.9, 2.0), ("refuses", 0.0, HAPPY_EYEBALLS_DELAY)],
)
async def test_the_next_address_is_tried_when_the_first_fails_to_connect(
    first: str, earliest: float, latest: float
) -> None:
    """After HAPPY_EYEBALLS_DELAY when the first address hangs; at once when it refuses."""
    loop = asyncio.get_running_loop()
    async with _server(_keep_answering) as server:
        with _hanging_address() as hanging:
            _fake_resolver(
                loop,
                hanging if first == "hangs" else _refused_address(),
                ("127.0.0.1", _port(server)),
            )
            started = loop.time()
            stream = await AsyncioBackend().connect_tcp("twohomes.test", 80, timeout=5.0)
            took = loop.time() - started
            assert stream.get_extra_info("server_addr")[1] == _port(server)
            await stream.aclose()
    assert earliest <= took < latest


async def test_every_address_refused_raises_the_refusal() -> None:
    _fake_resolver(asyncio.get_running_loop(), _refused_address(), _refused_address())
    with pytest.raises(httpcore.ConnectError) as caught:
        await AsyncioBackend().connect_tcp("twohomes.test", 80, timeout=5.0)
    assert isinstance(caught.value.__cause__, ConnectionRefusedError)


async def test_connecting_within_the_timeout_or_a_connect_timeout() -> None:
    with _hanging_address() as hanging, pytest.raises(httpcore.ConnectTimeout):
        await AsyncioBackend().connect_tcp(*hanging, timeout=0.2)


@pytest.mark.parametrize(
    ("first_hangs", "tries", "latest"),
    [(True, 60, HAPPY_EYEBALLS_DELAY * 1.5), (False, 300, 0.002)],
    ids=["first-address-hangs", "both-addresses-answer"],
)
async def test_connects_cancelled_at_random_moments_leave_no_socket(
    first_hangs: bool, tries: int, latest: float
) -> None:
    """Cancelled while resolving, racing two addresses or wrapping the socket, a connect closes
    every socket it opened. (asyncio's own `happy_eyeballs_delay` left 12 of the second case's
    300 open on Python 3.11.)"""
    loop = asyncio.get_running_loop()
    rng = random.Random(11)
    async with _server(_keep_answering) as server:
        live = ("127.0.0.1", _port(server))
        with _hanging_address() as hanging:
            baseline = _sockets.open_sockets() if _sockets.available() else 0
            _fake_resolver(loop, hanging if first_hangs else live, live)
            backend = AsyncioBackend()
            connected = 0
            for _ in range(tries):
                task = loop.create_task(backend.connect_tcp("twohomes.test", 80, timeout=5.0))
                await asyncio.sleep(rng.uniform(0.0, latest))
                if task.done():
                    connected += 1
                    await task.result().aclose()
                else:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            assert 0 < connected < tries  # both outcomes were exercised
            if _sockets.available():
                assert await _sockets.settle_async(baseline) <= baseline


async def test_socket_options_are_applied() -> None:
    async with _server(_keep_answering) as server:
        option = (socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        stream = await AsyncioBackend().connect_tcp(
            "127.0.0.1", _port(server), timeout=5.0, socket_options=[option]
        )
        sock = stream.get_extra_info("socket")
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE) == 1
        await stream.aclose()


async def test_a_unix_socket_server() -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = str(Path(directory) / "honcho.sock")
        server = await asyncio.start_unix_server(_keep_answering, path)
        try:
            async with httpx.AsyncClient(transport=AsyncPoolTransport(uds=path)) as http:
                response = await http.get("http://honcho/v1/apps/name/n")
            assert response.json()["id"] == "a1"
        finally:
            server.close()


# TLS -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate_authority() -> trustme.CA:
    return trustme.CA()


def _server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


async def test_https_over_tls(certificate_authority: trustme.CA) -> None:
    client_context = ssl.create_default_context()
    certificate_authority.configure_trust(client_context)
    tls = _server_tls(certificate_authority)
    async with _server(_keep_answering, ssl=tls) as server:
        transport = AsyncPoolTransport(verify=client_context)
        async with httpx.AsyncClient(transport=transport) as http:
            for _ in range(2):
                response = await http.get(f"https://localhost:{_port(server)}/v1/apps/name/n")
                assert response.json()["id"] == "a1"
            stream = response.extensions["network_stream"]
            assert stream.get_extra_info("ssl_object").version().startswith("TLS")
            assert len(transport._pool.connections) == 1


async def test_an_untrusted_certificate_is_named(certificate_authority: trustme.CA) -> None:
    tls = _server_tls(certificate_authority)
    with pytest.raises(APIConnectionError, match="TLS certificate not accepted"):
        await _get_app(_keep_answering, scheme="https", tls=tls)


async def test_a_server_that_never_answers_the_handshake_is_a_connect_timeout() -> None:
    async def mute(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    with pytest.raises(APITimeoutError, match="connect timeout"):
        await _get_app(mute, scheme="https", timeout=0.3)


async def test_a_plain_http_server_behind_https_is_a_tls_error() -> None:
    async def plain(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read(1)  # a ClientHello is no HTTP request
        writer.write(b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n\r\n")
        await writer.drain()
        writer.close()

    with pytest.raises(APIConnectionError, match="TLS"):
        await _get_app(plain, scheme="https")
