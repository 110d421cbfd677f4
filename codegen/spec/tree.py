"""The resource tree: operations grouped by their dotted resource, each resource a class.

A top-level resource or root method that would take one of the clients' own names gets a
trailing `_` (the client is the root: `client.close()` must stay the client's).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from . import names
from .model import Model, Op, Resource, SpecError

__all__ = ["CLIENT_NAMES", "class_names", "tree"]

# The public names of the runtime's clients (`BaseClient`, `AsyncBaseClient`); a test checks
# this list against the clients.
CLIENT_NAMES = frozenset(
    {
        *("api_key", "base_url", "close", "max_concurrency", "max_retries", "timeout"),
        "strict_response_validation",
        *("validate_requests", "with_options", "with_raw_response", "with_streaming_response"),
    }
)


def tree(ops: Iterable[Op], models: Iterable[Model]) -> Resource:
    """The root resource, with every operation in its place."""
    placed = [_clear_of_client(op) for op in ops]
    seen: dict[str, Op] = {}
    by_path: dict[tuple[str, ...], list[Op]] = {(): []}
    for op in placed:
        if op.dotted in seen:
            first = seen[op.dotted]
            raise SpecError(
                f"{op.http_method} {op.path}: named {op.dotted}, as is "
                f"{first.http_method} {first.path}"
            )
        seen[op.dotted] = op
        path = tuple(op.resource.split(".")) if op.resource else ()
        for depth in range(len(path) + 1):
            by_path.setdefault(path[:depth], [])
        by_path[path].append(op)
    classes = class_names(_depth_first((), list(by_path)), models)
    return _build((), by_path, classes)


def _depth_first(path: tuple[str, ...], paths: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    out = [path]
    for child in paths:
        if len(child) == len(path) + 1 and child[: len(path)] == path:
            out += _depth_first(child, paths)
    return out


def _clear_of_client(op: Op) -> Op:
    if not op.resource and op.name in CLIENT_NAMES:
        return replace(op, name=op.name + "_")
    top, _, rest = op.resource.partition(".")
    if top in CLIENT_NAMES:
        return replace(op, resource=top + "_" + (f".{rest}" if rest else ""))
    return op


def _build(
    path: tuple[str, ...],
    by_path: Mapping[tuple[str, ...], list[Op]],
    classes: Mapping[tuple[str, ...], str],
) -> Resource:
    children = tuple(
        _build(child, by_path, classes)
        for child in by_path
        if len(child) == len(path) + 1 and child[: len(path)] == path
    )
    ops = tuple(by_path[path])
    taken = {op.name for op in ops}
    for child in children:
        if child.name in taken:
            raise SpecError(
                f"resource {'.'.join(path) or '(root)'}: {child.name!r} is both a method and a resource"
            )
    return Resource(path, classes.get(path, ""), ops, children)


def class_names(
    paths: Iterable[tuple[str, ...]], models: Iterable[Model]
) -> dict[tuple[str, ...], str]:
    """Each resource's class: its name in PascalCase, or its dotted path when that is taken
    (by another resource or a model a resource module imports): `Peers`, then `SessionsPeers`."""
    taken = {n for m in models for n in (m.class_name, m.param_name)}
    out: dict[tuple[str, ...], str] = {}
    for path in paths:
        if not path:
            continue
        for depth in range(1, len(path) + 1):
            name = names.pascal("_".join(path[-depth:]))
            if name not in taken:
                break
        else:
            name = names.pascal("_".join(path)) + "Resource"
        out[path] = name
        taken.add(name)
    return out
