"""Reads an OpenAPI 3.0/3.1 document (as FastAPI emits it) into the model the templates render.

The passes, each its own module:

1. `document`: the document into typed records (operations, parameters, bodies, responses),
   references to anything but schemas followed;
2. `names`: each operation's resource and method name;
3. `schemas` and `operations`: schemas into `Type`s and `Model`s, operations into `Op`s;
4. `sides`: which models callers build and which the server sends;
5. `modules`: models that refer to each other share a module;
6. `tree`: the resource tree and its class names.

Anything the generator cannot express fails with `SpecError`, naming the operation or schema
and the construct.
"""

from __future__ import annotations

import contextlib
import json
import keyword
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from . import document, names
from .document import Document, Operation
from .jsonschema import Schema
from .model import Api, Model, Op, Resource, SpecError
from .modules import assign_modules
from .operations import Operations, page_schemas
from .schemas import Schemas
from .sides import mark_sides
from .tree import tree

__all__ = ["Api", "Model", "Op", "Resource", "SpecError", "load", "read", "sdk_document"]


def load(path: Path) -> Api:
    """Read the document at `path` (JSON or YAML)."""
    return read(document.load_document(path))


def read(doc: Mapping[str, Any]) -> Api:
    """The model of a document given as plain data."""
    with _reading("the document"):
        return _read(document.read(doc))


def _read(typed: Document) -> Api:
    raw = list(typed.operations)
    with _reading("operation names"):
        named = names.names([(r.path, r.method, r.operation_id, _sdk_names(r)) for r in raw])
    schemas = Schemas(typed.schemas, _body_names(raw))
    operations = Operations(schemas, page_schemas(schemas))
    hints = _hints(named)
    ops = []
    for r, (resource, method), hint in zip(raw, named, hints, strict=True):
        with _reading(r.label):
            ops.append(operations.op(r, resource, method, hint))
    # Every component schema is a generated name, except the page envelopes (Page[T] parses them).
    pages = {op.result.page for op in ops if op.result.kind == "page"}
    for key in typed.schemas:
        if key in pages and key not in schemas.models and not _mentioned(typed, key):
            continue
        with _reading(f"schema {key}"):
            schemas.model_for(key)
    models = assign_modules(mark_sides(schemas.models, ops))
    ops = [_with_models(op, models) for op in ops]
    root = tree(ops, models.values())
    return Api(
        title=typed.title,
        version=typed.version,
        models=tuple(sorted(models.values(), key=lambda m: m.class_name)),
        root=root,
        docs=_docs(typed, root, raw, named),
    )


def _with_models(op: Op, models: Mapping[str, Model]) -> Op:
    """The operation with its body model as the last pass left it."""
    if op.body is None:
        return op
    from dataclasses import replace

    return replace(op, body=models[op.body.key])


def _hints(named: list[tuple[str, str]]) -> list[str]:
    """A name for the models found inline in each operation: its resource's last segment and
    its method (`MessagesCreate`), or its whole resource path when that is taken twice."""
    short = [names.pascal(f"{r.rsplit('.', 1)[-1]}_{m}") for r, m in named]
    return [
        names.pascal(f"{r.replace('.', '_')}_{m}") if short.count(s) > 1 else s
        for s, (r, m) in zip(short, named, strict=True)
    ]


def _body_names(raw: list[Operation]) -> dict[str, str]:
    """FastAPI names a form body `Body_<operationId>`; the function name is enough."""
    return {
        f"Body_{r.operation_id}": names.pascal(
            names.function(r.path, r.method, r.operation_id, None)
        )
        + "Body"
        for r in raw
        if r.operation_id
    }


def _mentioned(typed: Document, key: str) -> bool:
    """Whether another schema refers to `key` (so its model must exist)."""
    ref = f"#/components/schemas/{key}"
    return any(
        name != key and isinstance(s, Schema) and ref in s.references()
        for name, s in typed.schemas.items()
    )


def _docs(
    typed: Document, root: Resource, raw: list[Operation], named: list[tuple[str, str]]
) -> dict[str, str]:
    """One line per resource: `x-sdk-resources`, else the description of its ops' one tag."""
    out: dict[str, str] = {}
    for r in root.walk():
        if r.dotted in typed.resource_docs:
            out[r.dotted] = typed.resource_docs[r.dotted]
            continue
        tags = {x.tags for x, n in zip(raw, named, strict=True) if n[0] == r.dotted}
        if len(tags) == 1:
            (only,) = tags
            if len(only) == 1 and only[0] in typed.tags:
                out[r.dotted] = typed.tags[only[0]]
    return out


def _sdk_names(raw: Operation) -> tuple[str, str] | None:
    resource, method = raw.sdk.get("x-sdk-resource"), raw.sdk.get("x-sdk-method")
    if resource is None and method is None:
        return None
    if not isinstance(resource, str) or not isinstance(method, str) or not method.isidentifier():
        raise SpecError(
            f"{raw.label}: x-sdk-resource and x-sdk-method must be given together, as names"
        )
    if keyword.iskeyword(method):
        raise SpecError(f"{raw.label}: x-sdk-method {method!r} is a Python keyword")
    return resource, method


@contextlib.contextmanager
def _reading(where: str) -> Iterator[None]:
    """Turns a malformed part of the document into a SpecError naming where it is."""
    try:
        yield
    except SpecError as error:
        if str(error).startswith(where) or where in ("the document", "operation names"):
            raise
        raise SpecError(f"{where}: {error}") from error
    except (KeyError, TypeError, AttributeError, ValueError, IndexError, RecursionError) as error:
        raise SpecError(f"{where}: cannot be read ({type(error).__name__}: {error})") from error


def sdk_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the SDK reads it: each `x-sdk-response-schema` made the response's schema.

    A mock server (Prism) serving this answers with bodies of those schemas, as the real server
    does, instead of the spec's open `{}`.
    """
    out: dict[str, Any] = json.loads(json.dumps(doc))
    components = out.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas.update(components.pop(document.SDK_SCHEMAS, None) or {})
    for item in (out.get("paths") or {}).values():
        for method in document.HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if isinstance(op, dict) and op.get("x-sdk-response-schema"):
                _point_responses_at(op, str(op["x-sdk-response-schema"]))
    return out


def _point_responses_at(op: dict[str, Any], named: str) -> None:
    for code, response in op.get("responses", {}).items():
        if str(code).startswith("2"):
            for media in (response.get("content") or {}).values():
                media["schema"] = {"$ref": f"#/components/schemas/{named}"}
