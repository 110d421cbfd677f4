"""Exceptions raised by the SDK. Every one it raises on purpose derives from `HonchoError`::

    HonchoError
    ├── ConfigurationError            a client setting is invalid (also a ValueError and TypeError)
    ├── RequestValidationError        the request breaks the spec; nothing was sent (also a ValueError)
    ├── UsageError                    the SDK used in a way that cannot work (also a RuntimeError)
    │   ├── ClientClosedError         a call on a closed client
    │   └── StreamConsumedError       a stream read a second time
    └── APIError                      something went wrong talking to the server
        ├── APIConnectionError        no usable response: refused, reset, dropped mid-body
        │   └── APITimeoutError       connect, read, write or pool timeout
        ├── APIResponseValidationError  a 2xx body that is not JSON, does not match its schema
        │                               (with strict_response_validation=True), or (for a call
        │                               that is not safe to repeat) was cut short
        └── APIStatusError            the server answered 4xx/5xx (any status without its own class)
            ├── BadRequestError           400
            ├── AuthenticationError       401
            ├── PermissionDeniedError     403
            ├── NotFoundError             404
            ├── ConflictError             409
            ├── UnprocessableEntityError  422  (.errors: the server's validation items)
            ├── RateLimitError            429
            └── InternalServerError       >= 500

The names match the official Honcho SDK. Messages name the method, the path and the server's
message (connection errors also `scheme://host:port`), never a header or the key.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

from .reasons import describe, origin

if TYPE_CHECKING:
    import pydantic

    from ..types.validation_error import ValidationError

_QUOTE_LIMIT = 200  # raw text and JSON quoted from an error body
_DETAIL_LIMIT = 1000  # the server's own message
_BODY_LIMIT = 500


class HonchoError(Exception):
    """Base class of every error raised by honcho_client."""


class ConfigurationError(HonchoError, ValueError, TypeError):
    """A client setting is invalid (the message names the argument and value, never the key)."""


class UsageError(HonchoError, RuntimeError):
    """The SDK was used in a way that cannot work, e.g. an `AsyncHoncho` on two event loops."""


class ClientClosedError(UsageError):
    """A call was made on a client that was closed (`close()`, or the end of its `with` block)."""


class StreamConsumedError(UsageError):
    """A streamed answer or response was read again; a stream can be read once."""


@dataclass(frozen=True)
class ValidationIssue:
    """One broken rule found before sending: where, which rule, and what was given."""

    loc: tuple[str | int, ...]
    rule: str
    message: str

    @property
    def field(self) -> str:
        """The dotted field path, e.g. ``messages[3].content``."""
        out = ""
        for part in self.loc:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    def __str__(self) -> str:
        return f"{self.field}: {self.message} ({self.rule})"


class RequestValidationError(HonchoError, ValueError):
    """The call breaks a rule of the API spec; the request was not sent."""

    def __init__(self, operation: str, issues: Sequence[ValidationIssue]) -> None:
        self.operation = operation
        self.issues: list[ValidationIssue] = list(issues)
        lines = "; ".join(str(issue) for issue in self.issues)
        super().__init__(f"{operation}: invalid request, nothing was sent: {lines}")


class APIError(HonchoError):
    """Something went wrong while talking to the Honcho server."""

    def __init__(
        self, message: str, request: httpx.Request, *, body: object | None = None, attempts: int = 1
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.attempts = attempts

    def __str__(self) -> str:
        return f"{self.message}{self._retried()}"

    def _retried(self) -> str:
        return f" (after {self.attempts} attempts)" if self.attempts > 1 else ""


def _where(request: httpx.Request, server: str = "") -> str:
    """`METHOD path`, the path after `server` (`scheme://host:port`) when given."""
    path = request.url.raw_path.decode("ascii", "replace").split("?")[0]
    return f"{request.method} {server}{path}"


class APIConnectionError(APIError):
    """No usable response: refused, reset, or dropped mid-response; `.reason` says why."""

    _kind = "Connection error"

    def __init__(
        self,
        request: httpx.Request,
        *,
        message: str | None = None,
        reason: str | None = None,
        attempts: int = 1,
    ) -> None:
        self.reason = reason or "connection error"
        where = _where(request, origin(request))
        super().__init__(
            message or f"{self._kind}: {where}: {self.reason}", request, attempts=attempts
        )

    @classmethod
    def from_httpx(
        cls, error: Exception, request: httpx.Request, *, attempts: int = 1, cut: str = ""
    ) -> APIConnectionError:
        """The error for an httpx failure: APITimeoutError for timeouts, else this class; `cut`
        names what the failure cut short, if it came while a body was read."""
        kind = APITimeoutError if isinstance(error, httpx.TimeoutException) else cls
        reason = describe(error, request)
        reason = f"{cut} was cut before it ended ({reason})" if cut else reason
        return kind(request, reason=reason, attempts=attempts)

    def __str__(self) -> str:
        s = "s" if self.attempts != 1 else ""
        return f"{self.message} (after {self.attempts} attempt{s})"


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired; `.reason` says which one and its limit."""

    _kind = "Request timed out"


