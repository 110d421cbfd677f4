"""How the SDK's own async pool reads and writes: asyncio's transports, under httpcore.

httpx's async transport is httpcore's connection pool, and httpcore reaches the network through a
backend; on asyncio that backend is anyio's, which wraps every read and write in a cancel scope
with its own timeout. Over loopback that costs more CPU than the HTTP exchange itself. The pool
the SDK creates (`AsyncPoolTransport`, used when no `http_client` is given) swaps in
`AsyncioBackend`, which drives a plain asyncio protocol instead:

- received bytes wait in the protocol's buffer until httpcore reads them; past 256 KiB the socket
  stops being read, so a slow reader applies TCP back-pressure as before;
- each read and write is bounded by the phase's timeout with one timer, raising httpcore's
  `ReadTimeout` / `WriteTimeout`; connecting and the TLS handshake raise `ConnectTimeout` or
  `ConnectError` with the socket's or TLS library's error as the cause, as anyio's backend does;
- an idle connection whose server has closed it, or sent anything, reads as expired
  (`is_readable`) without a system call;
- closing a connection aborts its socket (no TLS close_notify handshake to wait for), so the
  process's sockets are back to where they were when `close()` returns.

Everything above httpcore (httpx's client, its timeouts and errors, the SDK's permits, retries and
`_pool.recycle_stranded`) is unchanged. A caller's own `http_client` keeps whatever transport it
has. The sync client keeps httpx's `HTTPTransport`, whose sockets are already plain.

asyncio is imported where it is first needed, so `from honcho_client import Honcho` does not
import it.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

import httpcore
import httpx

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncPoolTransport", "AsyncioBackend", "AsyncioStream", "PoolTransport"]

T = TypeVar("T")
SocketOption = (
    tuple[int, int, int] | tuple[int, int, bytes | bytearray] | tuple[int, int, None, int]
)
# Stop reading the socket past this many unread bytes; read on once below a quarter of it.
HIGH_WATER = 256 * 1024
LOW_WATER = HIGH_WATER // 4
# How long one address of a host may take to connect before the next is tried too (RFC 8305).
HAPPY_EYEBALLS_DELAY = 0.25


class AsyncPoolTransport(httpx.AsyncHTTPTransport):
    """httpx's async transport with its connections on `AsyncioBackend`.

    Takes `httpx.AsyncHTTPTransport`'s arguments. Where httpx's pool does not keep its backend
    where 1.0.x does, the transport is left as httpx made it.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        pool = getattr(self, "_pool", None)
        if isinstance(pool, httpcore.AsyncConnectionPool) and hasattr(pool, "_network_backend"):
            pool._network_backend = AsyncioBackend()


# The sync client's transport: httpx's own (its backend reads sockets directly).
PoolTransport = httpx.HTTPTransport


class _Protocol:
    """An asyncio protocol keeping what arrives until the stream reads it."""

    __slots__ = ("buffer", "eof", "error", "loop", "paused", "reader", "transport", "writer")

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.buffer = bytearray()
        self.eof = False  # no more bytes will arrive
        self.error: BaseException | None = None  # why the connection was lost, if not cleanly
        self.paused = False  # reading the socket is paused (HIGH_WATER)
        self.reader: asyncio.Future[bool] | None = None  # a read waiting for bytes
        self.writer: asyncio.Future[bool] | None = None  # a write waiting for the buffer to drain
        self.transport: Any = None

    def connection_made(self, transport: Any) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > HIGH_WATER and not self.paused:
            self.paused = True
            self.transport.pause_reading()
        _wake(self.reader, True)

    def eof_received(self) -> bool:
        self.eof = True
        _wake(self.reader, True)
        return False  # the transport closes itself

    def connection_lost(self, error: BaseException | None) -> None:
        self.eof = True
        self.error = error
        _wake(self.reader, True)
        _wake(self.writer, True)

    def pause_writing(self) -> None:
        if self.writer is None:
            self.writer = self.loop.create_future()

    def resume_writing(self) -> None:
        writer, self.writer = self.writer, None
        _wake(writer, True)

    def read_on(self) -> None:
        """Read the socket again once the buffer is below LOW_WATER."""
        if self.paused and len(self.buffer) < LOW_WATER:
            self.paused = False
            if not self.transport.is_closing():
                self.transport.resume_reading()


