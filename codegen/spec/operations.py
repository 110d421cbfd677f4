"""Operations seen from Python: parameters, the request body and the result of each route.

`Operations.op()` turns one typed document operation into an `Op`, given its resource and
method names (`names.py`) and a unique hint for the models found inline in it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from . import names
from .document import SDK_SCHEMAS, MediaType, Operation, Parameter, RequestBody, Response, text
from .jsonschema import Schema, SchemaNode
from .model import (
    NO_DEFAULT,
    NONE,
    OBJECT,
    BodyEncoding,
    Model,
    Op,
    Param,
    Result,
    SpecError,
    Type,
    stream_flag,
)
from .schemas import Schemas, default_of, field_names, implied_kind, own_keywords

__all__ = ["PARAM_RESERVED", "Operations", "page_schemas"]

# Names a generated method parameter may not take: the signature's own, and the per-call options
# every method takes as `**options` (`RequestOptions`).
PARAM_RESERVED = frozenset(
    {"self", "options", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries"}
)
_CLIENT_HEADERS = ("accept", "content-type", "authorization")  # the client sets these itself
_FORMS: dict[str, BodyEncoding] = {
    "multipart/form-data": "multipart",
    "application/x-www-form-urlencoded": "form",
}
_ANY = Schema()
_PAGE_FIELDS = frozenset({"items", "page", "size", "total", "pages"})
_DEFAULT_ACCEPT = "application/json"
_EVENT_STREAM = "text/event-stream"


class Operations:
    def __init__(self, schemas: Schemas, pages: set[str]) -> None:
        self.schemas = schemas
        self.pages = pages

    def op(self, raw: Operation, resource: str, name: str, hint: str) -> Op:
        where = raw.label
        params = self._params(raw, where, hint)
        body, encoding, body_params = self._body(raw, where, hint)
        result, accept = self._result(raw, where, hint)
        result = self._settle(result, params, body_params, raw)
        method = raw.method.upper()
        # Reads and idempotent writes may be sent again; so may a call whose result is a page.
        reads = (
            method in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
            or result.kind == "page"
            or bool(raw.sdk.get("x-sdk-read-only"))
        )
        path_params = [p for p in params if p.location == "path"]
        other = [p for p in params if p.location != "path"]
        return Op(
            resource=resource,
            name=name,
            http_method=method,
            path=raw.path,
            operation_id=raw.operation_id or "",
            summary=raw.summary or names.sentence(name),
            description=raw.description,
            deprecated=raw.deprecated,
            params=_unique_names([*path_params, *body_params, *other], where),
            body=body,
            body_encoding=encoding,
            files=tuple(p.wire for p in body_params if p.type.binary),
            safe=reads and not raw.sdk.get("x-sdk-creates"),
            result=result,
            accept=accept,
        )

    def _settle(
        self, result: Result, params: list[Param], body: list[Param], raw: Operation
    ) -> Result:
        """A page without a `page` parameter is a plain model; a stream needs a boolean `stream`
        property in the body (the caller's `stream=True` asks for it)."""
        if result.kind == "page" and not any(
            p.location == "query" and p.wire == "page" for p in params
        ):
            return Result("model", self.schemas.named(result.page or ""))
        if result.kind == "stream" and stream_flag(body) is None:
            return Result("model", result.type)
        return result

    # Parameters ---------------------------------------------------------------------------

    def _params(self, raw: Operation, where: str, hint: str) -> list[Param]:
        """Path, query, header and cookie parameters; path ones first, in route order."""
        out = [
            self._param(p, where, hint)
            for p in raw.parameters
            if not (p.location == "header" and p.name.lower() in _CLIENT_HEADERS)
        ]
        order = re.findall(r"{([^}]+)}", raw.path)
        declared = {p.wire for p in out if p.location == "path"}
        for name in order:
            if name not in declared:
                raise SpecError(f"{where}: path parameter {name!r} is not declared")
        for p in out:
            if p.location == "path" and p.wire not in order:
                raise SpecError(f"{where}: path parameter {p.wire!r} is not in the path")
        path = sorted((p for p in out if p.location == "path"), key=lambda p: order.index(p.wire))
        return [*path, *(p for p in out if p.location != "path")]

    def _param(self, p: Parameter, where: str, hint: str) -> Param:
        label = f"{where}: {p.location} parameter {p.name!r}"
        t = self.schemas.type(p.schema, label, hint + names.pascal(p.name))
        resolved, _ = self.schemas.schema_of(p.schema, label)
        if p.location == "path" and implied_kind(resolved) in ("object", "array"):
            raise SpecError(f"{label}: an array or object in a path parameter is not supported")
        return Param(
            name=names.identifier(p.name, PARAM_RESERVED),
            wire=p.name,
            location=p.location,
            type=t,
            required=p.required,
            default=default_of(p.schema, resolved),
            description=p.description or text(resolved.description),
            deprecated=p.deprecated,
            json=p.json,
        )

    # The request body ---------------------------------------------------------------------

    def _body(
        self, raw: Operation, where: str, hint: str
    ) -> tuple[Model | None, BodyEncoding, list[Param]]:
        """The request model, its encoding, and the method parameters that fill it."""
        if raw.body is None:
            return None, "json", []
        label = f"{where}: request body"
        media, encoding = _body_media(raw.body, label)
        if media.schema is None:
            raise SpecError(f"{label}: a body without a schema is not supported")
        schema, required = _optional_body(media.schema, raw.body.required)
        resolved, key = self.schemas.schema_of(schema, label)
        if resolved.properties and resolved.type in ("object", None):
            return self._fields_body(raw, resolved, key, encoding, label, hint)
        if encoding != "json":
            raise SpecError(f"{label}: a {encoding} body must be an object with properties")
        title = media.schema.title if isinstance(media.schema, Schema) else ""
        return self._root_body(raw.body, schema, title, key, required, label, hint)

    def _fields_body(
        self,
        raw: Operation,
        resolved: Schema,
        key: str | None,
        encoding: BodyEncoding,
        label: str,
        hint: str,
    ) -> tuple[Model | None, BodyEncoding, list[Param]]:
        """An object body: one keyword per property (read-only ones are not sent)."""
        if key is not None:
            model = self.schemas.model_for(key)
        else:
            model = self.schemas.inline_model(
                f"{raw.label}#body", f"{hint}Body", resolved, label, f"{hint}{raw.method}Body"
            )
        py = field_names([prop.wire for prop in model.props], PARAM_RESERVED)
        params = [
            Param(
                name=py[prop.wire],
                wire=prop.wire,
                location="body",
                type=prop.type,
                required=prop.required,
                default=prop.default,
                description=prop.description,
                deprecated=prop.deprecated,
            )
            for prop in model.props
            if not prop.read_only
        ]
        if encoding == "json" and any(p.type.binary for p in params):
            raise SpecError(f"{label}: a file (format: binary) in a JSON body is not supported")
        return model, encoding, params

    def _root_body(
        self,
        body: RequestBody,
        schema: SchemaNode,
        title: str,
        key: str | None,
        required: bool,
        label: str,
        hint: str,
    ) -> tuple[Model | None, BodyEncoding, list[Param]]:
        """Any other body (an array, a map, a union) is one value, checked by a RootModel."""
        t = self.schemas.type(schema, label, f"{hint}Item")
        resolved, _ = self.schemas.schema_of(schema, label)
        description = body.description or resolved.description
        root = self.schemas.root_model(
            f"{label}#root",
            f"{hint}Body",
            t,
            " ".join(description.split()) or f"The request body of `{label.split(':')[0]}`.",
        )
        # Named by the body's title (FastAPI: the parameter's name), unless that names a schema.
        title = title or resolved.title
        name = names.identifier(title, PARAM_RESERVED) if title and not key else "body"
        param = Param(name, "", "body", t, required, NO_DEFAULT, " ".join(description.split()))
        return root, "json", [param]

    # The result ---------------------------------------------------------------------------

    def _result(self, raw: Operation, where: str, hint: str) -> tuple[Result, str]:
        """The result of the first success response, and the Accept header its media types
        make."""
        response = _success(raw, where)
        label = f"{where}: response {response.code}"
        named = raw.sdk.get("x-sdk-response-schema")
        if response.code == "204" or not response.content:
            if named:
                raise SpecError(f"{label}: x-sdk-response-schema on a response without a body")
            return Result("none", NONE), _DEFAULT_ACCEPT
        accept = ", ".join(m.media for m in response.content)
        media = next((m for m in response.content if m.is_json), None)
        if media is None:
            return self._not_json(response.content[0], label, hint), accept
        schema = self._response_schema(media, named, label)
        events = next((m for m in response.content if m.media == _EVENT_STREAM), None)
        if events is not None and schema in (_ANY, True):
            # FastAPI's StreamingResponse: its JSON is the default, open schema.
            return self._not_json(events, label, hint), _EVENT_STREAM
        resolved, key = self.schemas.schema_of(schema, label)
        if key is not None and key in self.pages:
            items, _ = self.schemas.schema_of(resolved.property("items"), label)
            item = self.schemas.type(
                True if items.items is None else items.items, f"schema {key}.items", key + "Item"
            )
            return Result("page", item, page=key), accept
        t = self.schemas.type(schema, label, hint + "Response")
        return self._typed_result(raw, t, response, label), accept

    def _typed_result(self, raw: Operation, t: Type, response: Response, label: str) -> Result:
        if t == OBJECT:
            return Result("json", OBJECT)
        models = self.schemas.models
        model = next((models[k] for k in t.refs if models[k].class_name == t.model), None)
        if model is None or model.kind != "model":
            return Result("adapter", t)
        if not any(m.media == _EVENT_STREAM for m in response.content):
            return Result("model", t)
        stream = _mapping(raw.sdk.get("x-sdk-stream"))
        text = stream.get("text")
        if text is None:
            events = next(m for m in response.content if m.media == _EVENT_STREAM)
            event = self._event(events, label, model.class_name)
            return Result("stream", t, stream="events", event=event)
        prop = next((p for p in model.props if p.wire == text), None)
        if prop is None or prop.type.model not in ("str", "str | None"):
            raise SpecError(f"{label}: x-sdk-stream text {text!r} is not a string property")
        return Result("stream", t, stream="text", stream_text=prop.name)

    def _not_json(self, media: MediaType, label: str, hint: str) -> Result:
        """Typed events from an event stream, a str from other text, else a download."""
        if media.media == _EVENT_STREAM:
            event = self._event(media, label, hint)
            return Result("events", event, event=event)
        if media.media.startswith("text/"):
            return Result("text", Type("str", "str", doc="str"))
        return Result("download", Type("bytes", "bytes", doc="bytes"))

    def _event(self, media: MediaType, label: str, hint: str) -> Type:
        """The type of each event's data: its schema's, or any JSON value (or the text) when the
        schema says nothing (none, `{}`, or a binary string)."""
        schema = media.schema
        if schema is None or schema is True:
            return OBJECT
        resolved, _ = self.schemas.schema_of(schema, label)
        if resolved == _ANY or (resolved.type == "string" and resolved.format == "binary"):
            return OBJECT
        return self.schemas.type(schema, f"{label}: {_EVENT_STREAM}", hint + "Event")

    def _response_schema(self, media: MediaType, named: object, label: str) -> SchemaNode:
        schema: SchemaNode = True if media.schema is None else media.schema
        if not named:
            return schema
        if schema not in (_ANY, True):
            raise SpecError(f"{label}: x-sdk-response-schema on a response that has a schema")
        if not isinstance(named, str) or named not in self.schemas.schemas:
            raise SpecError(f"{label}: x-sdk-response-schema {named!r} is not declared")
        return Schema(keywords=frozenset({"$ref"}), ref=f"#/components/{SDK_SCHEMAS}/{named}")


def page_schemas(schemas: Schemas) -> set[str]:
    """Component schemas shaped like a page: `items` (array) and page/size/total/pages."""
    out: set[str] = set()
    for key, schema in schemas.schemas.items():
        props = dict(schema.properties or ()) if isinstance(schema, Schema) else {}
        if "items" in props and {"page", "size"} <= set(props) <= _PAGE_FIELDS:
            items, _ = schemas.schema_of(props["items"], f"schema {key}.items")
            if items.type == "array":
                out.add(key)
    return out


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _success(raw: Operation, where: str) -> Response:
    codes = sorted(r.code for r in raw.responses if re.fullmatch(r"2(\d\d|XX)", r.code))
    code = codes[0] if codes else "default"
    response = next((r for r in raw.responses if r.code == code), None)
    if response is None:
        raise SpecError(f"{where}: no success (2xx) response")
    return response


def _body_media(body: RequestBody, label: str) -> tuple[MediaType, BodyEncoding]:
    for media in body.content:
        if media.is_json:
            return media, "json"
    for media in body.content:
        if media.media in _FORMS:
            return media, _FORMS[media.media]
    given = ", ".join(m.media for m in body.content) or "(none)"
    raise SpecError(
        f"{label}: media type {given} is not supported (JSON, multipart/form-data and "
        "application/x-www-form-urlencoded are)"
    )


def _optional_body(schema: SchemaNode, required: bool) -> tuple[SchemaNode, bool]:
    """FastAPI's optional body, anyOf [X, null], is X, not required."""
    if not isinstance(schema, Schema) or own_keywords(schema, ignore=("anyOf",)):
        return schema, required
    members = schema.any_of or ()
    real = [m for m in members if not (isinstance(m, Schema) and m.type == "null")]
    if len(members) == 2 and len(real) == 1:
        return real[0], False
    return schema, required


def _unique_names(params: list[Param], where: str) -> tuple[Param, ...]:
    """A Python name taken twice is prefixed by its location, e.g. `body_session_id`."""
    taken: set[str] = set()
    out = []
    for p in params:
        if p.name in taken:
            p = replace(p, name=f"{p.location}_{p.name}")
            if p.name in taken:
                raise SpecError(f"{where}: parameter {p.wire!r} collides with another of that name")
        taken.add(p.name)
        out.append(p)
    return tuple(out)
