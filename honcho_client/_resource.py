"""Base classes of the generated resources, and the wrappers behind `.with_raw_response`.

A resource only keeps a reference to its client; generated methods call `client._request`.
`.with_raw_response.x(...)` and `.with_streaming_response.x(...)` call the very same method with
the response mode set, so the typed signature is shared and nothing is written twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from ._async._awaitables import AsyncResponseManager
from ._response_mode import RESPONSE_MODE, ResponseMode

if TYPE_CHECKING:
    from ._async._client import AsyncHoncho
    from ._async._response import AsyncAPIResponse
    from ._sync._client import Honcho
    from ._sync._response import APIResponse

__all__ = ["AsyncAPIResource", "SyncAPIResource", "async_response_wrapper", "response_wrapper"]

P = ParamSpec("P")
R = TypeVar("R")


class SyncAPIResource:
    def __init__(self, client: Honcho) -> None:
        self._client = client


class AsyncAPIResource:
    def __init__(self, client: AsyncHoncho) -> None:
        self._client = client


def _mode(stream: bool) -> ResponseMode:
    return "stream" if stream else "raw"


def response_wrapper(method: Callable[P, R], *, stream: bool) -> Callable[P, APIResponse[R]]:
    """`method`, returning its `APIResponse` instead of the parsed result."""
    mode = _mode(stream)

    @wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = RESPONSE_MODE.set(mode)
        try:
            return cast("APIResponse[R]", method(*args, **kwargs))
        finally:
            RESPONSE_MODE.reset(token)

    return call


def async_response_wrapper(
    method: Callable[P, Awaitable[R]], *, stream: bool
) -> Callable[P, AsyncResponseManager[R]]:
    """`method`, returning its `AsyncAPIResponse` (awaitable, or an async context manager)."""
    mode = _mode(stream)

    @wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> AsyncResponseManager[R]:
        async def send() -> AsyncAPIResponse[R]:
            token = RESPONSE_MODE.set(mode)
            try:
                return cast("AsyncAPIResponse[R]", await method(*args, **kwargs))
            finally:
                RESPONSE_MODE.reset(token)

        return AsyncResponseManager(send)

    return call