class AsyncioStream(httpcore.AsyncNetworkStream):
    """One connection, as httpcore's network stream."""

    def __init__(self, transport: Any, protocol: _Protocol) -> None:
        self._transport = transport
        self._protocol = protocol
        self._closed = False

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        protocol = self._protocol
        buffer = protocol.buffer
        if not buffer:
            if self._closed:
                raise httpcore.ReadError("the connection is closed")
            if not protocol.eof:
                waiter = protocol.reader = protocol.loop.create_future()
                try:
                    if not await _within(protocol.loop, waiter, timeout):
                        raise httpcore.ReadTimeout(f"nothing received within {timeout} s")
                finally:
                    protocol.reader = None
            if not buffer:
                if protocol.error is not None:
                    raise httpcore.ReadError(str(protocol.error)) from protocol.error
                return b""
        if len(buffer) <= max_bytes:
            data = bytes(buffer)
            buffer.clear()
        else:
            data = bytes(buffer[:max_bytes])
            del buffer[:max_bytes]
        if protocol.paused:
            protocol.read_on()
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if not buffer:
            return
        protocol = self._protocol
        if self._closed or self._transport.is_closing():
            error = protocol.error
            message = str(error) if error is not None else "the connection is closed"
            raise httpcore.WriteError(message) from error
        self._transport.write(buffer)
        waiter = protocol.writer
        if waiter is not None:  # the transport's buffer is full: wait until it drains
            if not await _within(protocol.loop, _waiting(protocol.loop, waiter), timeout):
                raise httpcore.WriteTimeout(f"could not send within {timeout} s")
            if protocol.error is not None:
                raise httpcore.WriteError(str(protocol.error)) from protocol.error

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._transport.abort()
        import asyncio

        await asyncio.sleep(0)  # let the transport close its socket before returning

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            transport = await _connecting(
                self._protocol.loop.start_tls(
                    self._transport,
                    self._protocol,  # type: ignore[arg-type]  # a duck-typed asyncio protocol
                    ssl_context,
                    server_hostname=server_hostname,
                ),
                timeout,
            )
        except BaseException:
            await self.aclose()
            raise
        if transport is None:  # pragma: no cover - only for a transport closed meanwhile
            raise httpcore.ConnectError("the connection closed during the TLS handshake")
        self._protocol.transport = transport
        return AsyncioStream(transport, self._protocol)

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":  # idle, yet the server closed the connection or sent bytes
            return bool(self._protocol.buffer) or self._protocol.eof
        name = {"client_addr": "sockname", "server_addr": "peername"}.get(info, info)
        if name in ("ssl_object", "sockname", "peername", "socket"):
            return self._transport.get_extra_info(name)
        return None


class AsyncioBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend on asyncio's own transports."""

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = _loop()

        async def connect() -> tuple[Any, Any]:
            sock = await _open_socket(loop, host, port, local_address, socket_options or ())
            return await loop.create_connection(lambda: _Protocol(loop), sock=sock)

        transport, protocol = await _connecting(connect(), timeout)
        return _stream(transport, protocol, ())

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = _loop()
        transport, protocol = await _connecting(
            loop.create_unix_connection(lambda: _Protocol(loop), path),  # type: ignore[type-var]  # duck-typed protocol
            timeout,
        )
        return _stream(transport, protocol, socket_options)

    async def sleep(self, seconds: float) -> None:
        import asyncio

        await asyncio.sleep(seconds)


def _stream(
    transport: Any, protocol: Any, socket_options: Iterable[SocketOption] | None
) -> AsyncioStream:
    if not isinstance(protocol, _Protocol):  # pragma: no cover - the factory above made it
        raise TypeError(f"unexpected protocol {protocol!r}")
    sock: socket.socket | None = transport.get_extra_info("socket")
    try:
        for option in socket_options or ():
            if sock is not None:
                sock.setsockopt(*option)
    except OSError as error:
        transport.abort()
        raise httpcore.ConnectError(str(error)) from error
    return AsyncioStream(transport, protocol)


