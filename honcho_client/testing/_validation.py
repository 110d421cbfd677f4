"""Request bodies and query strings decoded and validated the way FastAPI does it.

The body is read as JSON when its content type is JSON (or absent); a JSON error is one
``json_invalid`` issue, bytes that are not UTF-8 a 400. Validation runs pydantic on the
models of :mod:`._models`; failures become the entries of FastAPI's 422 list:
``{"type", "loc", "msg", "input", "ctx"?}`` with ``loc`` starting at ``"body"`` or ``"query"``.
"""

from __future__ import annotations

import email.message
import json
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from ._http import ApiError

Issue = dict[str, Any]
Issues = list[Issue]

BODY_PARSE_ERROR = "There was an error parsing the body"


class _Absent:
    """Marker for a request without a body."""

    def __repr__(self) -> str:
        return "ABSENT"


ABSENT = _Absent()


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return True
    message = email.message.Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


_CONSTANTS = ("NaN", "Infinity", "-Infinity")


def _constant_at(text: str) -> int | None:
    """Where the first NaN or Infinity token (outside strings) starts, if any."""
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "NI-" and text.startswith(_CONSTANTS, index):
            return index
    return None


def _json_invalid(position: int, reason: str) -> ApiError:
    issue = {
        "type": "json_invalid",
        "loc": ["body", position],
        "msg": "JSON decode error",
        "input": {},
        "ctx": {"error": reason},
    }
    return ApiError(422, [issue])


def decode_body(raw: bytes, content_type: str | None, *, allow_non_finite: bool) -> Any:
    """The request body as FastAPI hands it to validation.

    Returns :data:`ABSENT` for an empty body, the decoded JSON for a JSON body, and the raw
    ``bytes`` otherwise. Raises :class:`ApiError`: 422 ``json_invalid`` for malformed JSON
    (NaN and Infinity included unless ``allow_non_finite``), 400 for a body that cannot be
    decoded at all (bytes that are not UTF-8, or nesting too deep).
    """
    if not raw:
        return ABSENT
    if not _is_json(content_type):
        return raw
    try:
        text = raw.decode(json.detect_encoding(raw), "surrogatepass")
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _json_invalid(exc.pos, exc.msg) from exc
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, BODY_PARSE_ERROR) from exc
    if not allow_non_finite:
        position = _constant_at(text)
        if position is not None:
            raise _json_invalid(position, "Expecting value")
    return value


def _jsonable(value: Any) -> Any:
    """What FastAPI's encoder makes of a value in an error: exceptions become ``{}``."""
    if isinstance(value, BaseException):
        return {}
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _issues(error: ValidationError, prefix: str) -> Issues:
    found: Issues = []
    for entry in error.errors(include_url=False):
        issue: Issue = {
            "type": entry["type"],
            "loc": [prefix, *entry["loc"]],
            "msg": entry["msg"],
            "input": _jsonable(entry["input"]),
        }
        if "ctx" in entry:
            issue["ctx"] = _jsonable(entry["ctx"])
        found.append(_with_actual_length(issue))
    return found


def _with_actual_length(issue: Issue) -> Issue:
    """Report a too-long dictionary's size, as the server's pydantic does.

    Newer pydantic releases say "not more" and ``actual_length: None`` for dictionaries.
    """
    ctx = issue.get("ctx")
    if (
        issue["type"] == "too_long"
        and isinstance(ctx, dict)
        and ctx.get("actual_length") is None
        and isinstance(issue["input"], dict)
    ):
        actual = len(issue["input"])
        issue["ctx"] = {**ctx, "actual_length": actual}
        issue["msg"] = issue["msg"].removesuffix("more") + str(actual)
    return issue


def validate_query(
    model: type[BaseModel] | None, query: Mapping[str, str], issues: Issues
) -> dict[str, Any]:
    """The route's query parameters, coerced; failures are appended to ``issues``."""
    if model is None:
        return {}
    wanted = {name: query[name] for name in model.model_fields if name in query}
    try:
        return model.model_validate(wanted).model_dump()
    except ValidationError as error:
        issues.extend(_issues(error, "query"))
        return {}


def validate_body(
    model: type[BaseModel], required: bool, payload: Any, issues: Issues
) -> dict[str, Any]:
    """The validated body as a dict of field values (defaults filled in).

    An absent or ``null`` body is a ``missing`` issue when required, else all defaults.
    """
    if payload is ABSENT or payload is None:
        if required:
            issues.append(
                {"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}
            )
            return {}
        return model().model_dump()
    try:
        return model.model_validate(payload, from_attributes=True).model_dump()
    except ValidationError as error:
        issues.extend(_issues(error, "body"))
        return {}
