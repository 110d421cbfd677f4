"""The OpenAPI document read into typed, frozen records, references followed.

`read()` checks the shape of everything but the schemas once: operations with their merged
parameters, request body and responses by media type, tags, and the `x-sdk-*` annotations.
JSON Schema nodes become `Schema` records (`jsonschema.py`), which `schemas.py` reads. A part of
the document that is not what OpenAPI says raises `SpecError` naming where it is.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

import yaml  # type: ignore[import-untyped, unused-ignore]

from .jsonschema import SchemaNode, read_schema
from .model import SpecError

__all__ = [
    "HTTP_METHODS",
    "SDK_SCHEMAS",
    "Document",
    "MediaType",
    "Operation",
    "Parameter",
    "RequestBody",
    "Response",
    "SchemaNode",
    "load_document",
    "read",
]

HttpMethod = Literal["get", "put", "post", "delete", "patch", "head", "options"]
ParamLocation = Literal["path", "query", "header", "cookie"]
HTTP_METHODS: tuple[HttpMethod, ...] = ("get", "put", "post", "delete", "patch", "head", "options")
_LOCATIONS: tuple[ParamLocation, ...] = ("path", "query", "header", "cookie")
SDK_SCHEMAS = "x-sdk-schemas"
JSON_MEDIA = re.compile(r"^application/([\w.+-]+\+)?json$")
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class MediaType:
    media: str  # "application/json", "text/event-stream", ...
    schema: SchemaNode | None  # None when the media type gives no schema

    @property
    def is_json(self) -> bool:
        return JSON_MEDIA.match(self.media) is not None


@dataclass(frozen=True)
class Parameter:
    name: str
    location: ParamLocation
    schema: SchemaNode
    required: bool
    description: str
    deprecated: bool
    json: bool  # given by `content: application/json` rather than `schema`


@dataclass(frozen=True)
class RequestBody:
    content: tuple[MediaType, ...]
    required: bool
    description: str


@dataclass(frozen=True)
class Response:
    code: str
    content: tuple[MediaType, ...]


@dataclass(frozen=True)
class Operation:
    path: str
    method: HttpMethod
    operation_id: str | None
    summary: str
    description: str
    deprecated: bool
    tags: tuple[str, ...]
    parameters: tuple[Parameter, ...]
    body: RequestBody | None
    responses: tuple[Response, ...]  # in the document's order
    sdk: Mapping[str, object]  # the operation's `x-sdk-*` annotations

    @property
    def label(self) -> str:
        oid = self.operation_id
        return f"{self.method.upper()} {self.path}" + (f" ({oid})" if oid else "")


@dataclass(frozen=True)
class Document:
    title: str
    version: str
    schemas: Mapping[str, SchemaNode]  # components/schemas and components/x-sdk-schemas
    operations: tuple[Operation, ...]
    tags: Mapping[str, str]  # tag -> its description
    resource_docs: Mapping[str, str]  # x-sdk-resources: dotted resource -> one line


def load_document(path: Path) -> dict[str, Any]:
    """The document at `path` (JSON or YAML) as plain data."""
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_YAML_LOADER)
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise SpecError(f"{path}: not an OpenAPI 3.0/3.1 document (no `openapi: 3.x`)")
    return cast(dict[str, Any], doc)


def read(doc: Mapping[str, Any]) -> Document:
    """The typed document."""
    reader = _Refs(doc)
    info = _mapping(doc.get("info"), "info")
    tags = {
        str(t.get("name")): text(t.get("description"))
        for t in doc.get("tags") or []
        if isinstance(t, dict) and t.get("description")
    }
    docs = _mapping(doc.get("x-sdk-resources"), "x-sdk-resources")
    return Document(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        schemas=_schemas(doc),
        operations=tuple(_operations(doc, reader)),
        tags=tags,
        resource_docs={str(k): text(v) for k, v in docs.items()},
    )


def text(value: object) -> str:
    """Prose on one line."""
    return " ".join(str(value).split()) if value is not None else ""


def _mapping(value: object, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: must be an object, got {value!r}")
    return value


def _schemas(doc: Mapping[str, Any]) -> dict[str, SchemaNode]:
    components = _mapping(doc.get("components"), "components")
    schemas = {
        str(name): read_schema(node, f"schema {name}")
        for name, node in _mapping(components.get("schemas"), "components/schemas").items()
    }
    for name, node in _mapping(components.get(SDK_SCHEMAS), f"components/{SDK_SCHEMAS}").items():
        if name in schemas:
            raise SpecError(f"components/{SDK_SCHEMAS}/{name}: also in components/schemas")
        schemas[str(name)] = read_schema(node, f"components/{SDK_SCHEMAS}/{name}")
    return schemas


class _Refs:
    """Follows local `$ref`s to anything but a schema (parameters, bodies, responses)."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def deref(self, node: object, where: str) -> Mapping[str, Any]:
        for _ in range(20):
            if not isinstance(node, Mapping):
                raise SpecError(f"{where}: must be an object, got {node!r}")
            if "$ref" not in node:
                return node
            node = self._target(str(node["$ref"]), where)
        raise SpecError(f"{where}: reference cycle")

    def _target(self, ref: str, where: str) -> object:
        if not ref.startswith("#/"):
            raise SpecError(f"{where}: external reference {ref!r} is not supported")
        target: object = self.doc
        for part in ref[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(target, Mapping) or part not in target:
                raise SpecError(f"{where}: reference {ref!r} points at nothing")
            target = target[part]
        return target


def _operations(doc: Mapping[str, Any], refs: _Refs) -> list[Operation]:
    out = []
    for path, node in _mapping(doc.get("paths"), "paths").items():
        item = refs.deref(node, f"paths/{path}")
        for method in HTTP_METHODS:
            if method in item:
                out.append(_operation(str(path), method, item, refs))
    return out


def _operation(path: str, method: HttpMethod, item: Mapping[str, Any], refs: _Refs) -> Operation:
    op = refs.deref(item[method], f"{method.upper()} {path}")
    oid = op.get("operationId")
    label = f"{method.upper()} {path}" + (f" ({oid})" if oid else "")
    body = op.get("requestBody")
    return Operation(
        path=path,
        method=method,
        operation_id=str(oid) if oid else None,
        summary=text(op.get("summary")),
        description=text(op.get("description")),
        deprecated=bool(op.get("deprecated")),
        tags=tuple(str(t) for t in op.get("tags") or ()),
        parameters=_parameters(item, op, refs, label),
        body=None if body is None else _body(refs.deref(body, label), label),
        responses=_responses(op, refs, label),
        sdk={str(k): v for k, v in op.items() if str(k).startswith("x-sdk-")},
    )


def _parameters(
    item: Mapping[str, Any], op: Mapping[str, Any], refs: _Refs, label: str
) -> tuple[Parameter, ...]:
    """The path item's parameters, replaced by the operation's of the same name and location."""
    merged: dict[tuple[str, str], Parameter] = {}
    for source in (item.get("parameters") or [], op.get("parameters") or []):
        for node in source:
            p = _parameter(refs.deref(node, label), label)
            merged[(p.location, p.name)] = p
    return tuple(merged.values())


def _parameter(p: Mapping[str, Any], label: str) -> Parameter:
    location, name = str(p.get("in")), str(p.get("name"))
    where = f"{label}: {location} parameter {name!r}"
    if location not in _LOCATIONS:
        raise SpecError(f"{where}: the location {location!r} is not supported")
    schema, is_json = p.get("schema"), False
    if schema is None:
        content = _mapping(p.get("content"), f"{where}: content")
        media = next(iter(content), None)
        if media is None or not JSON_MEDIA.match(str(media)):
            raise SpecError(f"{where}: a parameter given by `content` {media!r} is not supported")
        schema, is_json = _mapping(content[media], where).get("schema", {}), True
    return Parameter(
        name=name,
        location=location,
        schema=read_schema(schema, where),
        required=bool(p.get("required")) or location == "path",
        description=text(p.get("description")),
        deprecated=bool(p.get("deprecated")),
        json=is_json,
    )


def _content(node: Mapping[str, Any], where: str) -> tuple[MediaType, ...]:
    out = []
    for media, value in _mapping(node.get("content"), f"{where}: content").items():
        schema = _mapping(value, f"{where}: {media}").get("schema")
        read = None if schema is None else read_schema(schema, f"{where}: {media}")
        out.append(MediaType(str(media), read))
    return tuple(out)


def _body(body: Mapping[str, Any], label: str) -> RequestBody:
    return RequestBody(
        content=_content(body, f"{label}: request body"),
        required=bool(body.get("required")),
        description=text(body.get("description")),
    )


def _responses(op: Mapping[str, Any], refs: _Refs, label: str) -> tuple[Response, ...]:
    responses = _mapping(op.get("responses"), f"{label}: responses")
    return tuple(
        Response(str(code), _content(refs.deref(node, label), f"{label}: response {code}"))
        for code, node in responses.items()
    )
