"""honcho_client: typed sync and async client for the Honcho API 1.1.0.

    from honcho_client import Honcho

    client = Honcho()  # HONCHO_API_KEY and HONCHO_BASE_URL are read from the environment
    app = client.apps.get_or_create("my-agent")

Names are imported on first use, so `import honcho_client` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from ._version import __version__

if TYPE_CHECKING:
    from ._client.async_client import AsyncHoncho as AsyncHoncho
    from ._client.async_pages import AsyncPage as AsyncPage
    from ._client.async_response import AsyncAPIResponse as AsyncAPIResponse
    from ._client.async_streams import AsyncChatStream as AsyncChatStream
    from ._client.awaitables import AsyncPaginator as AsyncPaginator
    from ._client.sync_client import Honcho as Honcho
    from ._client.sync_pages import SyncPage as SyncPage
    from ._client.sync_response import APIResponse as APIResponse
    from ._client.sync_streams import ChatStream as ChatStream
    from ._core.errors import APIConnectionError as APIConnectionError
    from ._core.errors import APIError as APIError
    from ._core.errors import APIResponseValidationError as APIResponseValidationError
    from ._core.errors import APIStatusError as APIStatusError
    from ._core.errors import APITimeoutError as APITimeoutError
    from ._core.errors import AuthenticationError as AuthenticationError
    from ._core.errors import BadRequestError as BadRequestError
    from ._core.errors import ClientClosedError as ClientClosedError
    from ._core.errors import ConfigurationError as ConfigurationError
    from ._core.errors import ConflictError as ConflictError
    from ._core.errors import HonchoError as HonchoError
    from ._core.errors import InternalServerError as InternalServerError
    from ._core.errors import NotFoundError as NotFoundError
    from ._core.errors import PermissionDeniedError as PermissionDeniedError
    from ._core.errors import RateLimitError as RateLimitError
    from ._core.errors import RequestValidationError as RequestValidationError
    from ._core.errors import StreamConsumedError as StreamConsumedError
    from ._core.errors import UnprocessableEntityError as UnprocessableEntityError
    from ._core.errors import UsageError as UsageError
    from ._core.errors import ValidationIssue as ValidationIssue
    from ._core.options import RequestOptions as RequestOptions
    from ._core.sentinels import NOT_GIVEN as NOT_GIVEN
    from ._core.sentinels import NotGiven as NotGiven
    from ._core.sentinels import Omit as Omit
    from ._core.sentinels import omit as omit
    from ._core.sse import ServerSentEvent as ServerSentEvent
    from ._http.aiohttp import DefaultAioHttpClient as DefaultAioHttpClient

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

_ERRORS = "._core.errors"
_SOURCES: dict[str, str] = {
    "Honcho": "._client.sync_client",
    "AsyncHoncho": "._client.async_client",
    "SyncPage": "._client.sync_pages",
    "AsyncPage": "._client.async_pages",
    "AsyncPaginator": "._client.awaitables",
    "APIResponse": "._client.sync_response",
    "AsyncAPIResponse": "._client.async_response",
    "ChatStream": "._client.sync_streams",
    "AsyncChatStream": "._client.async_streams",
    "RequestOptions": "._core.options",
    "ServerSentEvent": "._core.sse",
    "DefaultAioHttpClient": "._http.aiohttp",
    "NOT_GIVEN": "._core.sentinels",
    "NotGiven": "._core.sentinels",
    "Omit": "._core.sentinels",
    "omit": "._core.sentinels",
}


def __getattr__(name: str) -> object:
    if name in _SOURCES:
        module = _SOURCES[name]
    elif name in __all__:
        module = _ERRORS
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
