"""Validation reported the way FastAPI with pydantic v2 reports it.

A tiny schema language (``Str``, ``Int``, ``Bool``, ``Dict``, ``ListOf``, ``Nullable``,
``StrOrStrList``, ``DateTime``, ``Model``) that coerces decoded JSON bodies and query
strings like pydantic v2 in lax mode and collects failures as the entries of FastAPI's
422 list form: ``{"type", "loc", "msg", "input", "ctx"?}``.
"""

from __future__ import annotations

import copy
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

Loc = tuple[str | int, ...]
Issue = dict[str, Any]
Issues = list[Issue]

_TRUE = frozenset({"1", "on", "t", "true", "y", "yes"})
_FALSE = frozenset({"0", "off", "f", "false", "n", "no"})
_INT_TEXT = re.compile(r"\s*[+-]?\d+(?:_\d+)*(?:\.0+)?\s*")


def issue(kind: str, loc: Loc, msg: str, value: Any, ctx: Mapping[str, Any] | None = None) -> Issue:
    """One entry of a FastAPI validation error list."""
    entry: Issue = {"type": kind, "loc": list(loc), "msg": msg, "input": value}
    if ctx is not None:
        entry["ctx"] = dict(ctx)
    return entry


def _plural(n: int) -> str:
    return "" if n == 1 else "s"


class Schema(ABC):
    """A validator: returns the coerced value and appends any issues to ``issues``."""

    @abstractmethod
    def check(self, value: Any, loc: Loc, issues: Issues) -> Any: ...


@dataclass(frozen=True)
class Str(Schema):
    min_length: int | None = None
    max_length: int | None = None

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if not isinstance(value, str):
            issues.append(issue("string_type", loc, "Input should be a valid string", value))
        elif self.min_length is not None and len(value) < self.min_length:
            n = self.min_length
            msg = f"String should have at least {n} character{_plural(n)}"
            issues.append(issue("string_too_short", loc, msg, value, {"min_length": n}))
        elif self.max_length is not None and len(value) > self.max_length:
            n = self.max_length
            msg = f"String should have at most {n} character{_plural(n)}"
            issues.append(issue("string_too_long", loc, msg, value, {"max_length": n}))
        return value


@dataclass(frozen=True)
class Bool(Schema):
    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
            return value.lower() in _TRUE
        if isinstance(value, (int, float)) and value in (0, 1):
            return bool(value)
        whole = isinstance(value, int) or (isinstance(value, float) and value.is_integer())
        if isinstance(value, str) or whole:
            msg = "Input should be a valid boolean, unable to interpret input"
            issues.append(issue("bool_parsing", loc, msg, value))
        else:
            issues.append(issue("bool_type", loc, "Input should be a valid boolean", value))
        return value


@dataclass(frozen=True)
class Int(Schema):
    ge: int | None = None
    le: int | None = None

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        number = self._coerce(value, loc, issues)
        if number is None:
            return value
        if self.ge is not None and number < self.ge:
            msg = f"Input should be greater than or equal to {self.ge}"
            issues.append(issue("greater_than_equal", loc, msg, value, {"ge": self.ge}))
        elif self.le is not None and number > self.le:
            msg = f"Input should be less than or equal to {self.le}"
            issues.append(issue("less_than_equal", loc, msg, value, {"le": self.le}))
        return number

    @staticmethod
    def _coerce(value: Any, loc: Loc, issues: Issues) -> int | None:
        if isinstance(value, int):
            return int(value)
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                issues.append(issue("finite_number", loc, "Input should be a finite number", value))
            elif value.is_integer():
                return int(value)
            else:
                msg = "Input should be a valid integer, got a number with a fractional part"
                issues.append(issue("int_from_float", loc, msg, value))
            return None
        if isinstance(value, str):
            if _INT_TEXT.fullmatch(value):
                return int(value.strip().split(".")[0])
            msg = "Input should be a valid integer, unable to parse string as an integer"
            issues.append(issue("int_parsing", loc, msg, value))
            return None
        issues.append(issue("int_type", loc, "Input should be a valid integer", value))
        return None


@dataclass(frozen=True)
class Dict(Schema):
    max_length: int | None = None

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if not isinstance(value, dict):
            issues.append(issue("dict_type", loc, "Input should be a valid dictionary", value))
        elif self.max_length is not None and len(value) > self.max_length:
            n = self.max_length
            msg = f"Dictionary should have at most {n} item{_plural(n)} after validation, not more"
            ctx = {"field_type": "Dictionary", "max_length": n, "actual_length": None}
            issues.append(issue("too_long", loc, msg, value, ctx))
        return value


@dataclass(frozen=True)
class ListOf(Schema):
    item: Schema
    max_length: int | None = None

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if not isinstance(value, list):
            issues.append(issue("list_type", loc, "Input should be a valid list", value))
            return value
        if self.max_length is not None and len(value) > self.max_length:
            n, actual = self.max_length, len(value)
            msg = f"List should have at most {n} item{_plural(n)} after validation, not {actual}"
            ctx = {"field_type": "List", "max_length": n, "actual_length": actual}
            issues.append(issue("too_long", loc, msg, value, ctx))
            return value
        return [self.item.check(item, (*loc, index), issues) for index, item in enumerate(value)]


