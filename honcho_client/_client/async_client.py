"""`AsyncHoncho`, the asyncio client; its sync twin `Honcho` is generated from this file.

The client holds settings and a connection pool and only sends: `_core` checks, builds, retries
and parses; the permits of `permits.py` bound the calls in flight.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Awaitable, Mapping
from dataclasses import replace
from types import FunctionType
from typing import TYPE_CHECKING, Any, TypeVar

import httpx
from typing_extensions import Self

from .._core import config, defaults, errors
from .._core.defaults import DEFAULT_MAX_CONCURRENCY, DEFAULT_MAX_RETRIES, Environment
from .._core.headers import merge_headers
from .._core.log import logger, setup_from_env
from .._core.parsing import parse_response
from .._core.request import build_request
from .._core.retry import RetryPolicy, is_retryable_error, is_retryable_status
from .._core.sentinels import Omit, omit
from .._core.validation import check_call
from .._http import pool
from .._http.cookies import use_set_cookie_jar
from .._version import __version__
from ..resources._root import HonchoResources
from .async_pages import AsyncPage
from .async_response import AsyncAPIResponse
from .async_streams import AsyncChatStream, AsyncEventStream
from .forks import renew_after_fork
from .permits import AsyncPermits, AsyncPermitStream
from .resource import Async, Parsed, Resource

if TYPE_CHECKING:
    from .._core.operation import Call, Operation
    from .._core.page import Page

_USER_AGENT = f"honcho-client-python/{__version__}"
# Headers that describe how a body was sent; dropped from a response whose body was lost.
_FRAMING_HEADERS = ("content-encoding", "content-length", "transfer-encoding")

T = TypeVar("T")


class AsyncBaseClient(Resource[Async, Parsed]):
    """Settings, the connection pool and sending; the root of a resource tree derives from it.

    `api_key` defaults to HONCHO_API_KEY; without a key no Authorization header is sent. The
    server is `base_url`, else the named `environment`, else HONCHO_BASE_URL, else "demo". A bad
    setting raises ConfigurationError naming the argument. A 2xx body that breaks the schema
    gives a lenient result, or with `strict_response_validation=True` raises
    APIResponseValidationError. `timeout` defaults to 60 s per phase (connect 5 s), or to your
    own `http_client`'s. `max_concurrency` bounds the calls in flight, open streams included.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        environment: Environment | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        validate_requests: bool = True,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        strict_response_validation: bool = False,
    ) -> None:
        setup_from_env()
        config.check_http_client(http_client, httpx.AsyncClient, type(self).__name__)
        if api_key is None:
            api_key = os.environ.get("HONCHO_API_KEY") or None
        source, environments = "base_url", defaults.ENVIRONMENTS
        if base_url is None and environment is None:
            env_url = os.environ.get("HONCHO_BASE_URL")
            base_url = env_url or environments[defaults.DEFAULT_ENVIRONMENT]
            source = "HONCHO_BASE_URL" if env_url else source
        elif base_url is None:
            if environment not in environments:
                raise errors.ConfigurationError(
                    f"environment must be one of {sorted(environments)}, got {environment!r}"
                )
            base_url = environments[environment]
        self._api_key = config.check_api_key(api_key)
        self.base_url = config.check_base_url(base_url, source=source)
        if isinstance(timeout, Omit):  # a caller's own client keeps its timeout
            self.timeout = defaults.DEFAULT_TIMEOUT if http_client is None else http_client.timeout
        else:
            config.check_timeout(timeout)
            self.timeout = defaults.make_timeout(timeout)
        self.max_retries = config.check_max_retries(max_retries)
        self.validate_requests = validate_requests
        self.strict_response_validation = strict_response_validation
        self.max_concurrency = config.check_max_concurrency(max_concurrency)
        self._default_headers: Mapping[str, str] = config.check_default_headers(
            default_headers or {}
        )
        self._headers = self._make_headers()
        self._owns_http = http_client is None
        self._closed = False
        if http_client is None:
            # httpx's own transports, so environment proxies (HTTPS_PROXY, NO_PROXY) apply.
            http_client = httpx.AsyncClient(
                headers=[(k, v) for k, v in self._headers.raw if k.lower() != b"authorization"],
                timeout=self.timeout,
                limits=pool.pool_limits(max_concurrency),
            )
            use_set_cookie_jar(http_client)
        self._http = http_client
        # Our pool already sends Accept and User-Agent; a caller's pool gets all our headers per
        # request. The key and `default_headers` always go per request: a with_options copy can
        # change them, and they must replace the Content-Type a JSON body gets.
        self._call_headers = self._headers
        if self._owns_http:
            auth = {k: v for k, v in self._headers.items() if k == "authorization"}
            self._call_headers = merge_headers(auth, self._default_headers)
        self._limiter = AsyncPermits(self.max_concurrency)  # the only bound on calls in flight
        renew_after_fork(self._http, self._limiter)
        self._client, self._io, self._view = self, Async, Parsed  # the root of its resource tree
        self._retry = RetryPolicy()

    @property
    def api_key(self) -> str | None:
        return self._api_key

    def _make_headers(self) -> httpx.Headers:
        """Ours, replaced by `default_headers` whatever the case of their names."""
        headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        return merge_headers(headers, self._default_headers)

    def __repr__(self) -> str:
        key = "set" if self._api_key else "not set"
        base_url = config.mask_userinfo(self.base_url)
        return f"{type(self).__name__}(base_url={base_url!r}, api_key=<{key}>)"

    def with_options(
        self,
        *,
        api_key: str | None | Omit = omit,
        base_url: str | httpx.URL | Omit = omit,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
        default_headers: Mapping[str, str] | Omit = omit,
        validate_requests: bool | Omit = omit,
        strict_response_validation: bool | Omit = omit,
    ) -> Self:
        """A copy with some settings changed, sharing this client's connection pool and its
        `max_concurrency` slots. The settings are checked as the constructor checks them."""
        copy = object.__new__(type(self))
        copy.__dict__.update(
            {k: v for k, v in self.__dict__.items() if not isinstance(v, (Resource, FunctionType))}
        )
        copy._client = copy
        copy._owns_http = False
        if not isinstance(api_key, Omit):
            copy._api_key = config.check_api_key(api_key)
        if not isinstance(base_url, Omit):
            copy.base_url = config.check_base_url(base_url)
        if not isinstance(timeout, Omit):
            config.check_timeout(timeout)
            copy.timeout = defaults.make_timeout(timeout)
        if not isinstance(max_retries, Omit):
            copy.max_retries = config.check_max_retries(max_retries)
        if not isinstance(default_headers, Omit):
            headers = config.check_default_headers(default_headers)
            copy._default_headers = merge_headers(self._default_headers, headers)
        if not isinstance(validate_requests, Omit):
            copy.validate_requests = validate_requests
        if not isinstance(strict_response_validation, Omit):
            copy.strict_response_validation = strict_response_validation
        copy._headers = copy._call_headers = copy._make_headers()
        return copy

    async def close(self) -> None:
        """Close the connection pool (unless it was given by the caller or shared). A call on a
        closed client raises ClientClosedError, and so do the calls in flight on its pool."""
        self._closed = True
        if self._owns_http:
            pool.interrupt(self._http)
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _call(self, call: Call[T]) -> T:
        response = await self._send(call, stream=False)
        return parse_response(call.op, response, self.strict_response_validation)

    async def _page(self, call: Call[Page[T]]) -> AsyncPage[T]:
        response = await self._send(call, stream=False)
        page = parse_response(call.op, response, self.strict_response_validation)
        return self._wrap_page(call, page, response)

    def _wrap_page(self, call: Call[Any], page: Page[T], response: httpx.Response) -> AsyncPage[T]:
        def fetch(number: int) -> Awaitable[AsyncPage[T]]:
            return self._page(replace(call, query={**call.query, "page": number}))

        return AsyncPage(page, fetch, response.request)

    async def _stream(self, call: Call[object]) -> AsyncChatStream:
        response = await self._send(call, stream=True)
        strict = self.strict_response_validation
        return AsyncChatStream(response, _name(call, response), call.op, strict)

    async def _events(self, call: Call[T]) -> AsyncEventStream[T]:
        response = await self._send(call, stream=True)
        strict = self.strict_response_validation
        return AsyncEventStream(response, _name(call, response), call.op, strict)

    async def _raw(self, call: Call[object], *, stream: bool) -> AsyncAPIResponse[object]:
        response = await self._send(call, stream=stream)
        from .._core.page import Page

        def parse(response: httpx.Response) -> object:
            result = parse_response(call.op, response, self.strict_response_validation)
            if isinstance(result, Page):
                return self._wrap_page(call, result, response)
            return result

        return AsyncAPIResponse(response, parse, _name(call, response) if stream else None)

    async def _send(self, call: Call[Any], *, stream: bool) -> httpx.Response:
        """Check, build and send `call`, again while the retry policy allows; return the
        successful response or raise the last attempt's error. An attempt holds a permit from
        before it reaches the pool until its body is read or its streamed success is closed;
        whatever ends it early (an error, a cancellation) gives the permit back and clears the
        pool of connections a cancellation stranded."""
        options, op = call.options, call.op
        timeout, retries = options.get("timeout", omit), options.get("max_retries", omit)
        if not isinstance(timeout, Omit) or not isinstance(retries, Omit):
            config.check_call_options(op.name, timeout, retries)
        checked = check_call(call, self.validate_requests)
        timeout = self.timeout if isinstance(timeout, Omit) else defaults.make_timeout(timeout)
        request = build_request(
            self._http, self.base_url, call, checked, headers=self._call_headers, timeout=timeout
        )
        retries = self.max_retries if isinstance(retries, Omit) else retries
        pool_timeout = request.extensions.get("timeout", {}).get("pool")
        attempt, reason = 0, ""
        headers: httpx.Headers | None = None
        while True:
            if attempt:  # attempt failed for `reason` and may be retried: wait first
                delay = self._retry.delay(attempt, headers)
                what = "%s %s failed (%s); retrying in %.2f s (attempt %d of %d)"
                logger.info(
                    what, request.method, request.url.path, reason, delay, attempt + 1, retries + 1
                )
                import anyio  # here: `from honcho_client import Honcho` stays loop-free

                # In short naps, so that close() ends the wait within one (the next attempt then
                # raises ClientClosedError).
                end = time.monotonic() + delay
                while not self._closed and (left := end - time.monotonic()) > 0:
                    await anyio.sleep(min(left, 0.1))
            self._check_open()
            attempt += 1
            started = time.perf_counter()
            permit = await self._limiter.acquire(pool_timeout)
            if permit is None:
                raise errors.APITimeoutError(
                    request,
                    reason=f"pool timeout: all {self._limiter.limit} slots of max_concurrency "
                    f"stayed busy for {pool_timeout:g} s (an open stream holds its slot until "
                    "it is closed)",
                    attempts=attempt,
                )
            body_error: httpx.HTTPError | None = None
            try:
                response = await self._http.send(request, stream=True)
                pool.close_when_done(response)
                if not stream or not response.is_success:
                    response, body_error = await self._read_body(response, op, attempt)
            except BaseException as error:
                permit.release()
                if isinstance(error, errors.HonchoError):
                    self._check_open()
                    raise
                pool.recycle_stranded(self._http)
                if not isinstance(error, Exception):  # a cancellation: let it through
                    raise
                self._check_open()  # the pool was closed under the call
                if not isinstance(error, httpx.HTTPError):  # a custom transport's: no response
                    reason = f"{type(error).__name__}: {error}"
                    raise errors.APIConnectionError(
                        request, reason=reason, attempts=attempt
                    ) from error
                if attempt > retries or not is_retryable_error(error, op.safe):
                    raise errors.APIConnectionError.from_httpx(
                        error, request, attempts=attempt
                    ) from error
                headers, reason = None, type(error).__name__
                continue
            if stream and response.is_success:
                AsyncPermitStream.hold(response, permit)
            else:
                permit.release()
            status = response.status_code
            if logger.isEnabledFor(logging.DEBUG):
                url = config.mask_userinfo(str(request.url))
                ms = (time.perf_counter() - started) * 1000.0
                logger.debug(
                    "%s %s -> %d in %.1f ms (attempt %d)", request.method, url, status, ms, attempt
                )
            if attempt > retries or status < 400 or not is_retryable_status(status, op.safe):
                if not response.is_success:
                    raise errors.status_error(response, attempts=attempt, body_error=body_error)
                return response
            await response.aclose()
            headers, reason = response.headers, str(status)

    def _check_open(self) -> None:
        if self._closed or self._http.is_closed:
            what = "was closed" if self._closed else "has an http_client that was closed"
            raise errors.ClientClosedError(
                f"this {type(self).__name__} {what} (by close(), or at the end of its "
                "`async with` block), so it cannot send; make a new client, or keep this one "
                "open while it is in use"
            )

    @staticmethod
    async def _read_body(
        response: httpx.Response, op: Operation[Any], attempt: int
    ) -> tuple[httpx.Response, httpx.HTTPError | None]:
        """Read the whole body; return the response and, for an error status whose body was cut
        short, the error that cut it (the status is still reported, with an empty body). A cut
        2xx body raises: for a safe operation the httpx error (retried, then APIConnectionError);
        for an unsafe one, which the server acted on, APIResponseValidationError (status
        included), never sent again."""
        try:
            await response.aread()
            # Dropping the spent stream breaks httpx's response <-> stream reference cycle: the
            # response is freed at once, not by the cycle collector (flat memory when paging).
            response.stream = httpx.ByteStream(b"")
            return response, None
        except httpx.HTTPError as error:
            await response.aclose()
            if not response.is_success:
                headers = [(k, v) for k, v in response.headers.items() if k not in _FRAMING_HEADERS]
                empty = httpx.Response(
                    response.status_code, headers=headers, content=b"", request=response.request
                )
                return empty, error
            if op.safe:
                raise
            raise errors.cut_response_error(response, error, attempts=attempt) from error
        except BaseException:  # a cancellation: nothing may be awaited now
            pool.finish_interrupted_close(response)
            raise


class AsyncHoncho(AsyncBaseClient, HonchoResources[Async, Parsed]):
    """Client for the Honcho API: `client.apps`, `client.keys`, and their `with_raw_response`;
    the settings are those of `AsyncBaseClient`."""


def _name(call: Call[Any], response: httpx.Response) -> str:
    """How a streamed call is named if it is dropped unclosed."""
    return f"{call.op.name} ({response.request.method} {response.request.url.path})"
