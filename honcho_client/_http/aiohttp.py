"""`DefaultAioHttpClient`: the fast async path, an `httpx.AsyncClient` that sends over aiohttp.

    pip install 'honcho_client[aiohttp]'

    client = AsyncHoncho(http_client=DefaultAioHttpClient())

It is an `httpx.AsyncClient` (so it goes wherever one is accepted) whose transport is
`AioHttpTransport`, built on httpx-aiohttp. httpx still builds every request and response,
aiohttp only moves the bytes; see `aiohttp_transport` for how it is kept equivalent to httpx's
own transport. aiohttp is imported when the first one is made, never by `import honcho_client`.
It overrides httpx's private `_init_transport` and `_init_proxy_transport` hooks, as
httpx-aiohttp does (tested with httpx 0.27.0 and 0.28.1), so proxies from the environment and
`proxy=` are served by aiohttp too.

Its defaults are the SDK's: the default timeout (60 s, connect 5 s), and no limit on connections
(the AsyncHoncho using it bounds its requests in flight by `max_concurrency`). Any
`httpx.AsyncClient` argument may be given and wins over these.
"""

from __future__ import annotations

import ssl
from typing import TYPE_CHECKING, Any, Final

import httpx

from .._core.defaults import DEFAULT_TIMEOUT
from .._core.errors import HonchoError
from .cookies import use_set_cookie_jar

if TYPE_CHECKING:
    from .aiohttp_transport import AioHttpTransport

INSTALL: Final = "pip install 'honcho_client[aiohttp]'"
DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0
)


class AioHttpNotInstalledError(HonchoError, ImportError):
    """DefaultAioHttpClient was made without the `aiohttp` extra installed."""


def _transport_class() -> type[AioHttpTransport]:
    try:
        from .aiohttp_transport import AioHttpTransport
    except ImportError as error:
        raise AioHttpNotInstalledError(
            f"DefaultAioHttpClient needs aiohttp and httpx-aiohttp ({error}); "
            f"install them with: {INSTALL}"
        ) from error
    return AioHttpTransport


class DefaultAioHttpClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` that sends over aiohttp, with the SDK's default settings."""

    def __init__(self, **kwargs: Any) -> None:
        self._transport_class = _transport_class()
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_LIMITS)
        super().__init__(**kwargs)
        # Same jar (cookies given or set later still go in and out), cheaper reading of answers.
        use_set_cookie_jar(self)

    def _init_transport(
        self,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = DEFAULT_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        return self._transport_class(
            verify=verify, cert=cert, trust_env=trust_env, http1=http1, http2=http2, limits=limits
        )

    def _init_proxy_transport(
        self,
        proxy: httpx.Proxy,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = DEFAULT_LIMITS,
    ) -> httpx.AsyncBaseTransport:
        return self._transport_class(
            verify=verify,
            cert=cert,
            trust_env=trust_env,
            http1=http1,
            http2=http2,
            limits=limits,
            proxy=proxy,
        )
