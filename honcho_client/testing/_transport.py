"""In-process httpx transports (sync and async) that hand requests to the dispatcher.

Connection faults become the errors httpx raises for them over a real socket: a dropped
connection ``RemoteProtocolError``, a reset ``ReadError``, a cut body ``RemoteProtocolError``
while reading, and waits longer than the read timeout ``ReadTimeout``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Iterator
from functools import partial

import anyio
import anyio.to_thread
import httpx

from ._dispatch import Dispatcher
from ._http import FakeResponse

_DROPPED = "Server disconnected without sending a response."
_RESET = "[Errno 104] Connection reset by peer"


def _cut(received: int, expected: int | None) -> str:
    wanted = f", expected {expected}" if expected is not None else ""
    return f"peer closed connection without sending complete message body: received {received} bytes{wanted}"


def _limited(chunks: Iterable[bytes], limit: int | None) -> Iterator[bytes]:
    """The chunks, cut after ``limit`` bytes (then a ``RemoteProtocolError``)."""
    sent = 0
    for chunk in chunks:
        if limit is not None and sent + len(chunk) > limit:
            if limit > sent:
                yield chunk[: limit - sent]
            raise httpx.RemoteProtocolError(_cut(limit, None))
        sent += len(chunk)
        yield chunk


class _ChunkStream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterable[bytes], limit: int | None) -> None:
        self._chunks = chunks
        self._limit = limit

    def __iter__(self) -> Iterator[bytes]:
        yield from _limited(self._chunks, self._limit)


class _AsyncChunkStream(httpx.AsyncByteStream):
    def __init__(self, chunks: Iterable[bytes], limit: int | None) -> None:
        self._chunks = chunks
        self._limit = limit

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in _limited(self._chunks, self._limit):
            yield chunk
            await anyio.sleep(0)  # let other tasks run between chunks


def _read_timeout(request: httpx.Request) -> float:
    """The client's read timeout for this request (infinite when unset)."""
    timeout = request.extensions.get("timeout", {}).get("read")
    return float("inf") if timeout is None else float(timeout)


def _split(url: httpx.URL) -> tuple[str, str]:
    raw_path, _, query = url.raw_path.decode("ascii").partition("?")
    return raw_path, query


def _raise_connection_fault(answer: FakeResponse, request: httpx.Request) -> None:
    fault = answer.fault
    if fault is not None and fault.kind == "drop":
        raise httpx.RemoteProtocolError(_DROPPED, request=request)
    if fault is not None and fault.kind == "reset":
        raise httpx.ReadError(_RESET, request=request)


def _stall(answer: FakeResponse) -> float:
    return answer.fault.seconds if answer.fault and answer.fault.kind == "stall" else 0.0


def _limit(answer: FakeResponse) -> int | None:
    return answer.fault.after_bytes if answer.fault and answer.fault.kind == "truncate" else None


def _chunks(answer: FakeResponse) -> Iterable[bytes]:
    return (answer.body,) if isinstance(answer.body, bytes) else answer.body


class FakeTransport(httpx.BaseTransport):
    """Answers ``httpx.Client`` requests from a FakeHoncho, in process.

    A configured delay longer than the client's read timeout waits for the timeout and
    raises ``httpx.ReadTimeout``; the request is still applied, as a real server would.
    """

    def __init__(self, dispatcher: Dispatcher) -> None:
        self._dispatcher = dispatcher

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        path, query = _split(request.url)
        delay = self._dispatcher.delay_for(request.method, path)
        read_timeout = _read_timeout(request)
        if delay:
            time.sleep(min(delay, read_timeout))
        answer = self._dispatcher.handle(
            request.method, path, query, request.headers.multi_items(), body
        )
        wait = delay + _stall(answer)
        if wait > delay:
            time.sleep(max(0.0, min(wait, read_timeout) - delay))
        if wait > read_timeout:
            raise httpx.ReadTimeout("FakeHoncho delay exceeded the read timeout", request=request)
        _raise_connection_fault(answer, request)
        limit = _limit(answer)
        if limit is None and isinstance(answer.body, bytes):
            return httpx.Response(answer.status, headers=answer.headers, content=answer.body)
        stream = _ChunkStream(_chunks(answer), limit)
        return httpx.Response(answer.status, headers=answer.headers, stream=stream)


class AsyncFakeTransport(httpx.AsyncBaseTransport):
    """Answers ``httpx.AsyncClient`` requests from a FakeHoncho, in process.

    Delays are awaited and the dispatcher (which may wait for the state lock or run a
    slow custom chat responder) runs in a worker thread, so the event loop never blocks.
    Delays beyond the read timeout raise ``httpx.ReadTimeout`` like :class:`FakeTransport`.
    """

    def __init__(self, dispatcher: Dispatcher) -> None:
        self._dispatcher = dispatcher

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        path, query = _split(request.url)
        delay = self._dispatcher.delay_for(request.method, path)
        read_timeout = _read_timeout(request)
        if delay:
            await anyio.sleep(min(delay, read_timeout))
        handle = partial(
            self._dispatcher.handle,
            request.method,
            path,
            query,
            request.headers.multi_items(),
            body,
        )
        answer = await anyio.to_thread.run_sync(handle)
        wait = delay + _stall(answer)
        if wait > delay:
            await anyio.sleep(max(0.0, min(wait, read_timeout) - delay))
        if wait > read_timeout:
            raise httpx.ReadTimeout("FakeHoncho delay exceeded the read timeout", request=request)
        _raise_connection_fault(answer, request)
        limit = _limit(answer)
        if limit is None and isinstance(answer.body, bytes):
            return httpx.Response(answer.status, headers=answer.headers, content=answer.body)
        stream = _AsyncChunkStream(_chunks(answer), limit)
        return httpx.Response(answer.status, headers=answer.headers, stream=stream)
