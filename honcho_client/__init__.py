"""honcho_client: typed sync and async client for the Honcho API 1.1.0.

    from honcho_client import Honcho
    app = Honcho().apps.get_or_create("my-agent")  # HONCHO_API_KEY, HONCHO_BASE_URL: from env

Names are imported on first use, so `import honcho_client` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from ._client.async_client import AsyncHoncho
    from ._client.async_pages import AsyncPage
    from ._client.async_response import AsyncAPIResponse
    from ._client.async_streams import AsyncChatStream, AsyncEventStream
    from ._client.awaitables import AsyncPaginator
    from ._client.sync_client import Honcho
    from ._client.sync_pages import SyncPage
    from ._client.sync_response import APIResponse
    from ._client.sync_streams import ChatStream, EventStream
    from ._core.errors import (
        APIConnectionError,
        APIError,
        APIResponseValidationError,
        APIStatusError,
        APITimeoutError,
        AuthenticationError,
        BadRequestError,
        ClientClosedError,
        ConfigurationError,
        ConflictError,
        HonchoError,
        InternalServerError,
        NotFoundError,
        PermissionDeniedError,
        RateLimitError,
        RequestValidationError,
        StreamConsumedError,
        UnprocessableEntityError,
        UsageError,
        ValidationIssue,
    )
    from ._core.options import RequestOptions
    from ._core.sentinels import NOT_GIVEN, NotGiven, Omit, omit
    from ._core.sse import ServerSentEvent
    from ._http.aiohttp import DefaultAioHttpClient

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncAPIResponse",
    "AsyncChatStream",
    "AsyncEventStream",
    "AsyncHoncho",
    "AsyncPage",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "ChatStream",
    "ClientClosedError",
    "ConfigurationError",
    "ConflictError",
    "DefaultAioHttpClient",
    "EventStream",
    "Honcho",
    "HonchoError",
    "InternalServerError",
    "NotFoundError",
    "NotGiven",
    "Omit",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestOptions",
    "RequestValidationError",
    "ServerSentEvent",
    "StreamConsumedError",
    "SyncPage",
    "UnprocessableEntityError",
    "UsageError",
    "ValidationIssue",
    "__version__",
    "omit",
]

# Where the names of `__all__` live, searched in turn on first use (cheapest first).
_MODULES = (
    "._core.errors",
    "._core.sentinels",
    "._core.options",
    "._core.sse",
    "._client.sync_client",
    "._client.sync_pages",
    "._client.sync_response",
    "._client.sync_streams",
    "._client.async_client",
    "._client.async_pages",
    "._client.async_response",
    "._client.async_streams",
    "._client.awaitables",
    "._http.aiohttp",
)


def __getattr__(name: str) -> object:
    if name in __all__:
        for module in _MODULES:
            found = import_module(module, __name__).__dict__.get(name)
            if found is not None:
                globals()[name] = found
                return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
