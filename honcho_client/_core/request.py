"""Turns one checked call into an `httpx.Request`, without I/O.

Everything a request needs is decided here, once: path parameters encoded as exactly one segment
each, query, header and cookie parameters encoded, the body serialized (JSON through `_json`,
which refuses values JSON cannot carry; or a form, multipart with files), headers merged
case-insensitively (`_headers`: client defaults < parameters < per-call `extra_headers`), and the
per-call timeout attached. A value that cannot be sent at all raises RequestValidationError here,
before any I/O. The sync and async clients then only send what this returns, as often as the retry
policy allows.
"""

from __future__ import annotations

import os
import re
import weakref
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeGuard
from urllib.parse import quote

import httpx
import pydantic_core

from .errors import RequestValidationError, ValidationIssue
from .headers import request_headers
from .jsonbody import encode_json
from .urls import url_error

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .operation import Call, Operation
    from .validation import Checked

_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}
# Characters that stand for themselves in a path segment (RFC 3986 unreserved).
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")
QueryItems = list[tuple[str, str | int | float | bool | None]]
# httpx's own request building, which the fast path in `build_request` reproduces.
_HTTPX_BUILDERS = (httpx.Client.build_request, httpx.AsyncClient.build_request)
# Per pool: id of the headers given to `build_request` -> (those headers, the pool's headers
# as they were, the two merged as httpx merges them).
_MERGED: weakref.WeakKeyDictionary[
    httpx.Client | httpx.AsyncClient,
    dict[int, tuple[Mapping[str, str], list[tuple[bytes, bytes]], httpx.Headers]],
] = weakref.WeakKeyDictionary()
_CACHE_SIZE = 16


def encode_path(op: Operation[Any], path: Mapping[str, object]) -> str:
    """The route with each parameter percent-encoded as exactly one path segment.

    `/` becomes `%2F` and the dot segments `.` and `..` are encoded too, so no id can climb to
    another route, whatever normalisation a proxy applies.
    """
    out = []
    for text, name in op.segments:
        out.append(text)
        if name is not None:
            value = path[name]
            if type(value) is not str:
                value = _text(value)
            if _PLAIN_SEGMENT.fullmatch(value) is None or value in _DOT_SEGMENTS:
                value = _DOT_SEGMENTS.get(value) or quote(value, safe="")
            out.append(value)
    return "".join(out)


def build_request(
    http: httpx.Client | httpx.AsyncClient,
    base_url: str,
    call: Call[Any],
    checked: Checked,
    *,
    headers: Mapping[str, str],
    timeout: httpx.Timeout,
) -> httpx.Request:
    """The request for `call`, whose values `check_call` returned as `checked`."""
    op, options = call.op, call.options
    params: QueryItems = []
    _encode_query(checked["query"], params)
    extra_query = options.get("extra_query")
    if extra_query:
        _encode_query(extra_query, params)

    content: bytes | None = None
    data: dict[str, Any] | None = None
    files: list[tuple[str, Any]] | None = None
    body, extra_body = checked["body"], options.get("extra_body")
    has_body = body is not None or bool(extra_body)
    json_body = has_body and op.body_encoding == "json"
    merged = request_headers(
        op.name, headers, json_body=json_body, extra_headers=options.get("extra_headers")
    )
    # The same object for every call of this client with these headers (see request_headers).
    headers_of_client = merged if not options.get("extra_headers") else None
    if checked["headers"]:  # header parameters, under any caller's extra_headers
        merged = httpx.Headers(merged)
        for name, value in checked["headers"].items():
            if value is not None and name not in (options.get("extra_headers") or {}):
                merged[name] = _text(value)
    if json_body:
        content = _json(op, body, extra_body)
    elif has_body:
        data, files = _form(op, body, extra_body)
        if op.body_encoding == "multipart" and not files:
            content, content_type = _multipart_without_files(data)
            merged, data = httpx.Headers(merged), None
            merged["Content-Type"] = content_type
    cookies = {k: _text(v) for k, v in checked["cookies"].items() if v is not None}
    try:
        url = base_url + encode_path(op, checked["path"])
        if (
            merged is headers_of_client
            and not cookies
            and not http.cookies
            and not http.params
            and type(http).build_request in _HTTPX_BUILDERS
        ):
            # What `http.build_request` makes, with the pool's headers and ours merged once per
            # pool rather than once per request (the URL is absolute: no base URL to merge).
            return httpx.Request(
                op.method,
                url,
                params=params or None,
                content=content,
                data=data,
                files=files,
                headers=_with_pool_headers(http, merged),
                extensions={"timeout": timeout.as_dict()},
            )
        return http.build_request(
            op.method,
            url,
            params=params or None,
            content=content,
            data=data,
            files=files,
            headers=merged,
            cookies=cookies or None,
            timeout=timeout,
        )
    except (httpx.InvalidURL, UnicodeEncodeError) as error:
        raise url_error(op.name, checked["path"], params, error) from None


