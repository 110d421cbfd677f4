"""Reads openapi.yaml into the small model the templates render.

The document is loaded and validated with openapi-python-client's typed OpenAPI models, which keep
every constraint (minLength, maxLength, minimum, maximum, maxItems, maxProperties); the rest of
this module walks those typed objects into `Model`s (pydantic classes to write) and `Resource`s
(the client tree, one `Op` per route).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from openapi_python_client.schema import OpenAPI, Reference, Schema
from openapi_python_client.schema.openapi_schema_pydantic.operation import (
    Operation as SpecOperation,
)

HTTP_METHODS = ("get", "put", "post", "delete", "patch")


# The model ------------------------------------------------------------------------------------


@dataclass
class Constraint:
    """Validation rules of one value, by their spec names."""

    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_items: int | None = None
    max_properties: int | None = None

    def pydantic_args(self, kind: str) -> list[str]:
        out = []
        if self.min_length is not None:
            out.append(f"min_length={self.min_length}")
        if self.max_length is not None:
            out.append(f"max_length={self.max_length}")
        if self.max_items is not None:
            out.append(f"max_length={self.max_items}")
        if self.max_properties is not None:
            out.append(f"max_length={self.max_properties}")
        if self.minimum is not None:
            out.append(f"ge={_num(self.minimum)}")
        if self.maximum is not None:
            out.append(f"le={_num(self.maximum)}")
        return out

    def rule_args(self) -> list[str]:
        out = []
        for name in (
            "min_length",
            "max_length",
            "minimum",
            "maximum",
            "max_items",
            "max_properties",
        ):
            value = getattr(self, name)
            if value is not None:
                out.append(f"{name}={_num(value)}")
        return out


@dataclass
class TypeInfo:
    """One schema, seen from Python: its annotations and its validation rule."""

    model_annotation: str  # in a pydantic model, constraints included
    param_annotation: str  # as a method parameter
    kinds: tuple[str, ...]  # for the runtime validator
    nullable: bool
    constraint: Constraint
    items: TypeInfo | None = None
    item_ref: str | None = None  # array items that are a component schema
    ref: str | None = None
    models: set[str] = field(default_factory=set)  # component schemas it mentions


@dataclass
class Prop:
    name: str
    type: TypeInfo
    required: bool
    default: Any  # _NO_DEFAULT when none
    description: str
    read_only: bool

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT


@dataclass
class Model:
    name: str  # schema key, e.g. "Page_App_"
    class_name: str
    module: str
    description: str
    props: list[Prop]
    request_side: bool = False


@dataclass
class Param:
    name: str
    location: str  # path, query, body
    type: TypeInfo
    required: bool
    description: str


@dataclass
class Op:
    resource: str
    method_name: str
    http_method: str
    path: str
    operation_id: str
    summary: str
    description: str
    path_params: list[Param]
    query_params: list[Param]
    body_params: list[Param]
    body_schema: str | None  # component name of the body
    has_body: bool
    safe: bool
    response: str  # model, page, list, json, chat
    response_model: str | None  # class name of the model / page item / list item

    @property
    def positional(self) -> str | None:
        """The innermost path parameter, which may also be given positionally."""
        return self.path_params[-1].name if self.path_params else None

    @property
    def constant(self) -> str:
        return "_" + self.method_name.upper()


@dataclass
class Resource:
    path: tuple[str, ...]  # ("apps", "users", "metamessages")
    ops: list[Op] = field(default_factory=list)
    children: list[Resource] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path[-1]

    @property
    def class_name(self) -> str:
        return _pascal(self.name)

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def module(self) -> str:
        """Import path below honcho_client.resources; packages for resources with children."""
        if self.children:
            return ".".join((*self.path, self.name))
        return ".".join(self.path)

    @property
    def file(self) -> Path:
        return Path("honcho_client/resources", *self.module.split(".")).with_suffix(".py")


@dataclass
class Api:
    title: str
    version: str
    models: list[Model]
    resources: list[Resource]  # top level: apps, keys

    def walk(self) -> list[Resource]:
        out: list[Resource] = []

        def visit(r: Resource) -> None:
            out.append(r)
            for child in r.children:
                visit(child)

        for r in self.resources:
            visit(r)
        return out

    @property
    def ops(self) -> list[Op]:
        return [op for r in self.walk() for op in r.ops]


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


# Loading --------------------------------------------------------------------------------------


def load(path: Path) -> Api:
    raw = yaml.safe_load(path.read_text())
    doc = OpenAPI.model_validate(raw)
    return _Reader(doc).read()


class _Reader:
    def __init__(self, doc: OpenAPI) -> None:
        self.doc = doc
        assert doc.components is not None and doc.components.schemas is not None
        self.schemas: dict[str, Schema] = {
            _s(name): s for name, s in doc.components.schemas.items() if isinstance(s, Schema)
        }

    def read(self) -> Api:
        ops = [self.op(path, method, op) for path, method, op in self._operations()]
        request_side = self._request_side(ops)
        models = [self.model(name, name in request_side) for name in sorted(self.schemas)]
        return Api(
            title=_s(self.doc.info.title),
            version=_s(self.doc.info.version),
            models=models,
            resources=_tree(ops),
        )

    def _operations(self) -> list[tuple[str, str, SpecOperation]]:
        out = []
        for path, item in self.doc.paths.items():
            for method in HTTP_METHODS:
                op = getattr(item, method)
                if op is not None:
                    out.append((_s(path), method.upper(), op))
        return out

    def _request_side(self, ops: list[Op]) -> set[str]:
        seen: set[str] = set()
        todo = [op.body_schema for op in ops if op.body_schema]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            for prop in _props(self.schemas[name]).values():
                todo.extend(self.type(prop).models)
        return seen

    # Types ------------------------------------------------------------------------------------

    def resolve(self, s: Schema | Reference) -> tuple[Schema, str | None]:
        if isinstance(s, Reference):
            name = _s(s.ref).rsplit("/", 1)[-1]
            return self.schemas[name], name
        return s, None

    def type(self, s: Schema | Reference) -> TypeInfo:
        schema, ref = self.resolve(s)
        if ref is not None:
            cls = class_name(ref)
            return TypeInfo(
                cls,
                f"{cls} | Mapping[str, object]",
                ("object",),
                False,
                Constraint(),
                ref=ref,
                models={ref},
            )
        constraint = Constraint(
            min_length=schema.minLength,
            max_length=schema.maxLength,
            minimum=schema.minimum,  # type: ignore[arg-type]
            maximum=schema.maximum,  # type: ignore[arg-type]
            max_items=schema.maxItems,
            max_properties=schema.maxProperties,
        )
        if schema.anyOf:
            members = [self.type(m) for m in schema.anyOf]
            nullable = any(m.kinds == ("null",) for m in members)
            real = [m for m in members if m.kinds != ("null",)]
            kinds = tuple(k for m in real for k in m.kinds)
            model_ann = " | ".join(m.model_annotation for m in real) + (
                " | None" if nullable else ""
            )
            param_ann = " | ".join(m.param_annotation for m in real) + (
                " | None" if nullable else ""
            )
            info = TypeInfo(model_ann, param_ann, kinds, nullable, Constraint())
            info.models = {n for m in real for n in m.models}
            if len(real) == 1:  # carry the one member's rules (e.g. a nullable constrained string)
                info.constraint, info.items, info.item_ref = (
                    real[0].constraint,
                    real[0].items,
                    real[0].item_ref,
                )
            else:
                info.items = next((m.items for m in real if m.items is not None), None)
            return info
        kind = (
            schema.type.value
            if schema.type is not None and not isinstance(schema.type, list)
            else None
        )
        fmt = schema.schema_format
        if kind == "null":
            return TypeInfo("None", "None", ("null",), True, constraint)
        if kind == "string" and fmt == "date-time":
            return TypeInfo("datetime", "datetime | str", ("date-time",), False, constraint)
        if kind == "string":
            return TypeInfo(
                _annotated("str", constraint, "string"), "str", ("string",), False, constraint
            )
        if kind == "integer":
            return TypeInfo(
                _annotated("int", constraint, "integer"), "int", ("integer",), False, constraint
            )
        if kind == "boolean":
            return TypeInfo("bool", "bool", ("boolean",), False, constraint)
        if kind == "object":
            return TypeInfo(
                _annotated("dict[str, Any]", constraint, "object"),
                "Mapping[str, object]",
                ("object",),
                False,
                constraint,
            )
        if kind == "array":
            assert schema.items is not None
            items = self.type(schema.items)
            info = TypeInfo(
                _annotated(f"list[{items.model_annotation}]", constraint, "array"),
                f"Sequence[{items.param_annotation}]",
                ("array",),
                False,
                constraint,
                items=items,
                item_ref=items.ref,
            )
            info.models = set(items.models)
            return info
        return TypeInfo("Any", "object", ("any",), True, constraint)

    # Models -----------------------------------------------------------------------------------

    def model(self, name: str, request_side: bool) -> Model:
        schema = self.schemas[name]
        required = set(schema.required or [])
        props = []
        for prop_name, prop_schema in _props(schema).items():
            prop_name = _s(prop_name)
            resolved, _ = self.resolve(prop_schema)
            props.append(
                Prop(
                    name=prop_name,
                    type=self.type(prop_schema),
                    required=prop_name in required,
                    default=resolved.default
                    if "default" in resolved.model_fields_set
                    else NO_DEFAULT,
                    description=_text(resolved.description),
                    read_only=bool(resolved.readOnly),
                )
            )
        return Model(
            name=name,
            class_name=class_name(name),
            module=module_name(name),
            description=_text(schema.description) or _text(schema.title),
            props=props,
            request_side=request_side,
        )

    # Operations -------------------------------------------------------------------------------

    def op(self, path: str, method: str, op: SpecOperation) -> Op:
        extra = op.model_extra or {}
        resource, method_name = (
            _s(extra.get("x-sdk-resource") or ""),
            _s(extra.get("x-sdk-method") or ""),
        )
        if not resource or not method_name:
            raise ValueError(f"{method} {path}: x-sdk-resource and x-sdk-method are required")
        params: dict[str, list[Param]] = {"path": [], "query": []}
        for p in op.parameters or []:
            assert not isinstance(p, Reference) and p.param_schema is not None
            schema, _ = self.resolve(p.param_schema)
            params[p.param_in.value].append(
                Param(
                    _s(p.name),
                    p.param_in.value,
                    self.type(p.param_schema),
                    bool(p.required),
                    _text(p.description or schema.description),
                )
            )
        # Path parameters in the order they appear in the route.
        order = re.findall(r"{(\w+)}", path)
        path_params = sorted(params["path"], key=lambda p: order.index(p.name))

        body_params: list[Param] = []
        body_schema = None
        has_body = op.request_body is not None
        if op.request_body is not None:
            assert not isinstance(op.request_body, Reference)
            media = op.request_body.content["application/json"]
            assert media.media_type_schema is not None
            s, name = self.resolve(media.media_type_schema)
            if name is None and s.anyOf:  # optional body: anyOf [ref, null]
                _, name = self.resolve(next(m for m in s.anyOf if isinstance(m, Reference)))
            assert name is not None
            body_schema = name
            body = self.schemas[name]
            required = set(body.required or [])
            for prop_name, prop_schema in _props(body).items():
                prop_name = _s(prop_name)
                resolved, _ = self.resolve(prop_schema)
                if resolved.readOnly:
                    continue
                body_params.append(
                    Param(
                        prop_name,
                        "body",
                        self.type(prop_schema),
                        prop_name in required,
                        _text(resolved.description),
                    )
                )
        names = [p.name for p in (*path_params, *params["query"], *body_params)]
        if len(names) != len(set(names)):
            raise ValueError(f"{method} {path}: parameter names collide: {names}")

        response, response_model = self._response(op)
        safe = (
            method in ("GET", "PUT", "DELETE") or bool(extra.get("x-sdk-read-only"))
        ) and not extra.get("x-sdk-creates")
        return Op(
            resource=resource,
            method_name=method_name,
            http_method=method,
            path=path,
            operation_id=_s(op.operationId),
            summary=_text(op.summary),
            description=_text(op.description),
            path_params=path_params,
            query_params=params["query"],
            body_params=body_params,
            body_schema=body_schema,
            has_body=has_body,
            safe=safe,
            response=response,
            response_model=response_model,
        )

    def _response(self, op: SpecOperation) -> tuple[str, str | None]:
        ok = op.responses["200"]
        assert not isinstance(ok, Reference) and ok.content is not None
        media = ok.content["application/json"]
        schema = media.media_type_schema
        if schema is None:
            return "json", None
        s, name = self.resolve(schema)
        if name is not None and "text/event-stream" in ok.content:
            return "chat", class_name(name)
        if name is not None and name.startswith("Page_"):
            item = _props(self.schemas[name])["items"]
            assert isinstance(item, Schema) and item.items is not None
            return "page", class_name(self.resolve(item.items)[1] or "")
        if name is not None:
            return "model", class_name(name)
        if s.type is not None and s.type.value == "array" and s.items is not None:
            return "list", class_name(self.resolve(s.items)[1] or "")
        return "json", None


def _tree(ops: list[Op]) -> list[Resource]:
    by_path: dict[tuple[str, ...], Resource] = {}
    roots: list[Resource] = []

    def get(path: tuple[str, ...]) -> Resource:
        if path not in by_path:
            by_path[path] = Resource(path)
            if len(path) == 1:
                roots.append(by_path[path])
            else:
                get(path[:-1]).children.append(by_path[path])
        return by_path[path]

    for op in ops:
        get(tuple(op.resource.split("."))).ops.append(op)
    return roots


# Names ----------------------------------------------------------------------------------------


def class_name(schema: str) -> str:
    """`Page_App_` → `PageApp`, `HTTPValidationError` stays."""
    return "".join(part[:1].upper() + part[1:] for part in schema.split("_") if part)


def module_name(schema: str) -> str:
    """`Page_App_` → `page_app`, `HTTPValidationError` → `http_validation_error`."""
    name = class_name(schema)
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return name.lower()


def _pascal(name: str) -> str:
    return "".join(p.capitalize() for p in name.split("_"))


def _props(schema: Schema) -> dict[str, Schema | Reference]:
    return {_s(k): v for k, v in (schema.properties or {}).items()}


def _s(value: object) -> str:
    """A plain str from the spec model's string wrappers (UntrustedString, Ref) or a str."""
    getter = getattr(value, "get_untrusted_value", None)
    return str(getter() if getter is not None else value)


def _text(value: object) -> str:
    return " ".join(_s(value).split()) if value is not None else ""


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


def _annotated(base: str, c: Constraint, kind: str) -> str:
    args = c.pydantic_args(kind)
    return f"Annotated[{base}, Field({', '.join(args)})]" if args else base
