"""In-process httpx transports (sync and async) that hand requests to the dispatcher."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterable, Iterator
from functools import partial

import anyio
import anyio.to_thread
import httpx

from ._dispatch import Dispatcher
from ._http import FakeResponse


class _ChunkStream(httpx.SyncByteStream):
    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks


class _AsyncChunkStream(httpx.AsyncByteStream):
    def __init__(self, chunks: Iterable[bytes]) -> None:
        self._chunks = chunks

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks:
            yield chunk
            await anyio.sleep(0)  # let other tasks run between chunks


def _read_timeout(request: httpx.Request) -> float:
    """The client's read timeout for this request (infinite when unset)."""
    timeout = request.extensions.get("timeout", {}).get("read")
    return float("inf") if timeout is None else float(timeout)


def _split(url: httpx.URL) -> tuple[str, str]:
    raw_path, _, query = url.raw_path.decode("ascii").partition("?")
    return raw_path, query


def _sync_response(answer: FakeResponse) -> httpx.Response:
    if isinstance(answer.body, bytes):
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)
    return httpx.Response(answer.status, headers=answer.headers, stream=_ChunkStream(answer.body))


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
        if delay > read_timeout:
            raise httpx.ReadTimeout("FakeHoncho delay exceeded the read timeout", request=request)
        return _sync_response(answer)


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
        if delay > read_timeout:
            raise httpx.ReadTimeout("FakeHoncho delay exceeded the read timeout", request=request)
        if isinstance(answer.body, bytes):
            return httpx.Response(answer.status, headers=answer.headers, content=answer.body)
        return httpx.Response(
            answer.status, headers=answer.headers, stream=_AsyncChunkStream(answer.body)
        )
