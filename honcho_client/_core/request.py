"""Turns one checked call into an `httpx.Request`, without I/O: parameters encoded (a path one as
exactly one segment), the body serialized (JSON only when valid JSON; a form; multipart), headers
merged. A value that cannot be sent raises RequestValidationError here, naming its field.
"""

from __future__ import annotations

import math
import os
import re
import weakref
from collections.abc import Iterator, Mapping
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeGuard
from urllib.parse import quote

import httpx
import pydantic_core

from .errors import RequestValidationError, ValidationIssue
from .headers import JSON_CONTENT_TYPE, request_headers

if TYPE_CHECKING:
    from pydantic import BaseModel

    from .operation import Call, Operation
    from .validation import Checked

Loc = tuple[str | int, ...]
_Pool = httpx.Client | httpx.AsyncClient
QueryItems = list[tuple[str, str | int | float | bool | None]]
_DOT_SEGMENTS = {".": "%2E", "..": "%2E%2E"}
_PLAIN_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")  # RFC 3986 unreserved: stands for itself
_SCALARS = frozenset({str, int, float, bool})
_JSON_ERRORS = (pydantic_core.PydanticSerializationError, ValueError, TypeError, RecursionError)
MAX_URL_LENGTH = 65_536  # httpx refuses longer URLs
# httpx's own request building, which the fast path in `build_request` reproduces.
_HTTPX_BUILDERS = (httpx.Client.build_request, httpx.AsyncClient.build_request)
# Per pool: id(headers) -> (those headers, the pool's headers then, both merged as httpx does).
_MERGED: weakref.WeakKeyDictionary[
    _Pool, dict[int, tuple[Mapping[str, str], list[tuple[bytes, bytes]], httpx.Headers]]
] = weakref.WeakKeyDictionary()
_CACHE_SIZE = 16


def encode_path(op: Operation[Any], path: Mapping[str, object]) -> str:
    """The route with each parameter percent-encoded as exactly one segment, `/`, `.` and `..`
    included, so no id can climb to another route whatever a proxy normalises."""
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
    http: _Pool,
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
    _encode_query(checked["query"], params, op.json_query, op.name)
    if extra_query := options.get("extra_query"):
        _encode_query(extra_query, params)
    content: bytes | None = None
    data: dict[str, Any] | None = None
    files: list[tuple[str, Any]] | None = None
    body, extra_body = checked["body"], options.get("extra_body")
    has_body = body is not None or bool(extra_body)
    json_body = has_body and op.body_encoding == "json"
    extra_headers = options.get("extra_headers")
    merged = request_headers(op.name, headers, json_body=json_body, extra_headers=extra_headers)
    # The same object for every call of this client with these headers (see request_headers).
    headers_of_client = merged if not extra_headers else None
    merged = _with_operation_headers(op, merged, checked["headers"], extra_headers)
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
        args: dict[str, Any] = {"params": params or None, "cookies": cookies or None}
        args.update(content=content, data=data, files=files)
        if (
            merged is headers_of_client
            and not cookies
            and not http.cookies
            and not http.params
            and type(http).build_request in _HTTPX_BUILDERS
        ):
            # What `http.build_request` makes, with the pool's headers and ours merged once per
            # pool rather than once per request (the URL is absolute: no base URL to merge).
            pool_headers = _with_pool_headers(http, merged)
            extensions = {"timeout": timeout.as_dict()}
            return httpx.Request(
                op.method, url, **args, headers=pool_headers, extensions=extensions
            )
        return http.build_request(op.method, url, **args, headers=merged, timeout=timeout)
    except (httpx.InvalidURL, UnicodeEncodeError) as error:
        raise _url_error(op.name, checked["path"], params, error) from None


