"""Client-side checks of a call against the spec's rules (the generated request models and
parameter annotations), before anything is sent. Validators are built once per operation, on
first use; one `RequestValidationError` names every broken rule in our words, with field and value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sized
from typing import TYPE_CHECKING, Any

from pydantic_core import ValidationError
from typing_extensions import TypedDict

from .errors import RequestValidationError, ValidationIssue
from .sentinels import omit

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from .operation import Annotations, Call, Operation

    _Plan = tuple[bool, tuple[tuple[int, str, Annotations], ...]]

Loc = tuple[str | int, ...]
_LOCATIONS = ("path", "query", "headers", "cookies")


class Checked(TypedDict):
    """A call's values after validation, by location; the body as the model or plain values."""

    path: Mapping[str, object]
    query: Mapping[str, object]
    headers: Mapping[str, object]
    cookies: Mapping[str, object]
    body: object


def check_call(call: Call[Any], validate: bool) -> Checked:
    """The call's given values (omitted ones dropped), validated when `validate` is true;
    RequestValidationError names every broken rule, before anything is sent."""
    op, issues = call.op, list[ValidationIssue]()
    values = [_given(call.path), _given(call.query), _given(call.headers), _given(call.cookies)]
    _check_path(op, values[0], issues)
    body, root_body, checked_params = call.body, *_plan(op)
    if isinstance(body, Mapping) and not root_body:
        body = _given(body)  # the fields of an object body; a root body is one value
    if validate:
        for index, where, annotations in checked_params:
            if values[index]:
                _check_params(op, where, annotations, values[index], issues)
        if op.body is not None and body is not None:
            try:
                body = op.body.model_validate(body)
            except ValidationError as error:
                issues.extend(issues_of(error, ("body",)))
    if issues:
        raise RequestValidationError(op.name, issues)
    path, query, headers, cookies = values
    return Checked(path=path, query=query, headers=headers, cookies=cookies, body=body)


def _plan(op: Operation[Any]) -> _Plan:
    """Worked out once: whether `op`'s body is one value (a root model), and which parameter
    locations have rules beyond "a non-empty string" (path parameters)."""
    plan = op.cache.get("plan")
    if not isinstance(plan, tuple):
        rules = (op.path_params, op.query, op.headers, op.cookies)
        locations = [
            (i, where, annotations)
            for i, (where, annotations) in enumerate(zip(_LOCATIONS, rules, strict=True))
            if annotations and not (where == "path" and set(annotations.values()) == {str})
        ]
        from pydantic.root_model import RootModel  # pydantic's model machinery loads on first use

        root = op.body is not None and issubclass(op.body, RootModel)
        plan = op.cache["plan"] = (root, tuple(locations))
    return plan


def _given(values: Mapping[str, object]) -> Mapping[str, object]:
    return {k: v for k, v in values.items() if v is not omit} if values else values


def _check_path(
    op: Operation[Any], values: Mapping[str, object], issues: list[ValidationIssue]
) -> None:
    """Path parameters must be given and non-empty: an empty one would change the route."""
    for name, annotation in op.path_params.items():
        value = values.get(name)
        if annotation is str and (not isinstance(value, str) or not value):
            got = repr(value) if isinstance(value, str) else _type_name(value)
            why = f"a path parameter must be a non-empty string, got {got}"
            issues.append(ValidationIssue(("path", name), "min_length=1", why))


def _check_params(
    op: Operation[Any],
    where: str,
    rules: Annotations,
    values: Mapping[str, object],
    issues: list[ValidationIssue],
) -> None:
    """Check parameters against their rules; they are sent as given (a string stays as written)."""
    adapter = op.cache.get(where)
    from pydantic.type_adapter import TypeAdapter

    if not isinstance(adapter, TypeAdapter):
        # A TypedDict keyed by wire names, which need not be identifiers ("X-Request-Id").
        schema = TypedDict(f"{op.name}.{where}", dict(rules), total=False)  # type: ignore[misc]  # noqa: UP013 - fields known only at run time
        adapter = op.cache[where] = TypeAdapter(schema)
    try:
        adapter.validate_python(values)
    except ValidationError as error:
        issues.extend(issues_of(error, ("path" if where == "path" else where.rstrip("s"),)))