async def _open_socket(
    loop: asyncio.AbstractEventLoop,
    host: str,
    port: int,
    local_address: str | None,
    socket_options: Iterable[SocketOption],
) -> socket.socket:
    """A socket connected to `host`, trying its addresses as RFC 8305 does (Happy Eyeballs).

    The next address is tried when the previous attempt failed or has not connected within
    `HAPPY_EYEBALLS_DELAY`; the first to connect wins. Whatever happens, cancellation included,
    every other socket is closed (asyncio's own `happy_eyeballs_delay` can leak one when the
    connect is cancelled, on Python 3.11).
    """
    import asyncio

    infos = _ip_literal(host, port) or _interleave(
        await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    )
    options = list(socket_options)
    pending: set[asyncio.Future[None]] = set()
    connected: list[socket.socket] = []
    errors: list[OSError] = []

    def attempt(info: tuple[Any, ...]) -> None:
        family, kind, proto, _, address = info
        try:
            sock = socket.socket(family, kind, proto)
        except OSError as error:
            errors.append(error)
            return
        try:
            sock.setblocking(False)
            for option in options:
                sock.setsockopt(*option)
            if local_address is not None:
                sock.bind((local_address, 0))
        except OSError as error:
            sock.close()
            errors.append(error)
            return

        def done(task: asyncio.Future[None]) -> None:
            if task.cancelled() or task.exception() is not None:
                sock.close()
            else:
                connected.append(sock)

        task = loop.create_task(loop.sock_connect(sock, address))
        task.add_done_callback(done)
        pending.add(task)

    try:
        for n, info in enumerate(infos):
            attempt(info)
            last = n == len(infos) - 1
            while pending and not connected:
                finished, pending = await asyncio.wait(
                    pending,
                    timeout=None if last else HAPPY_EYEBALLS_DELAY,
                    return_when=asyncio.FIRST_COMPLETED,
                )
                for task in finished:
                    error = task.exception()
                    if isinstance(error, OSError):
                        errors.append(error)
                    elif error is not None:
                        raise error
                if not finished or not last:
                    break  # no answer yet, or this address failed: try the next one too
            if connected:
                return connected.pop(0)
        if errors:
            raise errors[0]
        raise OSError(f"no address found for {host!r}")
    finally:
        for task in pending:
            task.cancel()  # its done callback closes its socket
        for sock in connected:
            sock.close()


def _ip_literal(host: str, port: int) -> list[tuple[Any, ...]]:
    """The address of a host written as an IP address (no resolver thread needed), else []."""
    for family, address in ((socket.AF_INET, (host, port)), (socket.AF_INET6, (host, port, 0, 0))):
        try:
            socket.inet_pton(family, host)
        except (OSError, ValueError):
            continue
        return [(family, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", address)]
    return []


def _interleave(infos: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Addresses in resolver order, alternating between address families (RFC 8305)."""
    if not infos:
        return []
    first = [i for i in infos if i[0] == infos[0][0]]
    other = [i for i in infos if i[0] != infos[0][0]]
    out: list[tuple[Any, ...]] = []
    for n in range(max(len(first), len(other))):
        out.extend(group[n] for group in (first, other) if n < len(group))
    return out


async def _connecting(awaitable: Awaitable[T], timeout: float | None) -> T:
    """Await a connect or TLS handshake within `timeout`, mapped to httpcore's errors."""
    import asyncio

    try:
        if timeout is None:
            return await awaitable
        timer: Callable[[float], Any] | None = getattr(asyncio, "timeout", None)
        if timer is None:  # Python 3.10
            return await asyncio.wait_for(awaitable, timeout)
        async with timer(timeout):
            return await awaitable
    except TimeoutError as error:
        raise httpcore.ConnectTimeout(f"no connection within {timeout} s") from error
    except asyncio.TimeoutError as error:  # Python 3.10's wait_for  # pragma: no cover
        raise httpcore.ConnectTimeout(f"no connection within {timeout} s") from error
    except OSError as error:  # refused, unreachable, name resolution, TLS (ssl.SSLError)
        raise httpcore.ConnectError(str(error)) from error


async def _within(
    loop: asyncio.AbstractEventLoop, waiter: asyncio.Future[bool], timeout: float | None
) -> bool:
    """Wait for `waiter`; False when `timeout` seconds passed first."""
    if timeout is None:
        return await waiter
    handle = loop.call_later(timeout, _wake, waiter, False)
    try:
        return await waiter
    finally:
        handle.cancel()


def _waiting(loop: asyncio.AbstractEventLoop, future: asyncio.Future[bool]) -> asyncio.Future[bool]:
    """A future of this write's own, done with `future`: a timeout of one write must not
    cancel the drain another write waits for."""
    own: asyncio.Future[bool] = loop.create_future()
    future.add_done_callback(lambda _: _wake(own, True))
    return own


def _wake(waiter: asyncio.Future[bool] | None, value: bool) -> None:
    if waiter is not None and not waiter.done():
        waiter.set_result(value)


def _loop() -> asyncio.AbstractEventLoop:
    import asyncio

    return asyncio.get_running_loop()