class APIResponseValidationError(APIError):
    """A 2xx body that is not JSON, breaks the schema (when strict) or was cut short on a create;
    `validation_error` keeps pydantic's error, not chained so that a traceback stays small."""

    validation_error: pydantic.ValidationError | None = None

    def __init__(
        self,
        response: httpx.Response,
        detail: str,
        *,
        content: bytes | None = None,
        attempts: int = 1,
        message: str | None = None,
    ) -> None:
        raw = (response.content if content is None else content)[:_BODY_LIMIT]
        super().__init__(
            message
            or f"{response.status_code} {_where(response.request)}: response body does not match "
            f"the schema ({detail}); body starts with {raw!r}",
            response.request,
            body=raw.decode("utf-8", "replace"),
            attempts=attempts,
        )
        self.response = response
        self.status_code = response.status_code


def cut_response_error(
    response: httpx.Response, error: httpx.HTTPError, *, attempts: int
) -> APIResponseValidationError:
    """A 2xx body cut short on a call that is not safe to repeat (the server acted)."""
    reason = describe(error, response.request)
    return APIResponseValidationError(
        response,
        reason,
        content=b"",
        attempts=attempts,
        message=f"{response.status_code} {_where(response.request)} on {origin(response.request)}: "
        f"the server answered but the body was cut short ({reason}); the call may have taken "
        "effect, so it was not sent again",
    )


class APIStatusError(APIError):
    """The server answered 4xx/5xx; `hint` says what to check when the client's setup is the usual
    cause (the API key, or a server not on API 1.1.0), else None."""

    def __init__(self, response: httpx.Response, *, body: object | None, attempts: int = 1) -> None:
        self.response = response
        self.status_code = response.status_code
        self.server_message = _server_message(body)
        where = f"{response.status_code} {_where(response.request)}"
        super().__init__(
            f"{where}: {self.server_message}", response.request, body=body, attempts=attempts
        )
        detail = body.get("detail") if isinstance(body, dict) else None
        if isinstance(detail, str):
            self.message = detail
        self.hint: str | None = _hint(response, detail)

    def __str__(self) -> str:
        hint = f". {self.hint}" if self.hint else ""
        where = f"{self.status_code} {_where(self.request)}"
        return f"{where}: {self.server_message}{self._retried()}{hint}"


def _hint(response: httpx.Response, detail: object) -> str | None:
    request = response.request
    server = origin(request)
    if response.status_code in (401, 403):
        if "authorization" not in request.headers:
            return (
                f"No API key was sent to {server}: set HONCHO_API_KEY or pass "
                "api_key= to the client"
            )
        verb = "refused" if response.status_code == 401 else "does not allow this call with"
        return (
            f"The server at {server} {verb} the API key sent: check HONCHO_API_KEY or the "
            "api_key= given to the client (a key scoped to an app, user, session or collection "
            "reaches only that resource)"
        )
    # FastAPI's detail for a path no route matches; a missing app, user... names what is missing.
    if response.status_code == 404 and detail == "Not Found":
        return (
            f"The server at {server} has no route {_where(request)}: it may not speak Honcho "
            "API 1.1.0, the version this SDK is for (the demo and production servers moved "
            "to later versions); check base_url or HONCHO_BASE_URL"
        )
    return None


