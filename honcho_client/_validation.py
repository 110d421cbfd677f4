"""Client-side checks of a request against the spec's rules, before anything is sent.

The rules (required, type, minLength, maxLength, minimum, maximum, maxItems, maxProperties) come
from openapi.yaml through the generated `Operation` tables. Every broken rule is collected, so one
`RequestValidationError` names all of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

from ._errors import RequestValidationError, ValidationIssue

if TYPE_CHECKING:
    from ._operation import Field, Operation, Schema

__all__ = ["check_path_params", "validate_request"]

Loc = tuple[str | int, ...]

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "boolean": "a boolean",
    "object": "an object (dict)",
    "array": "an array (list)",
    "date-time": "a date-time (datetime or ISO 8601 string)",
}


def check_path_params(op: Operation, path: Mapping[str, object]) -> None:
    """Path parameters must be non-empty strings: an empty one would change the route."""
    issues = [
        ValidationIssue(
            ("path", name),
            "min_length=1",
            "a path parameter must be a non-empty string, got "
            + (
                repr(path.get(name))
                if isinstance(path.get(name), str)
                else _type_of(path.get(name))
            ),
        )
        for name in op.path_params
        if not isinstance(path.get(name), str) or not path.get(name)
    ]
    if issues:
        raise RequestValidationError(op.name, issues)


def validate_request(
    op: Operation, query: Mapping[str, object] | None, body: Mapping[str, object] | None
) -> None:
    """Raise RequestValidationError naming every rule that `query` and `body` break."""
    issues: list[ValidationIssue] = []
    if op.query:
        _check_fields(op.query, query or {}, ("query",), issues)
    if op.body is not None and body is not None:
        _check_fields(op.body.fields, body, ("body",), issues)
    if issues:
        raise RequestValidationError(op.name, issues)


def _check_fields(
    fields: tuple[Field, ...], values: Mapping[str, object], loc: Loc, issues: list[ValidationIssue]
) -> None:
    for f in fields:
        if f.name in values:
            _check_value(f, values[f.name], (*loc, f.name), issues)
        elif f.required:
            issues.append(ValidationIssue((*loc, f.name), "required", "is required"))


def _check_value(f: Field, value: object, loc: Loc, issues: list[ValidationIssue]) -> None:
    if value is None:
        if not f.nullable:
            expected = " or ".join(_TYPE_NAMES.get(k, k) for k in f.kinds)
            issues.append(ValidationIssue(loc, "type", f"must be {expected}, got None"))
        return
    kind = next((k for k in f.kinds if _is_kind(k, value)), None)
    if kind is None:
        expected = " or ".join(_TYPE_NAMES.get(k, k) for k in f.kinds)
        issues.append(ValidationIssue(loc, "type", f"must be {expected}, got {_type_of(value)}"))
        return
    if kind == "string":
        assert isinstance(value, str)
        n = len(value)
        if f.min_length is not None and n < f.min_length:
            issues.append(
                ValidationIssue(
                    loc,
                    f"min_length={f.min_length}",
                    f"must have at least {_chars(f.min_length)}, got {n}",
                )
            )
        if f.max_length is not None and n > f.max_length:
            issues.append(
                ValidationIssue(
                    loc,
                    f"max_length={f.max_length}",
                    f"must have at most {_chars(f.max_length)}, got {n}",
                )
            )
    elif kind == "integer":
        assert isinstance(value, int)
        if f.minimum is not None and value < f.minimum:
            issues.append(
                ValidationIssue(
                    loc, f"minimum={_num(f.minimum)}", f"must be >= {_num(f.minimum)}, got {value}"
                )
            )
        if f.maximum is not None and value > f.maximum:
            issues.append(
                ValidationIssue(
                    loc, f"maximum={_num(f.maximum)}", f"must be <= {_num(f.maximum)}, got {value}"
                )
            )
    elif kind == "array":
        assert isinstance(value, (list, tuple))
        if f.max_items is not None and len(value) > f.max_items:
            issues.append(
                ValidationIssue(
                    loc,
                    f"max_items={f.max_items}",
                    f"must have at most {f.max_items} items, got {len(value)}",
                )
            )
        if f.items is not None:
            for i, item in enumerate(value):
                _check_item(f.items, item, (*loc, i), issues)
    elif kind == "object":
        assert isinstance(value, Mapping)
        if f.max_properties is not None and len(value) > f.max_properties:
            issues.append(
                ValidationIssue(
                    loc,
                    f"max_properties={f.max_properties}",
                    f"must have at most {f.max_properties} keys, got {len(value)}",
                )
            )


def _check_item(
    spec: Field | Schema, item: object, loc: Loc, issues: list[ValidationIssue]
) -> None:
    from ._operation import Field  # loaded by then: the generated resources import it

    if isinstance(spec, Field):
        _check_value(spec, item, loc, issues)
    elif isinstance(item, Mapping):
        _check_fields(spec.fields, item, loc, issues)
    else:
        issues.append(
            ValidationIssue(loc, "type", f"must be an object ({spec.name}), got {_type_of(item)}")
        )


def _is_kind(kind: str, value: object) -> bool:
    if kind == "string":
        return isinstance(value, str)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "object":
        return isinstance(value, Mapping)
    if kind == "array":
        return isinstance(value, (list, tuple))
    if kind == "date-time":
        return isinstance(value, (datetime, date, str))
    return True


def _type_of(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _chars(n: int) -> str:
    return f"{n} character" if n == 1 else f"{n} characters"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)
