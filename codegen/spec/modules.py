"""Which module of `types/` each model is written to, and the order within it.

Each model has its own module, except models that refer to each other (pydantic model trees
do: a block that holds blocks): every such group (a strongly connected component of the
references) shares one module, so no two modules import each other. Within a module, classes
come first (their annotations are read lazily) and aliases and root models after the names
they need.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from .model import Model, SpecError

__all__ = ["assign_modules", "module_order"]


def assign_modules(models: Mapping[str, Model]) -> dict[str, Model]:
    """The models, each with its module: a group that refers to each other shares the module
    of its first class name."""
    out = dict(models)
    for group in _groups({k: m.refs for k, m in models.items()}):
        if len(group) == 1:
            continue
        first = min((models[k] for k in group), key=lambda m: m.class_name)
        for key in group:
            out[key] = replace(models[key], module=first.module)
    return out


def module_order(models: list[Model]) -> list[Model]:
    """The models of one module in the order they can be defined."""
    classes = sorted((m for m in models if m.kind == "model"), key=lambda m: m.class_name)
    rest = {m.key: m for m in models if m.kind != "model"}
    ordered: list[Model] = []
    done: set[str] = set()

    def visit(key: str, path: tuple[str, ...]) -> None:
        if key in done:
            return
        if key in path:
            names = " -> ".join(rest[k].class_name for k in (*path, key))
            raise SpecError(f"schemas {names}: a type that is itself (without an object between)")
        for ref in sorted(rest[key].refs & rest.keys()):
            visit(ref, (*path, key))
        done.add(key)
        ordered.append(rest[key])

    for key in sorted(rest, key=lambda k: rest[k].class_name):
        visit(key, ())
    return classes + ordered


def _groups(refs: Mapping[str, frozenset[str]]) -> list[list[str]]:
    """Strongly connected components (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for start in sorted(refs):
        if start in index:
            continue
        work = [(start, iter(sorted(refs[start] & refs.keys())))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    out.append(_pop_group(node, stack, on_stack))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(refs[child] & refs.keys()))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return out


def _pop_group(node: str, stack: list[str], on_stack: set[str]) -> list[str]:
    group = []
    while True:
        key = stack.pop()
        on_stack.discard(key)
        group.append(key)
        if key == node:
            return group
