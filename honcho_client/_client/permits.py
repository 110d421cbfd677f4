"""Bounding the requests in flight (`max_concurrency`) with permits that cancellation cannot lose.

Every attempt takes a permit (waiting at most the pool timeout) before it reaches the pool, and
gives it back when its response is closed. An `AsyncPermits` belongs to the event loop it is first
used on (asyncio's, or a trio run). docs/internals.md says why the pool itself is not the bound.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import httpx

from .._core.errors import UsageError
from .._http.pool import finish_interrupted_close
from .runner import running

if TYPE_CHECKING:
    import anyio


class AsyncPermits:
    """At most `limit` permits out at once, handed out first come, first served."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._free = limit
        self._waiters: deque[anyio.Event] = deque()  # set when it is handed a permit
        self._runner: object = None

    @property
    def in_use(self) -> int:
        return self.limit - self._free

    def reset(self) -> None:
        """All permits free, no loop bound: in a child process after fork()."""
        self.__init__(self.limit)  # type: ignore[misc]  # re-run on the same object on purpose

    async def acquire(self, timeout: float | None) -> Permit | None:
        """A permit, or None when none was free within `timeout` seconds (None: wait on)."""
        runner = running()
        if self._runner is not runner:
            if self._runner is not None:
                raise UsageError(
                    "this AsyncHoncho was first used on another event loop (for example in an "
                    "earlier asyncio.run()), and its connections belong to that loop; create the "
                    "client inside the loop that uses it, e.g. `async with AsyncHoncho() as "
                    "client:` in your main()"
                )
            self._runner = runner
        if self._free and not self._waiters:
            self._free -= 1
            return Permit(self)
        import anyio  # here, so that the sync client never imports an event loop library

        granted = anyio.Event()
        self._waiters.append(granted)
        try:
            with anyio.move_on_after(timeout):
                await granted.wait()
        except BaseException:
            if granted.is_set():
                self._release()  # granted just before the cancellation landed: pass it on
            raise
        finally:
            if not granted.is_set():
                with contextlib.suppress(ValueError):  # already handed a permit
                    self._waiters.remove(granted)
        return Permit(self) if granted.is_set() else None

    def _release(self, permit: Permit | None = None) -> None:
        if permit is not None:
            permit._permits = None
        if self._waiters:
            self._waiters.popleft().set()
            return
        self._free += 1


class Permits:
    """The sync clients' permits: a counter under one lock (a thread cannot be cancelled). A
    free permit costs a lock round trip to take and one to give back; only a caller that must wait
    uses the condition."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._free = limit
        self._waiting = 0
        self._lock = threading.Lock()
        self._freed = threading.Condition(self._lock)

    @property
    def in_use(self) -> int:
        return self.limit - self._free

    def reset(self) -> None:
        """All permits free, a fresh lock: in a child process after fork()."""
        self.__init__(self.limit)  # type: ignore[misc]  # re-run on the same object on purpose

    def acquire(self, timeout: float | None) -> Permit | None:
        """A permit, or None when none was free within `timeout` seconds (None: wait on)."""
        with self._lock:
            if self._free <= 0:
                self._waiting += 1
                try:
                    if not self._freed.wait_for(lambda: self._free > 0, timeout):
                        return None
                finally:
                    self._waiting -= 1
            self._free -= 1
        return Permit(self)

    def _release(self, permit: Permit) -> None:
        with self._lock:
            if permit._permits is None:
                return  # released already, by another thread
            permit._permits = None
            self._free += 1
            if self._waiting:
                self._freed.notify()


class Permit:
    """One permit of `Permits` or `AsyncPermits`; `release()` gives it back (again: no effect)."""

    __slots__ = ("_permits",)

    def __init__(self, permits: Permits | AsyncPermits) -> None:
        self._permits: Permits | AsyncPermits | None = permits

    def release(self) -> None:
        permits = self._permits
        if permits is not None:
            permits._release(self)  # `Permits` under its lock, so two threads release it only once


class AsyncPermitStream(httpx.AsyncByteStream):
    """A response body that holds its request's permit until the body is closed: by httpx, when
    it has been read to the end, when reading it fails, or on `aclose()`."""

    def __init__(
        self, stream: httpx.AsyncByteStream, permit: Permit, response: httpx.Response
    ) -> None:
        self._stream, self._permit, self._response = stream, permit, response

    @classmethod
    def hold(cls, response: httpx.Response, permit: Permit) -> None:
        """Make `response`'s body hold `permit` until the body is closed."""
        if not isinstance(response.stream, httpx.AsyncByteStream):
            raise TypeError("the response of an async client has a sync body")
        response.stream = cls(response.stream, permit, response)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        except BaseException:  # cancelled mid-close: finish it where no cancellation reaches
            finish_interrupted_close(self._response)
            raise
        finally:
            self._permit.release()


class PermitStream(httpx.SyncByteStream):
    """The sync twin of `AsyncPermitStream`."""

    def __init__(self, stream: httpx.SyncByteStream, permit: Permit) -> None:
        self._stream, self._permit = stream, permit

    @classmethod
    def hold(cls, response: httpx.Response, permit: Permit) -> None:
        """Make `response`'s body hold `permit` until the body is closed."""
        if not isinstance(response.stream, httpx.SyncByteStream):
            raise TypeError("the response of a sync client has an async body")
        response.stream = cls(response.stream, permit)

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        try:
            self._stream.close()
        finally:
            self._permit.release()
