"""Request headers, merged case-insensitively so each is sent once; later layers win: the SDK's
own (Accept, User-Agent, Authorization, JSON Content-Type) < `default_headers` < `extra_headers`.
Names and values are checked before sending: a newline or a non-ASCII character would otherwise
fail deep inside the HTTP library (or, worse, split one header into two).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import httpx

from .errors import RequestValidationError, ValidationIssue

JSON_CONTENT_TYPE = "application/json"
_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 token characters
_VALUE = re.compile(r"[\t\x20-\x7e]*")  # visible ASCII, space and tab: what every stack accepts
# A client's headers, by id, with the headers of a JSON request made from them.
_WITH_JSON: dict[int, tuple[Mapping[str, str], httpx.Headers]] = {}
_CACHE_SIZE = 64


def header_problem(name: object, value: object) -> str | None:
    """Why `name: value` cannot be sent as a header, or None when it can."""
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        return f"is not a valid header name ({name!r})"
    if not isinstance(value, str):
        return f"must be a str, got {type(value).__name__} ({value!r})"
    if not _VALUE.fullmatch(value):
        bad = next(c for c in value if not _VALUE.fullmatch(c))
        kind = "a non-ASCII character" if ord(bad) > 0x7F else "a control character"
        return f"contains {kind} (U+{ord(bad):04X}); header values are printable ASCII"
    return None


def merge_headers(*layers: Mapping[str, str] | None) -> httpx.Headers:
    """The layers merged, each replacing the headers of earlier ones whatever their case."""
    out = httpx.Headers()
    for layer in layers:
        if layer:
            out.update(layer)
    return out


def request_headers(
    operation: str,
    headers: Mapping[str, str],
    *,
    json_body: bool,
    extra_headers: Mapping[str, str] | None,
) -> Mapping[str, str]:
    """The client's headers, Content-Type for a JSON body unless they name one, then the call's
    `extra_headers` (checked first). Without `extra_headers` the result is made once per client
    headers object (they do not change once made) and reused."""
    if not extra_headers:
        if not json_body:
            return headers
        cached = _WITH_JSON.get(id(headers))
        if cached is not None and cached[0] is headers:
            return cached[1]
    out = httpx.Headers(headers)
    if json_body and "content-type" not in out:
        out["Content-Type"] = JSON_CONTENT_TYPE
    if not extra_headers:
        if len(_WITH_JSON) >= _CACHE_SIZE:
            _WITH_JSON.clear()
        _WITH_JSON[id(headers)] = (headers, out)  # holding `headers` keeps its id unique
        return out
    issues = [
        ValidationIssue(("extra_headers", str(name)), "header", problem)
        for name, value in extra_headers.items()
        if (problem := header_problem(name, value)) is not None
    ]
    if issues:
        raise RequestValidationError(operation, issues)
    out.update(extra_headers)
    return out
