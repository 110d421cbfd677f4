# Generated from honcho_client/_async/_client.py by `python -m codegen`. Do not edit: change that file.
"""Sync twin of `honcho_client/_async/_client.py`; read that file for the documentation."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import replace
from types import FunctionType
from typing import Any, TypeVar

import httpx
from typing_extensions import Self

from .._defaults import (
    DEFAULT_ENVIRONMENT,
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    ENVIRONMENTS,
    Environment,
    make_timeout,
)
from .._errors import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    status_error,
)
from .._logging import logger, setup_from_env
from .._operation import Call, Operation
from .._page import Page
from .._parsing import parse_response
from .._request import build_request
from .._resource import Parsed, Resource, Sync
from .._retry import RetryPolicy, is_retryable_error, is_retryable_status
from .._types import Omit, omit
from .._validation import check_call
from .._version import __version__
from ..resources._root import HonchoResources
from ._pagination import SyncPage
from ._response import APIResponse
from ._streaming import ChatStream

__all__ = ["BaseClient", "Honcho"]

_USER_AGENT = f"honcho-client-python/{__version__}"
_MAX_IDLE_CONNECTIONS = 20


T = TypeVar("T")


class BaseClient(Resource[Sync, Parsed]):
    """Settings, the connection pool and sending; the root of a resource tree derives from it.

    `api_key` defaults to the HONCHO_API_KEY environment variable; without a key no
    Authorization header is sent. The server is `base_url` if given, else the named
    `environment` if given, else HONCHO_BASE_URL, else the "demo" environment.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        environment: Environment | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        validate_requests: bool = True,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    ) -> None:
        setup_from_env()
        if api_key is None:
            api_key = os.environ.get("HONCHO_API_KEY") or None
        if base_url is None:
            if environment is None:
                base_url = os.environ.get("HONCHO_BASE_URL") or ENVIRONMENTS[DEFAULT_ENVIRONMENT]
            elif environment in ENVIRONMENTS:
                base_url = ENVIRONMENTS[environment]
            else:
                raise ValueError(
                    f"environment must be one of {sorted(ENVIRONMENTS)}, got {environment!r}"
                )
        if max_retries < 0:
            raise ValueError(f"max_retries must be >= 0, got {max_retries}")
        if max_concurrency < 1:
            raise ValueError(f"max_concurrency must be >= 1, got {max_concurrency}")
        self._api_key = api_key
        self.base_url = str(base_url).rstrip("/")
        self.timeout = make_timeout(timeout)
        self.max_retries = max_retries
        self.validate_requests = validate_requests
        self.max_concurrency = max_concurrency
        self._default_headers = dict(default_headers or {})
        self._headers = self._make_headers()
        self._owns_http = http_client is None
        self._http = http_client or httpx.Client(
            headers={k: v for k, v in self._headers.items() if k != "Authorization"},
            timeout=self.timeout,
            # Few idle connections: with many, httpcore 1.0 hands one idle connection to
            # several waiting requests at once and spends its time re-queueing the losers.
            limits=httpx.Limits(
                max_connections=max_concurrency,
                max_keepalive_connections=min(max_concurrency, _MAX_IDLE_CONNECTIONS),
            ),
        )
        # The pool we made already sends our other headers; a caller's pool gets them all on
        # each request. The key is always sent per request, so a copy made by with_options can
        # drop or change it.
        self._call_headers: dict[str, str] = (
            {k: v for k, v in self._headers.items() if k == "Authorization"}
            if self._owns_http
            else self._headers
        )
        self._limiter = threading.Semaphore(max_concurrency)
        # The client is the root of its resource tree (`client.apps`, `client.with_raw_response`).
        self._client, self._io, self._view = self, Sync, Parsed
        self._retry = RetryPolicy()

    @property
    def api_key(self) -> str | None:
        return self._api_key

    def _make_headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": _USER_AGENT}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        headers.update(self._default_headers)
        return headers

    def __repr__(self) -> str:
        key = "set" if self._api_key else "not set"
        return f"{type(self).__name__}(base_url={self.base_url!r}, api_key=<{key}>)"

    # Lifecycle ---------------------------------------------------------------------------------

    def with_options(
        self,
        *,
        api_key: str | None | Omit = omit,
        base_url: str | httpx.URL | Omit = omit,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
        default_headers: Mapping[str, str] | Omit = omit,
        validate_requests: bool | Omit = omit,
    ) -> Self:
        """A copy with some settings changed, sharing this client's connection pool."""
        copy = object.__new__(type(self))
        copy.__dict__.update(
            {k: v for k, v in self.__dict__.items() if not isinstance(v, (Resource, FunctionType))}
        )
        copy._client = copy
        copy._owns_http = False
        if not isinstance(api_key, Omit):
            copy._api_key = api_key
        if not isinstance(base_url, Omit):
            copy.base_url = str(base_url).rstrip("/")
        if not isinstance(timeout, Omit):
            copy.timeout = make_timeout(timeout)
        if not isinstance(max_retries, Omit):
            copy.max_retries = max_retries
        if not isinstance(default_headers, Omit):
            copy._default_headers = {**self._default_headers, **default_headers}
        if not isinstance(validate_requests, Omit):
            copy.validate_requests = validate_requests
        copy._headers = copy._call_headers = copy._make_headers()
        return copy

    def close(self) -> None:
        """Close the connection pool (unless it was given by the caller or shared)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # Sending: one entry point per result shape ------------------------------------------------

    def _call(self, call: Call[T]) -> T:
        """Send `call` and return its parsed result."""
        response, _ = self._exchange(call, stream=False)
        return parse_response(call.op, response)

    def _page(self, call: Call[Page[T]]) -> SyncPage[T]:
        """Send a list call and return its page, which can fetch the pages after it."""
        return self._wrap_page(call, self._call(call))

    def _wrap_page(self, call: Call[Any], page: Page[T]) -> SyncPage[T]:
        def fetch(number: int) -> SyncPage[T]:
            return self._page(replace(call, query={**call.query, "page": number}))

        return SyncPage(page, fetch)

    def _stream(self, call: Call[object]) -> ChatStream:
        """Send a streamed call and return the stream of its answer, unread."""
        response, _ = self._exchange(call, stream=True)
        return ChatStream(response)

    def _raw(self, call: Call[object], *, stream: bool) -> APIResponse[object]:
        """Send `call` and return the response itself; `parse()` gives the result."""
        response, _ = self._exchange(call, stream=stream)

        def parse(response: httpx.Response) -> object:
            result = parse_response(call.op, response)
            if isinstance(result, Page):
                return self._wrap_page(call, result)
            return result

        return APIResponse(response, parse)

    def _exchange(self, call: Call[Any], *, stream: bool) -> tuple[httpx.Response, int]:
        """Check, build and send `call`; return a successful response and the attempts it took."""
        options = call.options
        checked = check_call(call, self.validate_requests)
        timeout = options.get("timeout", omit)
        request = build_request(
            self._http,
            self.base_url,
            call,
            checked,
            headers=self._call_headers,
            timeout=self.timeout if isinstance(timeout, Omit) else make_timeout(timeout),
        )
        retries = options.get("max_retries", self.max_retries)
        response, attempts = self._send(request, call.op, stream, retries)
        if not response.is_success:
            if stream:
                response.read()
                response.close()
            raise status_error(response, attempts=attempts)
        return response, attempts

    def _send(
        self, request: httpx.Request, op: Operation[Any], stream: bool, retries: int
    ) -> tuple[httpx.Response, int]:
        """Send `request`, again while the retry policy allows; return the response and attempts."""
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                with self._limiter:
                    response = self._http.send(request, stream=True)
                    if not stream:
                        self._read_body(response, op, attempt <= retries)
            except httpx.RequestError as error:
                if attempt > retries or not is_retryable_error(error, op.safe):
                    if isinstance(error, httpx.TimeoutException):
                        raise APITimeoutError(request, attempts=attempt) from error
                    raise APIConnectionError(request, attempts=attempt) from error
                self._wait(request, attempt, retries, None, type(error).__name__)
                continue
            if logger.isEnabledFor(logging.DEBUG):
                logger.debug(
                    "%s %s -> %d in %.1f ms (attempt %d)",
                    request.method,
                    request.url,
                    response.status_code,
                    (time.perf_counter() - started) * 1000.0,
                    attempt,
                )
            status = response.status_code
            if attempt <= retries and status >= 400 and is_retryable_status(status, op.safe):
                response.close()
                self._wait(request, attempt, retries, response.headers, str(status))
                continue
            return response, attempt

    @staticmethod
    def _read_body(response: httpx.Response, op: Operation[Any], may_retry: bool) -> None:
        """Read the whole body. A body cut short after a success status is the server's answer
        half-delivered: for an unsafe operation the server acted, so it is reported as a bad
        response (APIResponseValidationError, status included) and never sent again."""
        try:
            response.read()
            # The body is kept on the response; dropping the spent stream breaks httpx's
            # response <-> stream reference cycle, so the response is freed at once rather
            # than by the cycle collector (flat memory when paging through many results).
            response.stream = httpx.ByteStream(b"")
        except httpx.RequestError as error:
            response.close()
            if not response.is_success or (op.safe and may_retry):
                raise
            raise APIResponseValidationError(
                response,
                f"the body was cut short ({type(error).__name__}: {error})",
                content=b"",
            ) from error

    def _wait(
        self,
        request: httpx.Request,
        attempt: int,
        retries: int,
        headers: httpx.Headers | None,
        reason: str,
    ) -> None:
        delay = self._retry.delay(attempt, headers)
        logger.info(
            "%s %s failed (%s); retrying in %.2f s (attempt %d of %d)",
            request.method,
            request.url.path,
            reason,
            delay,
            attempt + 1,
            retries + 1,
        )
        time.sleep(delay)


class Honcho(BaseClient, HonchoResources[Sync, Parsed]):
    """Client for the Honcho API: `client.apps`, `client.keys`, and their `with_raw_response`.

    `api_key` defaults to the HONCHO_API_KEY environment variable; without a key no
    Authorization header is sent. The server is `base_url` if given, else the named
    `environment` if given, else HONCHO_BASE_URL, else the "demo" environment.
    """
