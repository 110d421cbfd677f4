"""`AsyncAPIResponse`: what `.with_raw_response` and `.with_streaming_response` return.

Its sync twin `APIResponse` is generated from this file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Generic, TypeVar

import httpx

__all__ = ["AsyncAPIResponse"]

T = TypeVar("T")


class AsyncAPIResponse(Generic[T]):
    """The HTTP response of one call, with `parse()` to get the typed result.

    From `.with_raw_response` the body is already read; from `.with_streaming_response` it is
    read only on demand (`iter_bytes`, `iter_text`, `iter_lines`, `read`, `parse`), and leaving
    the `with` block closes the connection.
    """

    def __init__(self, response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: list[T] = []

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
        return await self.http_response.aread()

    async def parse(self) -> T:
        """The typed result, as the plain method call would have returned it."""
        if not self._parsed:
            await self.read()
            self._parsed.append(self._parse(self.http_response))
        return self._parsed[0]

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line

    async def close(self) -> None:
        await self.http_response.aclose()

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url.path}>"
