"""Which models callers build (they get a TypedDict twin and may reject unknown fields) and
which the server sends."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Literal

from .model import Model, Op

__all__ = ["mark_sides"]

Side = Literal["request", "response", "typed_dict"]


def mark_sides(models: Mapping[str, Model], ops: Iterable[Op]) -> dict[str, Model]:
    """The models with `request`, `response` and `typed_dict` set from where they are used."""
    sides: dict[str, set[Side]] = {key: set() for key in models}

    def visit(keys: Iterable[str], side: Side) -> None:
        for key in keys:
            if side in sides[key]:
                continue
            sides[key].add(side)
            model = models[key]
            for p in model.props:
                if side == "response" or not p.read_only:
                    visit(p.type.refs, side)
            if model.target is not None:
                visit(model.target.refs, side)

    for op in ops:
        for p in op.params:
            visit(p.type.refs, "request")
            visit(p.type.refs, "typed_dict")
        if op.body is not None:
            visit([op.body.key], "request")
        visit(op.result.type.refs, "response")
        if op.result.event is not None:
            visit(op.result.event.refs, "response")
    return {
        key: replace(
            m,
            request="request" in sides[key],
            response="response" in sides[key],
            typed_dict="typed_dict" in sides[key] and m.kind == "model",
        )
        for key, m in models.items()
    }
