"""The async clients a transport test runs on: one entry per transport.

`ASYNC_TRANSPORTS` maps a transport's name to a factory of the `http_client` to give
`AsyncHoncho` (None: the SDK's own httpx pool). The `async_honcho` fixture (tests/conftest.py) is
parametrized over it, so adding a transport is one line here, and every test taking the fixture
runs on it.
"""

from __future__ import annotations

import importlib.util
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import httpx

import honcho_client
from honcho_client import AsyncHoncho

HttpClientFactory = Callable[[], "httpx.AsyncClient | None"]
AsyncHonchoFactory = Callable[..., AbstractAsyncContextManager[AsyncHoncho]]


def _default() -> httpx.AsyncClient | None:
    return None


def _aiohttp() -> httpx.AsyncClient:
    made: httpx.AsyncClient = honcho_client.DefaultAioHttpClient()
    return made


ASYNC_TRANSPORTS: dict[str, HttpClientFactory] = {"httpx": _default}
if importlib.util.find_spec("httpx_aiohttp") is not None:  # the `aiohttp` extra (CI has it)
    ASYNC_TRANSPORTS["aiohttp"] = _aiohttp


def async_honcho_factory(transport: str) -> AsyncHonchoFactory:
    """`async with factory(**client_args) as client:` on `transport`; on leaving, the client is
    closed, and so is the http_client the factory gave it."""
    make_http = ASYNC_TRANSPORTS[transport]

    @asynccontextmanager
    async def open_client(**client_args: Any) -> AsyncIterator[AsyncHoncho]:
        http = make_http()
        if http is not None:
            client_args.setdefault("http_client", http)
        client = AsyncHoncho(**client_args)
        try:
            yield client
        finally:
            await client.close()
            if http is not None:
                await http.aclose()

    return open_client