# pydantic's error types, said in our words
_DATE_TIME = "a date-time (datetime or ISO 8601 string)"
_EXPECTED = {
    kind: expected
    for expected, kinds in {
        "a string": "string_type string_unicode",
        "an integer": "int_type int_parsing int_from_float",
        "a number": "float_type float_parsing",
        "a boolean": "bool_type bool_parsing",
        "an object (dict)": "dict_type model_type model_attributes_type",
        "an array (list)": "list_type tuple_type",
        _DATE_TIME: "datetime_type datetime_parsing datetime_from_date_parsing",
        "a date (date or ISO 8601 string)": "date_type date_parsing",
        "None": "none_required",
        "bytes": "bytes_type",
    }.items()
    for kind in kinds.split()
}
_BOUNDS = {
    "greater_than_equal": ("minimum", ">="),
    "greater_than": ("exclusive_minimum", ">"),
    "less_than_equal": ("maximum", "<="),
    "less_than": ("exclusive_maximum", "<"),
}


def issues_of(error: ValidationError, prefix: Loc) -> list[ValidationIssue]:
    """The issues of a pydantic error, one per broken rule, with `prefix` before each location."""
    out: list[ValidationIssue] = []
    seen: set[Loc] = set()
    for item in error.errors(include_url=False):
        # Without the union members pydantic names in locations (`str`, `list[str]`, ...).
        loc = (*prefix, *(p for p in item["loc"] if isinstance(p, int) or not _is_member_tag(p)))
        rule, message = _say(item)
        if rule == "type" and loc in seen:
            continue  # one line per field for a value that matches no member of a union
        seen.add(loc)
        out.append(ValidationIssue(loc, rule, message))
    return out


def _is_member_tag(part: str) -> bool:
    return "[" in part or part in ("str", "int", "float", "bool", "dict", "list", "none", "bytes")


def _say(item: ErrorDetails) -> tuple[str, str]:
    kind, value, ctx = item["type"], item.get("input"), item.get("ctx") or {}
    if kind in ("string_too_short", "too_short"):
        n = ctx.get("min_length", 0)
        if kind == "string_too_short":
            return f"min_length={n}", f"must have at least {_chars(n)}, got {_len(value)}"
        return f"min_items={n}", f"must have at least {n} items, got {_len(value)}"
    if kind in ("string_too_long", "too_long"):
        n = ctx.get("max_length", 0)
        if kind == "string_too_long":
            return f"max_length={n}", f"must have at most {_chars(n)}, got {_len(value)}"
        if isinstance(value, Mapping):
            return f"max_properties={n}", f"must have at most {n} keys, got {_len(value)}"
        return f"max_items={n}", f"must have at most {n} items, got {_len(value)}"
    if kind in _BOUNDS:
        (rule, op), bound = _BOUNDS[kind], _num(next(iter(ctx.values()), None))
        return f"{rule}={bound}", f"must be {op} {bound}, got {value!r}"
    if kind == "missing":
        return "required", "is required"
    if kind == "extra_forbidden":
        return "unknown field", "is not a field of this request"
    if kind in ("literal_error", "enum"):
        return "enum", f"must be {ctx.get('expected', 'one of the allowed values')}, got {value!r}"
    if kind in _EXPECTED:
        return "type", f"must be {_EXPECTED[kind]}, got {_type_name(value)}"
    return kind, f"{item['msg']}, got {_type_name(value)}"


def _type_name(value: object) -> str:
    return "None" if value is None else type(value).__name__


def _len(value: object) -> int:
    return len(value) if isinstance(value, Sized) else 0


def _chars(n: object) -> str:
    return f"{n} character" if n == 1 else f"{n} characters"


def _num(x: object) -> str:
    return str(int(x) if isinstance(x, float) and math.isfinite(x) and x.is_integer() else x)