def _with_pool_headers(
    http: httpx.Client | httpx.AsyncClient, headers: Mapping[str, str]
) -> httpx.Headers:
    """The pool's headers replaced by `headers`, as `http.build_request` merges them; made again
    only when the pool's headers changed."""
    pool = http.headers.raw
    by_headers = _MERGED.get(http)
    if by_headers is None:
        by_headers = _MERGED[http] = {}
    cached = by_headers.get(id(headers))
    if cached is not None and cached[0] is headers and cached[1] == pool:
        return cached[2]
    merged = httpx.Headers(http.headers)
    merged.update(headers)
    if len(by_headers) >= _CACHE_SIZE:
        by_headers.clear()
    by_headers[id(headers)] = (headers, pool, merged)  # holding `headers` keeps its id unique
    return merged


def _json(op: Operation[Any], body: object, extra_body: Mapping[str, object] | None) -> bytes:
    if not extra_body and _is_model(body):
        content = _model_json(body)
        if content is not None:
            return content
    payload = _dump({} if body is None else body)
    if extra_body:
        if not isinstance(payload, dict):
            raise RequestValidationError(
                op.name,
                [ValidationIssue(("extra_body",), "object", "applies only to a JSON object body")],
            )
        payload.update(_dump(dict(extra_body)))
    return encode_json(op.name, payload)


def _model_json(model: BaseModel) -> bytes | None:
    """`model` as JSON in one pydantic call, or None when that output cannot be trusted.

    pydantic writes a NaN or an infinity as `null` (its default `ser_json_inf_nan`), so output
    holding `null` (or made under another setting) is not used: the caller then encodes the body
    through `encode_json`, which refuses such values. Output without `null` held none.
    """
    if model.model_config.get("ser_json_inf_nan", "null") != "null":
        return None
    try:
        content = model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_unset=True)
    except Exception:  # encode_json says what is wrong, and where
        return None
    return None if b"null" in content else content


def _dump(value: Any) -> Any:
    """Models dumped as the caller set them, under their wire names; other values as they are
    (`encode_json` then refuses what JSON cannot carry, NaN included)."""
    if _is_model(value):
        return value.model_dump(exclude_unset=True, by_alias=True)
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    return value


def _form(
    op: Operation[Any], body: object, extra_body: Mapping[str, object] | None
) -> tuple[dict[str, Any], list[tuple[str, Any]]]:
    """Form fields and files of a multipart or url-encoded body, named as on the wire."""
    values: dict[str, object] = {}
    if _is_model(body):
        given = body.model_fields_set  # in the model's field order, under wire names
        fields = type(body).model_fields.items()
        values = {f.alias or k: getattr(body, k) for k, f in fields if k in given}
    elif isinstance(body, Mapping):
        values = dict(body)
    values.update(extra_body or {})
    data: dict[str, Any] = {}
    files: list[tuple[str, Any]] = []
    for name, value in values.items():
        if name in op.files:
            for item in value if isinstance(value, list) else [value]:
                files.append((name, item))
        elif value is not None:
            data[name] = value if isinstance(value, (str, bytes)) else _form_text(value)
    return data, files


def _multipart_without_files(data: Mapping[str, Any]) -> tuple[bytes, str]:
    """A multipart body of form fields only (httpx would url-encode it without a file), and
    its content type."""
    boundary = os.urandom(16).hex()
    parts = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            text = item if isinstance(item, bytes) else str(item).encode()
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            parts.append(head.encode() + text + b"\r\n")
    content = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return content, f"multipart/form-data; boundary={boundary}"


def _form_text(value: object) -> str:
    if isinstance(value, (dict, list, tuple)):
        return pydantic_core.to_json(value).decode()
    return _text(value)


def _encode_query(values: Mapping[str, object], out: QueryItems) -> None:
    for key, value in values.items():
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            out.extend((key, _text(v)) for v in value)
        else:
            out.append((key, _text(value)))


def _text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


def _is_model(value: object) -> TypeGuard[BaseModel]:
    """Whether `value` is a pydantic model (pydantic's model machinery is not imported for it:
    a model given to us means it is loaded already)."""
    return hasattr(type(value), "__pydantic_serializer__") and hasattr(value, "model_fields_set")