class BadRequestError(APIStatusError):
    """400 Bad Request."""


class AuthenticationError(APIStatusError):
    """401 Unauthorized: no key, or a key the server does not accept."""


class PermissionDeniedError(APIStatusError):
    """403 Forbidden: the key is not scoped for this resource."""


class NotFoundError(APIStatusError):
    """404 Not Found."""


class ConflictError(APIStatusError):
    """409 Conflict, e.g. a name that already exists."""


class UnprocessableEntityError(APIStatusError):
    """422: the server rejected the request; `errors` lists its validation items, if any."""

    def __init__(self, response: httpx.Response, *, body: object | None, attempts: int = 1) -> None:
        super().__init__(response, body=body, attempts=attempts)
        from ..types.validation_error import ValidationError

        detail = body.get("detail") if isinstance(body, dict) else None
        self.errors: list[ValidationError] = []
        for item in detail if isinstance(detail, list) else ():
            with contextlib.suppress(ValueError):
                self.errors.append(ValidationError.model_validate(item))


class RateLimitError(APIStatusError):
    """429 Too Many Requests."""


class InternalServerError(APIStatusError):
    """A 5xx status."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(
    response: httpx.Response, *, attempts: int = 1, body_error: BaseException | None = None
) -> APIStatusError:
    """The exception for `response`'s status (body read); `body_error` cut the body short."""
    body: object | None = None  # JSON when it is JSON, else text
    if response.content:
        try:
            body = json.loads(response.content)
        except (ValueError, RecursionError):
            body = response.content.decode(response.encoding or "utf-8", "replace")
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    error = cls(response, body=body, attempts=attempts)
    if body_error is not None:
        error.server_message = f"(the body was cut short: {describe(body_error, response.request)})"
    return error


def _server_message(body: object | None) -> str:
    if body is None:
        return "(empty body)"
    if isinstance(body, dict):
        detail = body.get("detail", body)
        if isinstance(detail, str):
            return _quote(detail, _DETAIL_LIMIT)
        if isinstance(detail, list):
            return _quote("; ".join(_item_text(item) for item in detail), _DETAIL_LIMIT)
        return _quote(body if detail is None else detail)
    return _quote(" ".join(body.split()) if isinstance(body, str) else body)


def _item_text(item: object) -> str:
    """A 422 item as `loc: msg`; its `loc` is a list, a single name or index, or missing."""
    if not isinstance(item, dict):
        return str(item)
    loc, msg = item.get("loc"), item.get("msg", item)
    if isinstance(loc, (list, tuple)):
        loc = ".".join(map(str, loc))
    where = "" if loc is None else str(loc)
    return f"{where}: {msg}" if where else str(msg)


def _quote(value: object, limit: int = _QUOTE_LIMIT) -> str:
    """`value` (a text, else as JSON) cut to `limit` characters."""
    if not isinstance(value, str):
        try:
            value = json.dumps(value)
        except (ValueError, TypeError, RecursionError):
            value = repr(value)
    return value if len(value) <= limit else value[:limit] + "..."


def read_error(error: Exception, response: httpx.Response, what: str) -> HonchoError:
    """StreamConsumedError for a second read of `response`'s body, else an APIConnectionError
    saying that `what` was cut short."""
    request = response.request
    if isinstance(error, httpx.StreamError):
        return StreamConsumedError(
            f"{_where(request)}: {what} was already read or closed, and a stream can be read "
            "once; keep what the first read returned"
        )
    return APIConnectionError.from_httpx(error, request, cut=what)
