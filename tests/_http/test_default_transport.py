"""The pool `AsyncHoncho` makes when it is given no `http_client`: httpx's own transport.

Everything here runs over real sockets on 127.0.0.1 (TLS with a throwaway CA from trustme); the
servers are asyncio servers in the test's own event loop (asyncio's, or uvloop's when the suite
runs with HONCHO_TEST_LOOP=uvloop). Names that only the test resolves (`*.test`) reach them
through the running loop's resolver, patched.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import socket
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import Any

import _sockets
import httpx
import pytest
import trustme
from _servers.faults import refused_url

from honcho_client import APIConnectionError, APITimeoutError, AsyncHoncho

APP = b'{"id":"a1","name":"n","metadata":{},"created_at":"2024-05-06T07:08:09Z"}'
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


async def _read_request(reader: asyncio.StreamReader) -> bytes:
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
            await _read_request(reader)
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


def _port(server: asyncio.Server) -> int:
    port: int = server.sockets[0].getsockname()[1]
    return port


async def _get_app(
    handler: Handler, *, scheme: str = "http", tls: ssl.SSLContext | None = None, **options: Any
) -> None:
    """One SDK call (`apps.get_by_name`, no retries) to a server answering with `handler`."""
    async with _server(handler, ssl=tls) as server:
        url = f"{scheme}://localhost:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0, **options) as client:
            await client.apps.get_by_name("n")


@contextlib.contextmanager
def _hanging_address(host: str = "127.0.0.1", port: int = 0) -> Iterator[tuple[str, int]]:
    """An address whose connects hang: a listener whose accept queue is full drops new SYNs."""
    listener = socket.socket()
    listener.bind((host, port))
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


# A second loopback address: nothing listens there unless a test binds it, so a connect to it
# is refused (the servers here listen on 127.0.0.1 only).
OTHER = "127.0.0.2"


def _resolve_to(*hosts: str) -> None:
    """Make the running loop resolve any name to the addresses `hosts`, in that order."""

    async def getaddrinfo(host: Any, port: Any, *_: Any, **__: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (h, int(port))) for h in hosts]

    asyncio.get_running_loop().getaddrinfo = getaddrinfo  # type: ignore[method-assign]


# Connections ---------------------------------------------------------------------------------


async def test_an_idle_connection_the_server_closed_is_not_reused_for_a_create() -> None:
    """The server closes each connection 50 ms after answering; a create sent later must go
    out on a new connection, not fail writing to the closed one (a create is never retried)."""
    connections = 0
    creates: list[bytes] = []

    async def answer_then_close(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal connections
        connections += 1
        creates.append(await _read_request(reader))
        writer.write(_answer())
        await writer.drain()
        await asyncio.sleep(0.05)
        writer.close()

    async with _server(answer_then_close) as server:
        url = f"http://127.0.0.1:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0) as client:
            for _ in range(3):
                assert (await client.apps.create(name="n")).id == "a1"
                await asyncio.sleep(0.2)
    assert connections == 3
    assert [head.split(b" ", 2)[:2] for head in creates] == [[b"POST", b"/v1/apps"]] * 3


# Reading and writing -------------------------------------------------------------------------


async def test_a_slow_reader_holds_the_server_back_and_loses_nothing() -> None:
    """While the caller reads nothing, the client takes in no more than socket buffers and one
    read's worth: the rest of a 4 MB body waits in the server. Then it arrives byte for byte."""
    body = random.Random(7).randbytes(4 * 1024 * 1024)
    unsent: list[int] = []

    async def big(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        # A fixed send buffer: the kernel does not grow it to hold the whole body.
        writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 65536)
        await _read_request(reader)
        writer.write(_answer(body, b"content-type: application/octet-stream\r\n"))
        await asyncio.sleep(0.3)  # the caller reads nothing meanwhile
        unsent.append(writer.transport.get_write_buffer_size())
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    async with (
        _server(big) as server,
        AsyncHoncho(base_url=f"http://127.0.0.1:{_port(server)}") as client,
    ):
        manager = client.apps.with_streaming_response.get_by_name("n")
        async with manager as response:
            await asyncio.sleep(0.4)
            assert len(unsent) == 1
            taken = len(body) - unsent[0]  # in socket buffers or the client's hands
            assert 0 < taken <= 1024 * 1024, taken
            received = b"".join([chunk async for chunk in response.iter_bytes()])
    assert received == body