@dataclass(frozen=True)
class Nullable(Schema):
    inner: Schema

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        return None if value is None else self.inner.check(value, loc, issues)


@dataclass(frozen=True)
class StrOrStrList(Schema):
    """``str | list[str]``: on failure pydantic reports each branch under its own tag."""

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if isinstance(value, str):
            return value
        as_str: Issues = []
        Str().check(value, (*loc, "str"), as_str)
        as_list: Issues = []
        result = ListOf(Str()).check(value, (*loc, "list[str]"), as_list)
        if not as_list:
            return result
        issues.extend(as_str + as_list)
        return value


@dataclass(frozen=True)
class DateTime(Schema):
    """An ISO 8601 datetime (or date, or Unix timestamp) given as text."""

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        text = str(value).strip()
        try:
            return datetime.fromtimestamp(float(text), tz=timezone.utc)
        except ValueError:
            pass
        try:
            parsed = datetime.fromisoformat(re.sub(r"[zZ]$", "+00:00", text))
        except ValueError:
            if len(text) < 10:
                error = "input is too short"
            elif not text[:4].isdigit():
                error = "invalid character in year"
            else:
                error = "unexpected extra characters at the end of the input"
            msg = f"Input should be a valid datetime or date, {error}"
            issues.append(issue("datetime_from_date_parsing", loc, msg, value, {"error": error}))
            return value
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Field:
    """A model field: its schema, whether it is required, its default and a custom check.

    ``validator`` returns an error message (reported as a pydantic ``value_error``) or ``None``.
    """

    schema: Schema
    required: bool = False
    default: Any = None
    validator: Callable[[Any], str | None] | None = None


@dataclass(frozen=True)
class Model(Schema):
    """An object with named fields; unknown keys are ignored like pydantic's default."""

    fields: Mapping[str, Field] = field(default_factory=dict)

    def check(self, value: Any, loc: Loc, issues: Issues) -> Any:
        if not isinstance(value, dict):
            msg = "Input should be a valid dictionary or object to extract fields from"
            issues.append(issue("model_attributes_type", loc, msg, value))
            return value
        result: dict[str, Any] = {}
        for name, spec in self.fields.items():
            if name not in value:
                if spec.required:
                    issues.append(issue("missing", (*loc, name), "Field required", value))
                result[name] = copy.deepcopy(spec.default)
                continue
            before = len(issues)
            result[name] = spec.schema.check(value[name], (*loc, name), issues)
            message = None
            if len(issues) == before and spec.validator and result[name] is not None:
                message = spec.validator(result[name])
            if message:
                msg = f"Value error, {message}"
                issues.append(issue("value_error", (*loc, name), msg, value[name], {"error": {}}))
        return result


@dataclass(frozen=True)
class QueryParam:
    """A query parameter: its schema and the default used when it is absent."""

    schema: Schema
    default: Any = None


def validate_query(
    params: Mapping[str, QueryParam], query: Mapping[str, str], issues: Issues
) -> dict[str, Any]:
    """Coerce the declared query parameters (undeclared ones are ignored)."""
    values: dict[str, Any] = {}
    for name, spec in params.items():
        if name in query:
            values[name] = spec.schema.check(query[name], ("query", name), issues)
        else:
            values[name] = copy.deepcopy(spec.default)
    return values


class _Absent:
    """Marker for a request without a body."""


ABSENT = _Absent()


def _reject_constant(name: str) -> Any:
    # NaN and Infinity are not JSON; refuse them rather than store unserialisable values.
    raise ValueError(name)


def decode_body(raw: bytes, content_type: str | None) -> Any:
    """Decode a request body like FastAPI: JSON unless another content type is declared.

    Returns :data:`ABSENT` for an empty body; raises ``ValueError`` carrying the
    ``json_invalid`` issue for malformed JSON.
    """
    if not raw:
        return ABSENT
    media = (content_type or "application/json").split(";")[0].strip().lower()
    if not (media == "application/json" or media.endswith("+json")):
        return raw.decode("utf-8", "replace")
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        error = issue(
            "json_invalid", ("body", exc.pos), "JSON decode error", {}, {"error": exc.msg}
        )
        raise ValueError(error) from exc
    except (ValueError, RecursionError) as exc:
        error = issue("json_invalid", ("body", 0), "JSON decode error", {}, {"error": str(exc)})
        raise ValueError(error) from exc


def validate_body(model: Model, required: bool, payload: Any, issues: Issues) -> dict[str, Any]:
    """Validate a decoded body; an absent or ``null`` body is ``missing`` when required."""
    if payload is ABSENT or payload is None:
        if required:
            issues.append(issue("missing", ("body",), "Field required", None))
        return model.check({}, ("body",), []) if not required else {}
    result = model.check(payload, ("body",), issues)
    return result if isinstance(result, dict) else {}