def _with_operation_headers(
    op: Operation[Any],
    merged: Mapping[str, str],
    params: Mapping[str, object],
    extra_headers: Mapping[str, str] | None,
) -> Mapping[str, str]:
    """`merged` with `op`'s header parameters and declared `Accept`, under any `extra_headers`."""
    accept = op.accept != JSON_CONTENT_TYPE and merged.get("accept") in (None, JSON_CONTENT_TYPE)
    if not params and not accept:
        return merged
    out = httpx.Headers(merged)
    if accept:
        out["Accept"] = op.accept
    for name, value in params.items():
        if value is not None and name not in (extra_headers or {}):
            out[name] = _text(value)
    return out


def _with_pool_headers(http: _Pool, headers: Mapping[str, str]) -> httpx.Headers:
    """The pool's headers updated with `headers`, made again only when the pool's changed."""
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
            issue = ValidationIssue(("extra_body",), "object", "applies only to a JSON object body")
            raise RequestValidationError(op.name, [issue])
        payload.update(_dump(dict(extra_body)))
    return encode_json(op.name, payload)


def _model_json(model: BaseModel) -> bytes | None:
    """`model` as JSON in one pydantic call; None if it holds `null` (pydantic's default for NaN
    and infinities) or another `ser_json_inf_nan` is set: `encode_json` refuses those."""
    if model.model_config.get("ser_json_inf_nan", "null") != "null":
        return None
    try:
        content = model.__pydantic_serializer__.to_json(model, by_alias=True, exclude_unset=True)
    except Exception:  # encode_json says what is wrong, and where
        return None
    return None if b"null" in content else content