async def test_a_server_that_reads_nothing_gives_a_write_timeout() -> None:
    async def deaf(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(5)
        writer.close()

    timeout = httpx.Timeout(5.0, write=0.3)
    with pytest.raises(APITimeoutError, match="write timeout: the request could not be sent"):
        # 64 documents' worth of content in one create: far more than socket buffers hold.
        await _post_big(deaf, timeout=timeout)


async def _post_big(handler: Handler, **options: Any) -> None:
    async with _server(handler) as server:
        url = f"http://localhost:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0, **options) as client:
            await client.apps.users.collections.documents.create(
                "c",
                app_id="a",
                user_id="u",
                content="x" * 100_000,
                metadata={"pad": "y" * 64_000_000},
            )


async def test_a_silent_server_gives_a_read_timeout_naming_the_phase() -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        await asyncio.sleep(5)
        writer.close()

    with pytest.raises(APITimeoutError, match=r"read timeout: the server sent nothing for 0\.2 s"):
        await _get_app(silent, timeout=0.2)


async def test_a_reset_mid_body_is_a_connection_error_naming_the_reset() -> None:
    async def reset(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await _read_request(reader)
        writer.write(_answer()[:-10])
        await writer.drain()
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        writer.transport.abort()

    with pytest.raises(APIConnectionError, match="localhost") as caught:
        await _get_app(reset)
    assert "reset" in str(caught.value) or "broke off" in str(caught.value)


# Connecting ----------------------------------------------------------------------------------


async def test_a_refused_connection_names_the_refusal() -> None:
    async with AsyncHoncho(base_url=refused_url(), max_retries=0) as client:
        with pytest.raises(APIConnectionError, match="connection refused"):
            await client.apps.get_by_name("n")


@pytest.mark.parametrize(("first", "latest"), [("hangs", 2.0), ("refuses", 0.25)])
async def test_the_next_address_is_tried_when_the_first_fails_to_connect(
    first: str, latest: float
) -> None:
    """A host whose first address hangs or refuses is reached on its second, well within the
    connect timeout; at once when the first refuses."""
    loop = asyncio.get_running_loop()
    async with _server(_keep_answering) as server:
        port = _port(server)
        hangs = _hanging_address(OTHER, port) if first == "hangs" else contextlib.nullcontext()
        with hangs:
            _resolve_to(OTHER, "127.0.0.1")
            url = f"http://twohomes.test:{port}"
            async with AsyncHoncho(base_url=url, max_retries=0) as client:
                started = loop.time()
                assert (await client.apps.get_by_name("n")).id == "a1"
                took = loop.time() - started
    assert took < latest


async def test_every_address_refused_names_the_refusal() -> None:
    port = httpx.URL(refused_url()).port
    _resolve_to("127.0.0.1", OTHER)
    async with AsyncHoncho(base_url=f"http://twohomes.test:{port}", max_retries=0) as client:
        with pytest.raises(APIConnectionError, match="connection refused") as caught:
            await client.apps.get_by_name("n")
    assert f"twohomes.test:{port}" in str(caught.value)


async def test_a_connect_that_hangs_is_a_connect_timeout() -> None:
    with _hanging_address() as (host, port):
        async with AsyncHoncho(
            base_url=f"http://{host}:{port}", timeout=0.2, max_retries=0
        ) as client:
            with pytest.raises(
                APITimeoutError, match=r"connect timeout: no connection within 0\.2 s"
            ):
                await client.apps.get_by_name("n")


@pytest.mark.skipif(not _sockets.available(), reason="needs /proc to count sockets")
@pytest.mark.parametrize(
    ("first_hangs", "tries", "latest"),
    [(True, 25, 0.4), (False, 300, 0.004)],
    ids=["first-address-hangs", "both-addresses-answer"],
)
async def test_calls_cancelled_while_connecting_leave_no_socket(
    first_hangs: bool, tries: int, latest: float
) -> None:
    """Cancelled while resolving, racing two addresses, connecting or sending, a call closes
    every socket it opened. The server closes each connection after one answer, so every call
    connects anew."""

    async def answer_once(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError):
            await _read_request(reader)
            writer.write(_answer(extra=b"connection: close\r\n"))
            await writer.drain()
        writer.close()

    rng = random.Random(11)
    async with _server(answer_once) as server:
        port = _port(server)
        with _hanging_address(OTHER, port):
            baseline = _sockets.baseline()
            _resolve_to(OTHER if first_hangs else "127.0.0.1", "127.0.0.1")
            ended = 0
            url = f"http://twohomes.test:{port}"
            async with AsyncHoncho(base_url=url, max_retries=0) as client:
                for _ in range(tries):
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(
                            client.apps.get_by_name("n"), rng.uniform(0.0, latest)
                        )
                        ended += 1
                assert 0 < ended < tries  # both outcomes were exercised
                # No connection outlives its call: the client holds no socket while open.
                assert await _sockets.settle_async(baseline) == baseline
            assert await _sockets.settle_async(baseline) == baseline


# TLS -----------------------------------------------------------------------------------------


def _server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


async def test_https_over_tls(trusted: trustme.CA) -> None:
    versions: list[str] = []

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        versions.append(writer.get_extra_info("ssl_object").version())
        await _keep_answering(reader, writer)

    async with _server(answer, ssl=_server_tls(trusted)) as server:
        url = f"https://localhost:{_port(server)}"
        async with AsyncHoncho(base_url=url, max_retries=0) as client:
            for _ in range(2):
                assert (await client.apps.get_by_name("n")).id == "a1"
    assert len(versions) == 1  # one connection, reused
    assert versions[0].startswith("TLS")


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
