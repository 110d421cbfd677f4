"""Metadata as the server's Postgres ``jsonb`` columns treat it: key order and containment."""

from __future__ import annotations

from typing import Any


def _key_order(key: str) -> tuple[int, bytes]:
    data = key.encode("utf-8", "surrogatepass")
    return len(data), data


def normalized(value: Any) -> Any:
    """``value`` with every object's keys in jsonb order: shorter keys first, then bytewise."""
    if isinstance(value, dict):
        return {key: normalized(value[key]) for key in sorted(value, key=_key_order)}
    if isinstance(value, list):
        return [normalized(item) for item in value]
    return value


def contains(value: Any, pattern: Any) -> bool:
    """JSON containment like ``jsonb @>``: every part of ``pattern`` occurs in ``value``."""
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(
            key in value and contains(value[key], item) for key, item in pattern.items()
        )
    if isinstance(pattern, list):
        return isinstance(value, list) and all(
            any(contains(candidate, item) for candidate in value) for item in pattern
        )
    if isinstance(pattern, bool) or isinstance(value, bool):
        return isinstance(pattern, bool) and isinstance(value, bool) and pattern == value
    if isinstance(pattern, (int, float)) and isinstance(value, (int, float)):
        return bool(pattern == value)
    return type(pattern) is type(value) and bool(pattern == value)
