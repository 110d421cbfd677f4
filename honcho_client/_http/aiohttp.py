"""`DefaultAioHttpClient`, the fast async path (docs/fast-path.md); aiohttp is imported when the
first one is made. It overrides httpx's private `_init_transport` and `_init_proxy_transport`, as
httpx-aiohttp does (tested with httpx 0.27.0, 0.28.1 and 0.29.0), so that proxies from the
environment and `proxy=` go over aiohttp too.
"""

from __future__ import annotations

import ssl
from typing import Any, Final

import httpx

from .._core.defaults import DEFAULT_TIMEOUT
from .._core.errors import HonchoError
from .cookies import use_set_cookie_jar

DEFAULT_LIMITS: Final = httpx.Limits(
    max_connections=None, max_keepalive_connections=None, keepalive_expiry=5.0
)


class AioHttpNotInstalledError(HonchoError, ImportError):
    """DefaultAioHttpClient was made without the `aiohttp` extra installed."""


class DefaultAioHttpClient(httpx.AsyncClient):
    """An `httpx.AsyncClient` that sends over aiohttp, for `AsyncHoncho(http_client=...)`.

    httpx still builds every request and response; aiohttp (`AioHttpTransport`) only moves the
    bytes. Takes any `httpx.AsyncClient` argument; the defaults are the SDK's timeout (60 s,
    connect 5 s) and no limit on connections (`max_concurrency` bounds requests). Raises
    `AioHttpNotInstalledError` without the `aiohttp` extra.
    """

    def __init__(self, **kwargs: Any) -> None:
        try:
            from .aiohttp_transport import AioHttpTransport
        except ImportError as error:
            raise AioHttpNotInstalledError(
                f"DefaultAioHttpClient needs aiohttp and httpx-aiohttp ({error}); "
                "install them with: pip install 'honcho_client[aiohttp]'"
            ) from error
        self._transport_class = AioHttpTransport
        kwargs.setdefault("timeout", DEFAULT_TIMEOUT)
        kwargs.setdefault("limits", DEFAULT_LIMITS)
        super().__init__(**kwargs)
        use_set_cookie_jar(self)  # the same cookies, cheaper reading of answers

    def _init_transport(
        self,
        verify: ssl.SSLContext | str | bool = True,
        cert: Any = None,
        trust_env: bool = True,
        http1: bool = True,
        http2: bool = False,
        limits: httpx.Limits = DEFAULT_LIMITS,
        transport: httpx.AsyncBaseTransport | None = None,
        **more: Any,
    ) -> httpx.AsyncBaseTransport:
        if transport is not None:
            return transport
        if more.get("app") is not None:  # httpx 0.27 serving an app in-process (gone in 0.28)
            return super()._init_transport(transport=transport, **more)
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
