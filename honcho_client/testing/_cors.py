"""CORS as the real server configures it: three allowed origins, every method and header.

A preflight (``OPTIONS`` with ``Origin`` and ``Access-Control-Request-Method``) is answered
before routing; other requests from an allowed origin get the origin echoed back.
"""

from __future__ import annotations

from collections.abc import Mapping

from ._http import FakeResponse, text_response

ALLOWED_ORIGINS = frozenset(
    {"http://localhost", "http://127.0.0.1:8000", "https://demo.honcho.dev"}
)
ALL_METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")
MAX_AGE = 600


def preflight(method: str, headers: Mapping[str, str]) -> FakeResponse | None:
    """The answer to a CORS preflight request, or ``None`` when this is not one."""
    origin = headers.get("origin")
    if origin is None or method != "OPTIONS" or "access-control-request-method" not in headers:
        return None
    answer = [
        ("vary", "Origin"),
        ("access-control-allow-methods", ", ".join(ALL_METHODS)),
        ("access-control-max-age", str(MAX_AGE)),
    ]
    requested_headers = headers.get("access-control-request-headers")
    if requested_headers is not None:
        answer.append(("access-control-allow-headers", requested_headers))
    answer.append(("access-control-allow-credentials", "true"))
    failures = []
    if origin in ALLOWED_ORIGINS:
        answer.append(("access-control-allow-origin", origin))
    else:
        failures.append("origin")
    if headers["access-control-request-method"] not in ALL_METHODS:
        failures.append("method")
    if failures:
        return text_response(400, "Disallowed CORS " + ", ".join(failures), answer)
    return text_response(200, "OK", answer)


def simple_headers(headers: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The CORS headers added to an ordinary answer to a request carrying ``Origin``."""
    origin = headers.get("origin")
    if origin is None:
        return ()
    added = [("access-control-allow-credentials", "true")]
    if origin in ALLOWED_ORIGINS:
        added += [("access-control-allow-origin", origin), ("vary", "Origin")]
    return tuple(added)
