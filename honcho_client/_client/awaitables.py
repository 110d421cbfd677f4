"""Async-only objects that can be awaited and also used with `async for` or `async with`; a sync
call returns the page or response itself, so codegen derives no sync twin from this file."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator
from typing import Generic, TypeVar

from .async_pages import AsyncPage
from .async_response import AsyncAPIResponse

T = TypeVar("T")


class AsyncPaginator(Generic[T]):
    """What an async `list(...)` returns: `await` it for the first `AsyncPage`, or `async for`
    over it, without `await`, for every item across all pages."""

    def __init__(self, first_page: Callable[[], Awaitable[AsyncPage[T]]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[object, None, AsyncPage[T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for item in await self._first_page():
            yield item


class AsyncResponseManager(Generic[T]):
    """What async `.with_raw_response.x(...)` and `.with_streaming_response.x(...)` return:
    `await` it for the `AsyncAPIResponse`, or use `async with` to have it closed at the end."""

    def __init__(self, send: Callable[[], Awaitable[AsyncAPIResponse[T]]]) -> None:
        self._send = send
        self._response: AsyncAPIResponse[T] | None = None

    def __await__(self) -> Generator[object, None, AsyncAPIResponse[T]]:
        return self._send().__await__()

    async def __aenter__(self) -> AsyncAPIResponse[T]:
        self._response = await self._send()
        return self._response

    async def __aexit__(self, *exc_info: object) -> None:
        if self._response is not None:
            await self._response.close()
