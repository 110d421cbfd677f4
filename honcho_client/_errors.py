"""Exceptions raised by the SDK.

Every exception the SDK raises on purpose derives from `HonchoError`::

    HonchoError
    ├── RequestValidationError        the request breaks the spec; nothing was sent (also a ValueError)
    └── APIError                      something went wrong talking to the server
        ├── APIConnectionError        no usable response: refused, reset, dropped mid-body
        │   └── APITimeoutError       connect, read, write or pool timeout
        ├── APIResponseValidationError  a 2xx body that is not JSON or does not match its schema
        └── APIStatusError            the server answered 4xx/5xx (any status without its own class)
            ├── BadRequestError           400
            ├── AuthenticationError       401
            ├── PermissionDeniedError     403
            ├── NotFoundError             404
            ├── ConflictError             409
            ├── UnprocessableEntityError  422  (.errors: the server's validation items)
            ├── RateLimitError            429
            └── InternalServerError       >= 500

The names match the official Honcho SDK, so `except` clauses keep working after a migration.
Messages carry the method, the path and the server's own message, never a header or the key.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from .types.validation_error import ValidationError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "HonchoError",
    "InternalServerError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "UnprocessableEntityError",
    "ValidationIssue",
]

_QUOTE_LIMIT = 200
_BODY_LIMIT = 500


class HonchoError(Exception):
    """Base class of every error raised by honcho_client."""


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

    message: str
    request: httpx.Request
    body: object | None
    attempts: int

    def __init__(
        self, message: str, request: httpx.Request, *, body: object | None = None, attempts: int = 1
    ) -> None:
        super().__init__(message)
        self.message = message
        self.request = request
        self.body = body
        self.attempts = attempts

    def __str__(self) -> str:
        suffix = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
        return f"{self.message}{suffix}"


def _where(request: httpx.Request) -> str:
    return f"{request.method} {request.url.raw_path.decode('ascii', 'replace').split('?')[0]}"


class APIConnectionError(APIError):
    """No usable response: the connection was refused, reset, or dropped mid-response."""

    def __init__(
        self, request: httpx.Request, *, message: str | None = None, attempts: int = 1
    ) -> None:
        super().__init__(
            message or f"Connection error: {_where(request)}", request, attempts=attempts
        )


class APITimeoutError(APIConnectionError):
    """A connect, read, write or pool timeout expired."""

    def __init__(
        self, request: httpx.Request, *, message: str | None = None, attempts: int = 1
    ) -> None:
        super().__init__(
            request, message=message or f"Request timed out: {_where(request)}", attempts=attempts
        )


class APIResponseValidationError(APIError):
    """A 2xx response whose body is not JSON or does not match the operation's schema."""

    def __init__(
        self, response: httpx.Response, detail: str, *, content: bytes | None = None
    ) -> None:
        raw = (response.content if content is None else content)[:_BODY_LIMIT]
        super().__init__(
            f"{response.status_code} {_where(response.request)}: response body does not match "
            f"the schema ({detail}); body starts with {raw!r}",
            response.request,
            body=raw.decode("utf-8", "replace"),
        )
        self.response = response
        self.status_code = response.status_code


class APIStatusError(APIError):
    """The server answered with a 4xx or 5xx status."""

    def __init__(self, response: httpx.Response, *, body: object | None, attempts: int = 1) -> None:
        self.response = response
        self.status_code = response.status_code
        server_message = _server_message(body)
        super().__init__(
            f"{response.status_code} {_where(response.request)}: {server_message}",
            response.request,
            body=body,
            attempts=attempts,
        )
        self.server_message = server_message
        detail = body.get("detail") if isinstance(body, dict) else None
        if isinstance(detail, str):
            self.message = detail

    def __str__(self) -> str:
        suffix = f" (after {self.attempts} attempts)" if self.attempts > 1 else ""
        where = f"{self.status_code} {_where(self.request)}"
        return f"{where}: {self.server_message}{suffix}"


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
    """422: the server rejected the request.

    `errors` lists the server's validation items when it sends FastAPI's list form, and is empty
    when it sends a plain sentence (which is then in `message`).
    """

    def __init__(self, response: httpx.Response, *, body: object | None, attempts: int = 1) -> None:
        super().__init__(response, body=body, attempts=attempts)
        from .types.validation_error import ValidationError

        detail = body.get("detail") if isinstance(body, dict) else None
        self.errors: list[ValidationError] = []
        if isinstance(detail, list):
            for item in detail:
                try:
                    self.errors.append(ValidationError.model_validate(item))
                except ValueError:
                    continue


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


def decode_error_body(response: httpx.Response) -> object | None:
    """The error body as JSON when it is JSON, else as text (None when empty)."""
    content = response.content
    if not content:
        return None
    try:
        value: object = json.loads(content)
    except ValueError:
        return content.decode(response.encoding or "utf-8", "replace")
    return value


def status_error(response: httpx.Response, *, attempts: int = 1) -> APIStatusError:
    """The exception matching `response`'s status; the body must have been read."""
    status = response.status_code
    cls = _BY_STATUS.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    return cls(response, body=decode_error_body(response), attempts=attempts)


def _server_message(body: object | None) -> str:
    if body is None:
        return "(empty body)"
    if isinstance(body, dict):
        detail = body.get("detail", body)
        if isinstance(detail, str):
            return detail
        if isinstance(detail, list):
            parts = []
            for item in detail:
                if isinstance(item, dict):
                    loc = ".".join(str(p) for p in item.get("loc", ()))
                    parts.append(f"{loc}: {item.get('msg', item)}")
                else:
                    parts.append(str(item))
            return "; ".join(parts)
        return _quote(json.dumps(detail))
    if isinstance(body, str):
        return _quote(" ".join(body.split()))
    return _quote(json.dumps(body))


def _quote(text: str) -> str:
    return text if len(text) <= _QUOTE_LIMIT else text[:_QUOTE_LIMIT] + "..."
