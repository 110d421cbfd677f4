"""`AsyncAPIResponse`, what `.with_raw_response` and `.with_streaming_response` return; its sync
twin `APIResponse` is generated from this file."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from typing import Generic, TypeVar

import httpx

from .._core.errors import read_error
from .stream_guard import AsyncStreamGuard

T = TypeVar("T")
X = TypeVar("X")


class AsyncAPIResponse(Generic[T]):
    """The HTTP response of one call; `parse()` gives the typed result.

    From `.with_raw_response` the body is already read. From `.with_streaming_response` it is
    read on demand (`iter_bytes`, `iter_text`, `iter_lines`, `read`, `parse`) and can be iterated
    once (again: StreamConsumedError; `read()` keeps it), and the response holds one of the
    client's `max_concurrency` slots until it is read to the end or closed: by leaving the `with`
    block, by `close()`, or, dropped unclosed, when garbage-collected with a ResourceWarning.
    """

    def __init__(
        self,
        response: httpx.Response,
        parse: Callable[[httpx.Response], T],
        call: str | None = None,
    ) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: list[T] = []
        self._guard = None if call is None else AsyncStreamGuard(self, response, call)

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    async def read(self) -> bytes:
        """The whole body."""
        try:
            return await self.http_response.aread()
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise read_error(error, self.http_response, "the response body") from error

    async def parse(self) -> T:
        """The typed result, as the plain method call would have returned it."""
        if not self._parsed:
            await self.read()
            self._parsed.append(self._parse(self.http_response))
        return self._parsed[0]

    def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        return self._reading(self.http_response.aiter_bytes(chunk_size))

    def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        return self._reading(self.http_response.aiter_text(chunk_size))

    def iter_lines(self) -> AsyncIterator[str]:
        return self._reading(self.http_response.aiter_lines())

    async def _reading(self, chunks: AsyncIterator[X]) -> AsyncIterator[X]:
        try:
            async for chunk in chunks:
                yield chunk
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise read_error(error, self.http_response, "the response body") from error

    async def write_to_file(self, path: str | os.PathLike[str], chunk_size: int = 65536) -> int:
        """Write the body to the file at `path` as it arrives, without holding it in memory;
        return the number of bytes written."""
        written = 0
        with open(path, "wb") as file:
            async for chunk in self.iter_bytes(chunk_size):
                written += file.write(chunk)
        return written

    async def close(self) -> None:
        """Close the connection and free the slot; safe to call more than once."""
        if self._guard is not None:
            self._guard.detach()
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url.path}>"
