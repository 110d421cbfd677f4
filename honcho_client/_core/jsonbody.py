"""JSON request bodies: encoded once, and only when they are valid JSON.

`pydantic_core.to_json` writes `NaN` and `Infinity` for non-finite floats, which no JSON parser
accepts, and fails with a message that does not say where for an object it cannot serialize or a
string holding a lone surrogate (half of a UTF-16 pair, e.g. from bad decoding). `encode_json`
refuses all of these before anything is sent, with a `RequestValidationError` naming the field.

The common case costs one encoding and two substring searches: the body is walked only when the
encoder failed or its output contains `NaN`/`Infinity` (which may also just be text in a string).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any

import pydantic_core

from .errors import RequestValidationError, ValidationIssue

Loc = tuple[str | int, ...]


def encode_json(operation: str, payload: Mapping[str, Any], loc: Loc = ("body",)) -> bytes:
    """`payload` as JSON bytes; RequestValidationError for a value JSON cannot carry."""
    try:
        content = pydantic_core.to_json(payload)
    except (pydantic_core.PydanticSerializationError, ValueError, TypeError, RecursionError) as e:
        issues = _find(payload, loc) or [
            ValidationIssue(loc, "json", f"cannot be sent as JSON ({e})")
        ]
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
            yield ValidationIssue(
                loc,
                "finite",
                f"must be a finite number, got {value!r} (JSON has no NaN or infinity)",
            )
    elif isinstance(value, str):
        index = surrogate_at(value)
        if index is not None:
            yield ValidationIssue(
                loc,
                "utf-8",
                f"contains a lone surrogate U+{ord(value[index]):04X} at position {index}, "
                "which cannot be encoded as UTF-8",
            )
    elif isinstance(value, Mapping):
        for key, item in value.items():
            where = (*loc, key if isinstance(key, str) else str(key))
            if not isinstance(key, str) and not _serializable({key: None}):
                yield ValidationIssue(
                    where,
                    "json",
                    f"has a key of type {type(key).__name__}, which JSON cannot carry",
                )
                continue
            yield from _problems(item, where)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from _problems(item, (*loc, index))
    elif value is None or isinstance(value, (bool, int)):
        return
    elif not _serializable(value):
        yield ValidationIssue(
            loc,
            "json",
            f"cannot be sent as JSON: {type(value).__module__}.{type(value).__qualname__} "
            "is not a JSON value (use str, int, float, bool, None, list or dict)",
        )


def surrogate_at(text: str) -> int | None:
    """Where `text` holds a lone surrogate (no UTF-8 form), or None."""
    if text.isascii():
        return None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return error.start
    return None


def _serializable(value: object) -> bool:
    try:
        pydantic_core.to_json(value)
    except (pydantic_core.PydanticSerializationError, ValueError, TypeError, RecursionError):
        return False
    return True