def _dump(value: Any) -> Any:
    """Models dumped as the caller set them, under their wire names; other values as they are."""
    if _is_model(value):
        return value.model_dump(exclude_unset=True, by_alias=True)
    if isinstance(value, dict):
        return {k: _dump(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_dump(v) for v in value]
    return value


def encode_json(operation: str, payload: Mapping[str, Any], loc: Loc = ("body",)) -> bytes:
    """`payload` as JSON bytes; RequestValidationError for a value JSON cannot carry. pydantic
    writes `NaN`/`Infinity` and fails without saying where, so the payload is walked for the
    culprit only then."""
    try:
        content = pydantic_core.to_json(payload)
    except _JSON_ERRORS as e:
        why = f"cannot be sent as JSON ({e})"
        issues = _find(payload, loc) or [ValidationIssue(loc, "json", why)]
        raise RequestValidationError(operation, issues) from None
    if b"NaN" in content or b"Infinity" in content:
        issues = [issue for issue in _find(payload, loc) if issue.rule == "finite"]
        if issues:
            raise RequestValidationError(operation, issues)
    return content


def _find(payload: Mapping[str, Any], loc: Loc) -> list[ValidationIssue]:
    try:
        return list(_problems(payload, loc))
    except RecursionError:
        return [ValidationIssue(loc, "json", "is nested too deeply to be sent as JSON")]


def _problems(value: object, loc: Loc) -> Iterator[ValidationIssue]:
    """Every value under `value` that cannot be sent as JSON, with its location."""
    if isinstance(value, float):
        if not math.isfinite(value):
            why = f"must be a finite number, got {value!r} (JSON has no NaN or infinity)"
            yield ValidationIssue(loc, "finite", why)
    elif isinstance(value, str):
        yield from _surrogate(loc, value, ", which cannot be encoded as UTF-8")
    elif isinstance(value, Mapping):
        for key, item in value.items():
            where = (*loc, key if isinstance(key, str) else str(key))
            if isinstance(key, str) or _serializable({key: None}):
                yield from _problems(item, where)
            else:
                why = f"has a key of type {type(key).__name__}, which JSON cannot carry"
                yield ValidationIssue(where, "json", why)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _problems(item, (*loc, index))
    elif value is not None and not isinstance(value, (bool, int)) and not _serializable(value):
        kind = f"{type(value).__module__}.{type(value).__qualname__} is not a JSON value"
        why = f"cannot be sent as JSON: {kind} (use str, int, float, bool, None, list or dict)"
        yield ValidationIssue(loc, "json", why)


def _surrogate(loc: Loc, text: object, then: str) -> list[ValidationIssue]:
    """The issue of a string holding a lone surrogate (it has no UTF-8 form), if it does."""
    if not isinstance(text, str) or text.isascii():
        return []
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        at = error.start
        why = f"contains a lone surrogate U+{ord(text[at]):04X} at position {at}{then}"
        return [ValidationIssue(loc, "utf-8", why)]
    return []


def _serializable(value: object) -> bool:
    try:
        pydantic_core.to_json(value)
    except _JSON_ERRORS:
        return False
    return True


def _url_error(
    operation: str, path: Mapping[str, object], query: QueryItems, error: Exception
) -> RequestValidationError:
    """The error naming the value that made the URL fail: a lone surrogate, or its length."""
    values = [(("path", name), value) for name, value in path.items()] + [
        (("query", name), value) for name, value in query
    ]
    issues = [issue for loc, value in values for issue in _surrogate(loc, value, ": no UTF-8 form")]
    if not issues and "too long" in str(error):
        loc, longest = max(values, key=lambda item: len(str(item[1])), default=(("url",), ""))
        why = f"is {len(str(longest))} characters long, which makes the URL longer than the "
        why += f"{MAX_URL_LENGTH} characters HTTP clients accept"
        issues.append(ValidationIssue(loc, f"max_url_length={MAX_URL_LENGTH}", why))
    if not issues:
        issues.append(ValidationIssue(("url",), "url", f"cannot be built: {error}"))
    return RequestValidationError(operation, issues)


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
            files.extend((name, item) for item in (value if isinstance(value, list) else [value]))
        elif isinstance(value, (dict, list, tuple)):
            data[name] = pydantic_core.to_json(value).decode()
        elif value is not None:
            data[name] = value if isinstance(value, (str, bytes)) else _text(value)
    return data, files


def _multipart_without_files(data: Mapping[str, Any]) -> tuple[bytes, str]:
    """A multipart body of form fields only (httpx would url-encode it), and its content type."""
    boundary = os.urandom(16).hex()
    parts = []
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            text = item if isinstance(item, bytes) else str(item).encode()
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            parts.append(head.encode() + text + b"\r\n")
    content = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return content, f"multipart/form-data; boundary={boundary}"


def _encode_query(
    values: Mapping[str, object],
    out: QueryItems,
    as_json: tuple[str, ...] = (),
    operation: str = "",
) -> None:
    """Query items as FastAPI reads them: a list repeats its name; an object gives one item per
    property (OpenAPI's form style); an object in a list, or a parameter the spec gives as
    `content` (`as_json`), is sent as JSON text."""
    for key, value in values.items():
        if value is None:
            continue
        if type(value) in _SCALARS and key not in as_json:  # the common case, checked first
            out.append((key, _text(value)))
        elif key in as_json:
            out.append((key, _json_text(operation, key, value)))
        elif isinstance(value, (list, tuple)):
            out.extend(
                (key, _json_text(operation, key, v) if _is_object(v) else _text(v)) for v in value
            )
        elif _is_object(value):
            _encode_query(_dump(value), out, (), operation)
        else:
            out.append((key, _text(value)))


def _is_object(value: object) -> bool:
    return isinstance(value, Mapping) or _is_model(value)


def _json_text(operation: str, key: str, value: object) -> str:
    return encode_json(operation, _dump(value), ("query", key)).decode()


def _text(value: object) -> str:
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, date):  # datetime included
        return value.isoformat()
    return str(value.value) if isinstance(value, Enum) else str(value)


def _is_model(value: object) -> TypeGuard[BaseModel]:
    """Whether `value` is a pydantic model, without loading pydantic's model machinery for it."""
    return hasattr(type(value), "__pydantic_serializer__") and hasattr(value, "model_fields_set")
