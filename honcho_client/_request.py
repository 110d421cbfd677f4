"""Turns one SDK call into an `httpx.Request`, without I/O.

Everything a request needs is decided here, once: omitted arguments dropped, rules checked,
path parameters encoded as exactly one segment each, query and JSON body encoded (`_json` refuses
values JSON cannot carry), headers merged case-insensitively (`_headers`: client defaults <
per-call `extra_headers`), and the per-call timeout attached. A value that cannot be sent at all
raises RequestValidationError here, before any I/O. The sync and async clients then only send
what this returns, as often as the retry policy allows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ._headers import request_headers
from ._json import encode_json
from ._types import Omit
from ._url import url_error
from ._validation import check_path_params, validate_request

if TYPE_CHECKING:
    from ._operation import Operation

__all__ = ["build_request", "encode_path"]

_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}
# Characters that stand for themselves in a path segment (RFC 3986 unreserved).
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


def encode_path(op: Operation, path: Mapping[str, object]) -> str:
    """The route with each parameter percent-encoded as exactly one path segment.

    `/` becomes `%2F` and the dot segments `.` and `..` are encoded too, so no id can climb to
    another route, whatever normalisation a proxy applies.
    """
    out = []
    for text, name in op.segments:
        out.append(text)
        if name is not None:
            value = str(path[name])
            if _PLAIN_SEGMENT.fullmatch(value) is None or value in _DOT_SEGMENTS:
                value = _DOT_SEGMENTS.get(value) or quote(value, safe="")
            out.append(value)
    return "".join(out)


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    base_url: str,
    op: Operation,
    path: Mapping[str, object],
    query: Mapping[str, object] | None,
    body: Mapping[str, object] | None,
    *,
    headers: Mapping[str, str],
    extra_headers: Mapping[str, str] | None,
    extra_query: Mapping[str, object] | None,
    extra_body: Mapping[str, object] | None,
    timeout: httpx.Timeout,
    validate: bool,
) -> httpx.Request:
    """Build the request for `op`; raise RequestValidationError before anything is sent."""
    check_path_params(op, path)
    query = _given(query) if query else None
    body = _plain(_given(body)) if body is not None else None
    if validate:
        validate_request(op, query, body)

    params: list[tuple[str, str | int | float | bool | None]] = []
    if query:
        _encode_query(query, params)
    if extra_query:
        _encode_query(extra_query, params)

    content: bytes | None = None
    json_body = op.body is not None or bool(extra_body)
    if json_body:
        payload = dict(body or {})
        if extra_body:
            payload.update(_plain(extra_body))
        content = encode_json(op.name, payload)
    merged = request_headers(op.name, headers, json_body=json_body, extra_headers=extra_headers)

    try:
        return http.build_request(
            op.method,
            base_url + encode_path(op, path),
            params=params or None,
            content=content,
            headers=merged,
            timeout=timeout,
        )
    except (httpx.InvalidURL, UnicodeEncodeError) as error:
        raise url_error(op.name, path, params, error) from None


def _given(values: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in values.items() if not isinstance(v, Omit)}


def _plain(values: Mapping[str, object]) -> dict[str, Any]:
    """Pydantic models given as values (e.g. `MessageCreate` in a batch) become plain dicts."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        out[key] = [_dump(v) for v in value] if isinstance(value, (list, tuple)) else _dump(value)
    return out


def _dump(value: Any) -> Any:
    dump = getattr(value, "model_dump", None)  # a pydantic model
    return value if dump is None else dump(mode="json", exclude_unset=True)


def _encode_query(
    values: Mapping[str, object], out: list[tuple[str, str | int | float | bool | None]]
) -> None:
    for key, value in values.items():
        if value is None or isinstance(value, Omit):
            continue
        if isinstance(value, (list, tuple)):
            out.extend((key, _query_text(v)) for v in value)
        else:
            out.append((key, _query_text(value)))


def _query_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)
