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
    from ._aiohttp import DefaultAioHttpClient as DefaultAioHttpClient
    from ._async._awaitables import AsyncPaginator as AsyncPaginator
    from ._async._client import AsyncHoncho as AsyncHoncho
    from ._async._pagination import AsyncPage as AsyncPage
    from ._async._response import AsyncAPIResponse as AsyncAPIResponse
    from ._async._streaming import AsyncChatStream as AsyncChatStream
    from ._errors import APIConnectionError as APIConnectionError
    from ._errors import APIError as APIError
    from ._errors import APIResponseValidationError as APIResponseValidationError
    from ._errors import APIStatusError as APIStatusError
    from ._errors import APITimeoutError as APITimeoutError
    from ._errors import AuthenticationError as AuthenticationError
    from ._errors import BadRequestError as BadRequestError
    from ._errors import ClientClosedError as ClientClosedError
    from ._errors import ConfigurationError as ConfigurationError
    from ._errors import ConflictError as ConflictError
    from ._errors import HonchoError as HonchoError
    from ._errors import InternalServerError as InternalServerError
    from ._errors import NotFoundError as NotFoundError
    from ._errors import PermissionDeniedError as PermissionDeniedError
    from ._errors import RateLimitError as RateLimitError
    from ._errors import RequestValidationError as RequestValidationError
    from ._errors import StreamConsumedError as StreamConsumedError
    from ._errors import UnprocessableEntityError as UnprocessableEntityError
    from ._errors import UsageError as UsageError
    from ._errors import ValidationIssue as ValidationIssue
    from ._options import RequestOptions as RequestOptions
    from ._sse import ServerSentEvent as ServerSentEvent
    from ._sync._client import Honcho as Honcho
    from ._sync._pagination import SyncPage as SyncPage
    from ._sync._response import APIResponse as APIResponse
    from ._sync._streaming import ChatStream as ChatStream
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NotGiven as NotGiven
    from ._types import Omit as Omit
    from ._types import omit as omit

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

_ERRORS = "._errors"
_SOURCES: dict[str, str] = {
    "Honcho": "._sync._client",
    "AsyncHoncho": "._async._client",
    "SyncPage": "._sync._pagination",
    "AsyncPage": "._async._pagination",
    "AsyncPaginator": "._async._awaitables",
    "APIResponse": "._sync._response",
    "AsyncAPIResponse": "._async._response",
    "ChatStream": "._sync._streaming",
    "AsyncChatStream": "._async._streaming",
    "RequestOptions": "._options",
    "ServerSentEvent": "._sse",
    "DefaultAioHttpClient": "._aiohttp",
    "NOT_GIVEN": "._types",
    "NotGiven": "._types",
    "Omit": "._types",
    "omit": "._types",
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
