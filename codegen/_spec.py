"""Reads an OpenAPI 3.0/3.1 document (as FastAPI emits it) into the small model the templates render.

The document is read as plain JSON/YAML data. Schemas become `Type`s (a Python annotation for
models and results, and a wider one for what callers may pass), component schemas become
`Model`s, and operations become `Op`s arranged in a `Resource` tree. Anything the generator
cannot express fails with `SpecError`, naming the operation or schema and the construct.

The `x-sdk-*` annotations it reads, and the naming rule for operations without names, are
described in the package docstring (`codegen/__init__.py`).
"""

from __future__ import annotations

import contextlib
import json
import keyword
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import _naming

_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options")
JSON_MEDIA = re.compile(r"^application/([\w.+-]+\+)?json$")
SDK_SCHEMAS = "x-sdk-schemas"
# Names a model field may not take: BaseModel's attributes, and the names annotations use (a
# field `date: date` would make the annotation refer to the field).
_MODEL_RESERVED = frozenset(
    {
        *("date", "datetime", "str", "int", "float", "bool", "bytes", "list", "dict", "object"),
        "copy",
        "dict",
        "json",
        "schema",
        "construct",
        "validate",
        "fields",
        "model_config",
        "model_fields",
        "model_extra",
        "model_computed_fields",
    }
)
# Names a generated method parameter may not take: the signature's own.
_PARAM_RESERVED = frozenset({"self", "options"})


class SpecError(ValueError):
    """The document uses a construct the generator cannot express."""


# The model ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Type:
    """One schema, seen from Python."""

    model: str  # annotation in a pydantic model or a result, rules included
    param: str  # annotation of a method parameter: everything the model accepts
    refs: frozenset[str] = frozenset()  # generated names it mentions (classes, aliases)
    nullable: bool = False
    rules: tuple[str, ...] = ()  # "min_length 1", for api.md and docstrings
    binary: bool = False  # a file (format: binary)
    doc: str = ""  # short form for api.md

    @property
    def plain(self) -> str:
        return self.doc or self.param


@dataclass
class Prop:
    name: str  # Python name
    wire: str  # JSON name
    type: Type
    required: bool
    default: object  # NO_DEFAULT when none
    description: str
    read_only: bool = False
    deprecated: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT


@dataclass
class Model:
    """A generated name in `types/`: a pydantic class, a RootModel, or a type alias."""

    key: str  # schema key (or a synthetic one for inline schemas)
    class_name: str
    module: str
    description: str
    kind: str  # "model" | "root" | "alias"
    props: list[Prop] = field(default_factory=list)
    target: Type | None = None  # what a root model or alias stands for
    extra: str = "allow"  # pydantic `extra` of a model class
    allows_extra: bool | None = None  # the schema's additionalProperties, None when not said
    request: bool = False  # part of a request body
    response: bool = False  # part of a result
    typed_dict: bool = False  # in a method parameter's annotation: also gets a TypedDict twin

    @property
    def param_name(self) -> str:
        return self.class_name + "Param"


@dataclass
class Param:
    name: str  # Python name
    wire: str
    location: str  # path, query, header, cookie, body
    type: Type
    required: bool
    default: object
    description: str
    deprecated: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT


@dataclass
class Result:
    kind: str  # "none", "json", "model", "adapter", "page", "stream", "bytes", "text"
    type: Type  # the result annotation (for pages: the item's)
    page: str | None = None  # for "page": the envelope's schema key


@dataclass
class Op:
    resource: str  # dotted; "" for the root
    name: str
    http_method: str
    path: str
    operation_id: str
    summary: str
    description: str
    deprecated: bool
    params: list[Param]
    body: Model | None  # the request model
    body_kind: str | None  # "fields" (one keyword per property) or "root" (one value)
    body_encoding: str  # "json" | "multipart"
    files: tuple[str, ...]
    safe: bool
    result: Result

    def where(self, location: str) -> list[Param]:
        return [p for p in self.params if p.location == location]

    @property
    def positional(self) -> str | None:
        """The innermost path parameter, which may also be given positionally."""
        path = self.where("path")
        return path[-1].name if path else None

    @property
    def constant(self) -> str:
        return "_" + self.name.upper()

    @property
    def dotted(self) -> str:
        return f"{self.resource}.{self.name}" if self.resource else self.name

    @property
    def stream_param(self) -> Param | None:
        return next((p for p in self.params if p.wire == "stream"), None)


@dataclass
class Resource:
    path: tuple[str, ...]  # ("apps", "users"); () for the root
    ops: list[Op] = field(default_factory=list)
    children: list[Resource] = field(default_factory=list)
    class_name: str = ""  # set by `_class_names`: unique in the tree and among the models

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def module(self) -> str:
        """Import path below `<package>.resources`; packages for resources with children."""
        if self.children:
            return ".".join((*self.path, self.path[-1]))
        return ".".join(self.path)

    def walk(self) -> Iterator[Resource]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Api:
    title: str
    version: str
    models: list[Model]
    root: Resource
    docs: dict[str, str] = field(default_factory=dict)  # dotted resource -> one line about it

    @property
    def resources(self) -> list[Resource]:
        """Every resource below the root, depth first."""
        return [r for child in self.root.children for r in child.walk()]

    @property
    def ops(self) -> list[Op]:
        return [op for r in self.root.walk() for op in r.ops]


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()
OBJECT = Type("object", "object", doc="object")
NONE = Type("None", "None", nullable=True, doc="None")


# Loading --------------------------------------------------------------------------------------


def load(path: Path) -> Api:
    """Read the document at `path` (JSON or YAML)."""
    text = path.read_text(encoding="utf-8")
    doc = json.loads(text) if path.suffix == ".json" else yaml.load(text, Loader=_YAML_LOADER)
    if not isinstance(doc, dict) or not str(doc.get("openapi", "")).startswith("3."):
        raise SpecError(f"{path}: not an OpenAPI 3.0/3.1 document (no `openapi: 3.x`)")
    return _Reader(doc).read()


@dataclass
class _RawOp:
    path: str
    method: str
    op: dict[str, Any]
    item: dict[str, Any]

    @property
    def label(self) -> str:
        oid = self.op.get("operationId")
        return f"{self.method.upper()} {self.path}" + (f" ({oid})" if oid else "")


class _Reader:
    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        components = doc.get("components") or {}
        self.schemas: dict[str, Any] = dict(components.get("schemas") or {})
        for name, schema in (components.get(SDK_SCHEMAS) or {}).items():
            if name in self.schemas:
                raise SpecError(f"components/{SDK_SCHEMAS}/{name}: also in components/schemas")
            self.schemas[name] = schema
        self.models: dict[str, Model] = {}
        self._class_names: dict[str, str] = {}
        # FastAPI names a form body `Body_<operationId>`; the function name is enough.
        self._body_names = {
            f"Body_{op.get('operationId')}": _naming.pascal(
                _naming.function(path, m, op.get("operationId"), None)
            )
            + "Body"
            for path, item in (doc.get("paths") or {}).items()
            if isinstance(item, dict)
            for m, op in item.items()
            if m in HTTP_METHODS and isinstance(op, dict) and op.get("operationId")
        }
        for key in self.schemas:  # component names first, so inline schemas never take them
            self._class_name(key, {}, inline=False)

    # The document ---------------------------------------------------------------------------

    def read(self) -> Api:
        raw = list(self._operations())
        with _reading("operation names"):
            names = _naming.names(
                [(r.path, r.method, r.op.get("operationId"), _sdk_names(r)) for r in raw]
            )
        pages = self._page_schemas()
        ops = []
        for i, r in enumerate(raw):
            with _reading(r.label):
                ops.append(self.op(r, *names[i], pages))
        # Every component schema is a generated name, except the page envelopes (Page[T] parses them).
        used_as_page = {op.result.page for op in ops if op.result.kind == "page"}
        for key in self.schemas:
            if key in used_as_page and key not in self.models and not self._mentioned(key):
                continue
            with _reading(f"schema {key}"):
                self.model_for(key, key)
        self._mark_sides(ops)
        _check_no_import_cycle(self.models)
        info = self.doc.get("info") or {}
        root = _tree(ops)
        _class_names(root, self.models)
        return Api(
            title=str(info.get("title", "")),
            version=str(info.get("version", "")),
            models=sorted(self.models.values(), key=lambda m: m.class_name),
            root=root,
            docs=self._docs(root, raw, names),
        )

    def _docs(
        self, root: Resource, raw: list[_RawOp], names: list[tuple[str, str]]
    ) -> dict[str, str]:
        """One line per resource: `x-sdk-resources`, else the description of its ops' one tag."""
        given = self.doc.get("x-sdk-resources") or {}
        tags = {
            str(t.get("name")): _text(t.get("description"))
            for t in self.doc.get("tags") or []
            if isinstance(t, dict) and t.get("description")
        }
        out: dict[str, str] = {}
        for r in root.walk():
            if r.dotted in given:
                out[r.dotted] = _text(given[r.dotted])
                continue
            op_tags = {
                tuple(x.op.get("tags") or ())
                for x, n in zip(raw, names, strict=True)
                if n[0] == r.dotted
            }
            if len(op_tags) == 1:
                (only,) = op_tags
                if len(only) == 1 and only[0] in tags:
                    out[r.dotted] = tags[only[0]]
        return out

    def _operations(self) -> Iterator[_RawOp]:
        for path, item in (self.doc.get("paths") or {}).items():
            item = self.deref(item, f"paths/{path}")
            for method in HTTP_METHODS:
                if method in item:
                    yield _RawOp(str(path), method, item[method], item)

    def _mentioned(self, key: str) -> bool:
        """Whether another schema refers to `key` (so its model must exist)."""
        needle = json.dumps(f"#/components/schemas/{key}")
        return any(name != key and needle in json.dumps(s) for name, s in self.schemas.items())

    # References -----------------------------------------------------------------------------

    def deref(self, node: Any, where: str) -> Any:
        """Follow a local `$ref` (to anything but a schema) to its target."""
        seen = 0
        while isinstance(node, dict) and "$ref" in node:
            ref = str(node["$ref"])
            if not ref.startswith("#/"):
                raise SpecError(f"{where}: external reference {ref!r} is not supported")
            target: Any = self.doc
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    raise SpecError(f"{where}: reference {ref!r} points at nothing")
                target = target[part]
            node = target
            seen += 1
            if seen > 20:
                raise SpecError(f"{where}: reference cycle at {ref!r}")
        return node

    def ref_key(self, ref: str, where: str) -> str:
        for prefix in ("#/components/schemas/", f"#/components/{SDK_SCHEMAS}/"):
            if ref.startswith(prefix):
                key = ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
                if key not in self.schemas:
                    raise SpecError(f"{where}: reference {ref!r} points at no schema")
                return key
        raise SpecError(f"{where}: schema reference {ref!r} is not a component schema")

    def schema_of(self, schema: Any, where: str) -> tuple[dict[str, Any], str | None]:
        """The schema behind `schema` and its component key, following `$ref` and one-item allOf."""
        key = None
        for _ in range(20):
            if not isinstance(schema, dict):
                raise SpecError(f"{where}: a schema must be an object, got {schema!r}")
            if "$ref" in schema:
                key = self.ref_key(str(schema["$ref"]), where)
                schema = self.schemas[key]
                continue
            all_of = schema.get("allOf")
            if isinstance(all_of, list) and len(all_of) == 1 and not _own_keywords(schema):
                schema = all_of[0]
                continue
            return schema, key
        raise SpecError(f"{where}: reference cycle")

    # Types ----------------------------------------------------------------------------------

    def type(self, schema: Any, where: str, hint: str) -> Type:
        """The Python type of a schema; `hint` names inline object models found in it."""
        if not isinstance(schema, dict):
            if schema is True:
                return OBJECT
            raise SpecError(f"{where}: a schema must be an object, got {schema!r}")
        if "$ref" in schema:
            key = self.ref_key(str(schema["$ref"]), where)
            model = self.model_for(key, key)
            return self._named(model, nullable=bool(schema.get("nullable")))
        all_of = schema.get("allOf")
        if all_of is not None:
            if isinstance(all_of, list) and len(all_of) == 1:
                inner = self.type(all_of[0], where, hint)
                return _nullable(inner) if schema.get("nullable") else inner
            raise SpecError(f"{where}: allOf with {len(all_of)} schemas is not supported")
        for word in ("not", "if", "patternProperties", "prefixItems"):
            if word in schema:
                raise SpecError(f"{where}: `{word}` is not supported")
        for word in ("anyOf", "oneOf"):
            if word in schema:
                return self._union(schema, word, where, hint)
        if "const" in schema:
            return _literal([schema["const"]], where)
        if "enum" in schema:
            values = [v for v in schema["enum"] if v is not None]
            lit = _literal(values, where) if values else NONE
            nullable = None in schema["enum"] or bool(schema.get("nullable"))
            return _nullable(lit) if nullable and values else lit
        kinds = schema.get("type")
        if isinstance(kinds, list):
            real = [k for k in kinds if k != "null"]
            if len(real) > 1:
                members = [self.type({**schema, "type": k}, where, hint) for k in real]
                t = _union_of(members)
            else:
                t = self.type(
                    {**schema, "type": real[0]} if real else {"type": "null"}, where, hint
                )
            return _nullable(t) if "null" in kinds else t
        t = self._simple(schema, kinds, where, hint)
        return _nullable(t) if schema.get("nullable") else t

    def _simple(self, schema: dict[str, Any], kind: Any, where: str, hint: str) -> Type:
        c = _Constraints(schema, where)
        fmt = schema.get("format")
        if kind is None:
            if "properties" in schema or "additionalProperties" in schema:
                kind = "object"
            elif "items" in schema:
                kind = "array"
            else:
                return OBJECT  # {}: any JSON value
        if kind == "null":
            return NONE
        if kind == "string":
            if fmt == "binary":
                return Type("FileField", "FileTypes", binary=True, doc="FileTypes")
            if fmt == "date-time":
                return Type("datetime", "datetime | str", doc="datetime")
            if fmt == "date":
                return Type("date", "date | str", doc="date")
            return c.wrap("str", "str")
        if kind == "integer":
            return c.wrap("int", "int")
        if kind == "number":
            return c.wrap("float", "float")
        if kind == "boolean":
            return Type("bool", "bool", doc="bool")
        if kind == "array":
            items = self.type(schema.get("items", {}), f"{where}[]", hint + "Item")
            if items.binary:
                return Type(
                    f"list[{items.model}]",
                    f"Sequence[{items.param}]",
                    items.refs,
                    binary=True,
                    doc=f"Sequence[{items.plain}]",
                )
            return c.wrap(
                f"list[{items.model}]",
                f"Sequence[{items.param}]",
                items.refs,
                doc=f"Sequence[{items.plain}]",
            )
        if kind == "object":
            if schema.get("properties"):
                model = self.model_for("#/inline/" + hint, hint, schema=schema, where=where)
                return self._named(model)
            extra = schema.get("additionalProperties", True)
            value = (
                OBJECT if extra in (True, {}) else self.type(extra, f"{where}{{}}", hint + "Value")
            )
            if extra is False:
                raise SpecError(f"{where}: an object with no properties that allows none")
            return c.wrap(
                f"dict[str, {value.model}]",
                f"Mapping[str, {value.param}]",
                value.refs,
                doc=f"Mapping[str, {value.plain}]",
            )
        raise SpecError(f"{where}: schema type {kind!r} is not supported")

    def _union(self, schema: dict[str, Any], word: str, where: str, hint: str) -> Type:
        members = [
            self.type(m, f"{where}.{word}[{i}]", f"{hint}{i}") for i, m in enumerate(schema[word])
        ]
        nullable = any(m.model == "None" for m in members) or bool(schema.get("nullable"))
        real = [m for m in members if m.model != "None"]
        if not real:
            return NONE
        t = _union_of(real)
        discriminator = schema.get("discriminator")
        if discriminator and len(real) > 1:
            prop = discriminator.get("propertyName")
            if prop and all(self._has_literal(m, prop) for m in real):
                t = Type(
                    f'Annotated[{t.model}, Field(discriminator="{prop}")]',
                    t.param,
                    t.refs,
                    doc=t.doc,
                )
        return _nullable(t) if nullable else t

    def _has_literal(self, t: Type, prop: str) -> bool:
        """Whether a union member is a model whose `prop` is a Literal (pydantic needs that)."""
        model = next((m for m in self.models.values() if m.class_name == t.model), None)
        if model is None or model.kind != "model":
            return False
        p = next((p for p in model.props if p.wire == prop), None)
        return p is not None and p.type.model.startswith("Literal[")

    def _named(self, model: Model, nullable: bool = False) -> Type:
        if model.kind == "model":
            t = Type(
                model.class_name,
                f"{model.class_name} | {model.param_name}",
                frozenset({model.key}),
                doc=model.class_name,
            )
        elif model.kind == "root":
            assert model.target is not None
            t = Type(model.class_name, model.target.param, model.target.refs | {model.key})
        else:  # alias: models use the name; callers may pass what the aliased type accepts
            assert model.target is not None
            same = model.target.param == model.target.model
            t = Type(
                model.class_name,
                model.class_name if same else model.target.param,
                model.target.refs | {model.key},
                model.target.nullable,
                model.target.rules,
                model.target.binary,
                doc=model.class_name,
            )
        return _nullable(t) if nullable else t

    # Models ---------------------------------------------------------------------------------

    def model_for(
        self, key: str, hint: str, *, schema: dict[str, Any] | None = None, where: str = ""
    ) -> Model:
        """The generated name for a component schema (or an inline object schema, by `hint`)."""
        if key in self.models:
            return self.models[key]
        if schema is None:
            schema, _ = self.schema_of(self.schemas[key], f"components/schemas/{key}")
            where = f"schema {key}"
            cls = self._class_names[key]
        else:
            cls = self._class_name(key, schema, inline=True)
        model = Model(
            key=key,
            class_name=cls,
            module=_naming.module_name(cls),
            description=_text(schema.get("description")) or "",
            kind="model",
        )
        self.models[key] = model  # before the properties: a schema may refer to itself
        is_object = schema.get("type") in ("object", None) and "properties" in schema
        if is_object:
            required = set(schema.get("required") or [])
            extra = schema.get("additionalProperties")
            model.allows_extra = None if extra is None else extra is not False
            seen: set[str] = set()
            for wire, prop_schema in (schema.get("properties") or {}).items():
                if not isinstance(wire, str):
                    raise SpecError(
                        f"{where}: property name {wire!r} is not a string (YAML reads an "
                        "unquoted on/off/yes/no as a boolean: quote it)"
                    )
                resolved, _ = self.schema_of(prop_schema, f"{where}.{wire}")
                name = _naming.identifier(str(wire), _MODEL_RESERVED)
                if name in seen:
                    raise SpecError(f"{where}: properties collide as Python name {name!r}")
                seen.add(name)
                model.props.append(
                    Prop(
                        name=name,
                        wire=str(wire),
                        type=self.type(prop_schema, f"{where}.{wire}", cls + _naming.pascal(wire)),
                        required=wire in required,
                        default=_default(prop_schema, resolved),
                        description=_text(
                            prop_schema.get("description") or resolved.get("description")
                        ),
                        read_only=bool(resolved.get("readOnly") or prop_schema.get("readOnly")),
                        deprecated=bool(
                            resolved.get("deprecated") or prop_schema.get("deprecated")
                        ),
                    )
                )
        else:
            model.kind = "alias"
            model.target = self.type(schema, where, cls)
        return model

    def _class_name(self, key: str, schema: dict[str, Any], inline: bool) -> str:
        title = str(schema.get("title") or "")
        base = self._body_names.get(key) or _naming.class_name(key.rsplit("/", 1)[-1])
        if inline and re.fullmatch(r"[A-Za-z_]\w*", title):
            base = _naming.class_name(title)
        name, n = base, 1
        while name in self._class_names.values() or name in _naming.RESERVED_CLASSES:
            n += 1
            name = f"{base}{n}"
        self._class_names[key] = name
        return name

    def _mark_sides(self, ops: list[Op]) -> None:
        """Which models callers build (they get a TypedDict) and which they read.

        A model only callers build rejects unknown fields (a misspelt field fails before sending),
        unless its schema allows more; one the server sends keeps them, so a newer server's
        fields do not break an older client.
        """
        seen: set[tuple[str, str]] = set()

        def visit(keys: frozenset[str], side: str) -> None:
            for key in keys:
                if (key, side) in seen:
                    continue
                seen.add((key, side))
                model = self.models[key]
                setattr(model, side, True)
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
                visit(frozenset({op.body.key}), "request")
            visit(op.result.type.refs, "response")
        for model in self.models.values():
            model.typed_dict = model.typed_dict and model.kind == "model"
            closed = model.allows_extra is False
            if model.allows_extra is None and model.request and not model.response:
                closed = True
            model.extra = "forbid" if closed else "allow"

    # Pages ----------------------------------------------------------------------------------

    def _page_schemas(self) -> set[str]:
        """Component schemas shaped like a page: `items` (array) and page/size/total/pages."""
        out: set[str] = set()
        for key, schema in self.schemas.items():
            if not isinstance(schema, dict):
                continue
            props = schema.get("properties") or {}
            if "items" in props and {"page", "size"} <= set(props) <= {
                "items",
                "page",
                "size",
                "total",
                "pages",
            }:
                items, _ = self.schema_of(props["items"], f"schema {key}.items")
                if items.get("type") == "array":
                    out.add(key)
        return out

    # Operations -----------------------------------------------------------------------------

    def op(self, raw: _RawOp, resource: str, name: str, pages: set[str]) -> Op:
        where, op = raw.label, raw.op
        pascal = _naming.pascal(f"{resource.rsplit('.', 1)[-1]}_{name}")
        params = self._params(raw, where, pascal)
        body, encoding, body_params = self._body(raw, where, pascal)
        sdk = {k: v for k, v in op.items() if str(k).startswith("x-sdk-")}
        result = self._result(raw, where, pascal, pages, sdk)
        query = {p.wire for p in params if p.location == "query"}
        if result.kind == "page" and "page" not in query:
            # An envelope without a `page` parameter cannot be paged through: a plain model.
            result = Result(
                "model", self._named(self.model_for(result.page or "", result.page or ""))
            )
        stream = next((p for p in body_params if p.wire == "stream"), None)
        if result.kind == "stream" and (stream is None or stream.type.model != "bool"):
            result = Result("model", result.type)
        method = raw.method.upper()
        # Reads and idempotent writes may be sent again; so may a call whose result is a page.
        reads = (
            method in ("GET", "HEAD", "OPTIONS", "PUT", "DELETE")
            or result.kind == "page"
            or bool(sdk.get("x-sdk-read-only"))
        )
        return Op(
            resource=resource,
            name=name,
            http_method=method,
            path=raw.path,
            operation_id=str(op.get("operationId") or ""),
            summary=_text(op.get("summary")) or _naming.sentence(name),
            description=_text(op.get("description")),
            deprecated=bool(op.get("deprecated")),
            params=_unique_names(
                [
                    *(p for p in params if p.location == "path"),
                    *body_params,
                    *(p for p in params if p.location != "path"),
                ],
                where,
            ),
            body=body,
            body_kind=None if body is None else ("root" if body.kind == "root" else "fields"),
            body_encoding=encoding,
            files=tuple(p.wire for p in body_params if p.type.binary),
            safe=reads and not sdk.get("x-sdk-creates"),
            result=result,
        )

    def _params(self, raw: _RawOp, where: str, pascal: str) -> list[Param]:
        """Path, query, header and cookie parameters; path ones first, in route order."""
        merged: dict[tuple[str, str], dict[str, Any]] = {}
        for source in (raw.item.get("parameters") or [], raw.op.get("parameters") or []):
            for p in source:  # the operation's own replace the path's (same name and location)
                p = self.deref(p, where)
                merged[(str(p.get("in")), str(p.get("name")))] = p
        out: list[Param] = []
        for (location, wire), p in merged.items():
            label = f"{where}: {location} parameter {wire!r}"
            if location not in ("path", "query", "header", "cookie"):
                raise SpecError(f"{label}: the location {location!r} is not supported")
            if "schema" not in p:
                raise SpecError(f"{label}: a parameter given by `content` is not supported")
            if location == "header" and wire.lower() in ("accept", "content-type", "authorization"):
                continue  # the client sets these itself
            t = self.type(p["schema"], label, pascal + _naming.pascal(wire))
            if any(self.models[k].kind == "model" for k in t.refs):
                raise SpecError(f"{label}: an object-valued parameter is not supported")
            resolved, _ = self.schema_of(p["schema"], label)
            out.append(
                Param(
                    name=_naming.identifier(wire, _PARAM_RESERVED),
                    wire=wire,
                    location=location,
                    type=t,
                    required=bool(p.get("required")) or location == "path",
                    default=_default(p["schema"], resolved),
                    description=_text(p.get("description") or resolved.get("description")),
                    deprecated=bool(p.get("deprecated")),
                )
            )
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

    def _body(self, raw: _RawOp, where: str, pascal: str) -> tuple[Model | None, str, list[Param]]:
        """The request model, its encoding, and the method parameters that fill it."""
        body = raw.op.get("requestBody")
        if body is None:
            return None, "json", []
        body = self.deref(body, where)
        label = f"{where}: request body"
        content = body.get("content") or {}
        media = next((m for m in content if JSON_MEDIA.match(m)), None)
        encoding = "json"
        if media is None and "multipart/form-data" in content:
            media, encoding = "multipart/form-data", "multipart"
        if media is None:
            raise SpecError(
                f"{label}: media type {', '.join(content) or '(none)'} is not supported "
                "(JSON and multipart/form-data are)"
            )
        schema = (content[media] or {}).get("schema")
        if schema is None:
            raise SpecError(f"{label}: a body without a schema is not supported")
        required = bool(body.get("required"))
        title = str(schema.get("title") or "") if isinstance(schema, dict) else ""
        # FastAPI's optional body: anyOf [X, null].
        if isinstance(schema, dict) and not _own_keywords(schema, ignore=("anyOf",)):
            members = schema.get("anyOf") or []
            real = [m for m in members if not (isinstance(m, dict) and m.get("type") == "null")]
            if len(members) == 2 and len(real) == 1:
                schema, required = real[0], False
        resolved, key = self.schema_of(schema, label)
        if resolved.get("properties") and resolved.get("type", "object") == "object":
            if key is not None:
                model = self.model_for(key, key)
            else:
                model = self.model_for(
                    f"#/inline/{pascal}Body", f"{pascal}Body", schema=resolved, where=label
                )
            params = [
                Param(
                    name=_naming.identifier(prop.wire, _PARAM_RESERVED),
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
            if encoding != "multipart" and any(p.type.binary for p in params):
                raise SpecError(f"{label}: a file (format: binary) in a JSON body is not supported")
            return model, encoding, params
        if encoding == "multipart":
            raise SpecError(f"{label}: a multipart body must be an object with properties")
        # Any other body (an array, a map, a union) is one value, checked by a RootModel.
        t = self.type(schema, label, f"{pascal}Item")
        root = Model(
            key=f"#/inline/{pascal}Body",
            class_name=self._class_name(f"{pascal}Body", {}, inline=True),
            module="",
            description=_text(body.get("description") or resolved.get("description"))
            or f"The request body of `{raw.method.upper()} {raw.path}`.",
            kind="root",
            target=t,
        )
        root.module = _naming.module_name(root.class_name)
        self.models[root.key] = root
        # Named by the body's title (FastAPI: the parameter's name), unless that names a schema.
        title = title or str(resolved.get("title") or "")
        name = _naming.identifier(title, _PARAM_RESERVED) if title and not key else "body"
        param = Param(
            name=name,
            wire="",
            location="body",
            type=t,
            required=required,
            default=NO_DEFAULT,
            description=_text(body.get("description") or resolved.get("description")),
        )
        return root, "json", [param]

    def _result(
        self, raw: _RawOp, where: str, pascal: str, pages: set[str], sdk: dict[str, Any]
    ) -> Result:
        responses = raw.op.get("responses") or {}
        codes = sorted(str(c) for c in responses if re.fullmatch(r"2(\d\d|XX)", str(c)))
        if not codes:
            if "default" not in responses:
                raise SpecError(f"{where}: no success (2xx) response")
            codes = ["default"]
        code = codes[0]
        label = f"{where}: response {code}"
        response = self.deref(responses[code] if code in responses else responses[int(code)], where)
        content = response.get("content") or {}
        named = sdk.get("x-sdk-response-schema")
        if code == "204" or not content:
            if named:
                raise SpecError(f"{label}: x-sdk-response-schema on a response without a body")
            return Result("none", NONE)
        media = next((m for m in content if JSON_MEDIA.match(m)), None)
        if media is None:
            first = next(iter(content))
            if first.startswith("text/") and first != "text/event-stream":
                return Result("text", Type("str", "str", doc="str"))
            return Result("bytes", Type("bytes", "bytes", doc="bytes"))
        schema = (content[media] or {}).get("schema", {})
        if named:
            if schema not in ({}, None):
                raise SpecError(f"{label}: x-sdk-response-schema on a response that has a schema")
            if named not in self.schemas:
                raise SpecError(f"{label}: x-sdk-response-schema {named!r} is not declared")
            schema = {"$ref": f"#/components/{SDK_SCHEMAS}/{named}"}
        resolved, key = self.schema_of(schema, label)
        if key is not None and key in pages:
            item = self.type(
                resolved["properties"]["items"].get("items", {}),
                f"schema {key}.items",
                key + "Item",
            )
            return Result("page", item, page=key)
        t = self.type(schema, label, pascal + "Response")
        if t == OBJECT:
            return Result("json", OBJECT)
        model = next((m for m in self.models.values() if m.class_name == t.model), None)
        if model is not None and model.kind == "model":
            return Result("stream" if "text/event-stream" in content else "model", t)
        return Result("adapter", t)


# Helpers --------------------------------------------------------------------------------------


class _Constraints:
    """The validation keywords of one schema, as pydantic `Field` arguments and as rules."""

    def __init__(self, schema: dict[str, Any], where: str) -> None:
        self.args: list[str] = []
        self.rules: list[str] = []
        kind = schema.get("type")
        for word, arg in (
            ("minLength", "min_length"),
            ("maxLength", "max_length"),
            ("minItems", "min_length"),
            ("maxItems", "max_length"),
            ("minProperties", "min_length"),
            ("maxProperties", "max_length"),
            ("multipleOf", "multiple_of"),
        ):
            if word in schema:
                self.add(arg, schema[word], _naming.snake(word))
        for word, arg, excl_arg in (("minimum", "ge", "gt"), ("maximum", "le", "lt")):
            exclusive = schema.get("exclusive" + word.capitalize())
            if word in schema:
                if exclusive is True:  # OpenAPI 3.0: a flag on the bound
                    self.add(excl_arg, schema[word], "exclusive_" + word)
                else:
                    self.add(arg, schema[word], word)
            if isinstance(exclusive, (int, float)) and not isinstance(exclusive, bool):
                self.add(excl_arg, exclusive, "exclusive_" + word)
        if "pattern" in schema and kind in ("string", None):
            self.args.append(f"pattern={schema['pattern']!r}")
            self.rules.append(f"pattern `{schema['pattern']}`")

    def add(self, arg: str, value: object, rule: str) -> None:
        self.args.append(f"{arg}={_num(value)}")
        self.rules.append(f"{rule} {_num(value)}")

    def wrap(
        self, model: str, param: str, refs: frozenset[str] = frozenset(), doc: str = ""
    ) -> Type:
        ann = f"Annotated[{model}, Field({', '.join(self.args)})]" if self.args else model
        return Type(ann, param, refs, rules=tuple(self.rules), doc=doc or param)


def _literal(values: list[Any], where: str) -> Type:
    for v in values:
        if not isinstance(v, (str, int, bool)) or isinstance(v, float):
            raise SpecError(
                f"{where}: enum value {v!r} is not supported (only strings and integers)"
            )
    inner = ", ".join(json.dumps(v) if isinstance(v, str) else repr(v) for v in values)
    ann = f"Literal[{inner}]"
    return Type(ann, ann, doc=ann)


def _union_of(members: list[Type]) -> Type:
    if len(members) == 1:
        return members[0]
    model = " | ".join(_dedupe(m.model for m in members))
    param = " | ".join(_dedupe(part for m in members for part in _members(m.param)))
    doc = " | ".join(_dedupe(m.plain for m in members))
    refs = frozenset().union(*(m.refs for m in members))
    return Type(model, param, refs, binary=any(m.binary for m in members), doc=doc)


def _nullable(t: Type) -> Type:
    if t.nullable:
        return t
    return Type(
        f"{t.model} | None",
        f"{t.param} | None",
        t.refs,
        True,
        t.rules,
        t.binary,
        doc=f"{t.plain} | None",
    )


def _members(annotation: str) -> list[str]:
    """The members of a union annotation, split at top-level `|` only: `A[B | C] | D`."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(annotation):
        depth += {"[": 1, "]": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(annotation[start:i].strip())
            start = i + 1
    parts.append(annotation[start:].strip())
    return parts


def _dedupe(items: Iterator[str] | Any) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def _default(schema: Any, resolved: dict[str, Any]) -> object:
    for s in (schema, resolved):
        if isinstance(s, dict) and "default" in s:
            return s["default"]
    return NO_DEFAULT


def _own_keywords(schema: dict[str, Any], ignore: tuple[str, ...] = ("allOf",)) -> bool:
    """Whether a schema says more than its composition (prose and defaults do not count)."""
    prose = {
        "title",
        "description",
        "default",
        "example",
        "examples",
        "deprecated",
        "readOnly",
        "writeOnly",
    }
    return any(k not in prose and k not in ignore and not k.startswith("x-") for k in schema)


def _unique_names(params: list[Param], where: str) -> list[Param]:
    """A Python name taken twice is prefixed by its location, e.g. `body_session_id`."""
    taken: set[str] = set()
    for p in params:
        if p.name in taken:
            p.name = f"{p.location}_{p.name}"
            if p.name in taken:
                raise SpecError(f"{where}: parameter {p.wire!r} collides with another of that name")
        taken.add(p.name)
    return params


def _sdk_names(raw: _RawOp) -> tuple[str, str] | None:
    resource, method = raw.op.get("x-sdk-resource"), raw.op.get("x-sdk-method")
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
    except SpecError:
        raise
    except (KeyError, TypeError, AttributeError, ValueError, IndexError) as error:
        raise SpecError(f"{where}: cannot be read ({type(error).__name__}: {error})") from error


def _check_no_import_cycle(models: dict[str, Model]) -> None:
    """Schemas that refer to each other would import each other's modules: refused."""
    refs = {
        key: {r for p in m.props for r in p.type.refs} | (m.target.refs if m.target else set())
        for key, m in models.items()
    }
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(key: str, path: list[str]) -> None:
        state[key] = 1
        for ref in sorted(refs[key] - {key}):
            if state.get(ref) == 1:
                cycle = [*path[path.index(ref) :], ref]
                names = " -> ".join(models[k].class_name for k in cycle)
                raise SpecError(f"schemas refer to each other ({names}): not supported")
            if ref not in state:
                visit(ref, [*path, ref])
        state[key] = 2

    for key in sorted(refs):
        if key not in state:
            visit(key, [key])


def _class_names(root: Resource, models: dict[str, Model]) -> None:
    """Each resource's class: its name in PascalCase, or its dotted path when that is taken
    (by another resource or a model a resource module imports): `Peers`, then `SessionsPeers`."""
    taken = {m.class_name for m in models.values()} | {m.param_name for m in models.values()}
    for r in root.walk():
        if not r.path:
            continue
        for depth in range(1, len(r.path) + 1):
            name = _naming.pascal("_".join(r.path[-depth:]))
            if name not in taken:
                break
        else:
            name = _naming.pascal("_".join(r.path)) + "Resource"
        r.class_name = name
        taken.add(name)


def _client_attributes() -> frozenset[str]:
    """The public names of the runtime's clients, which the root's methods and resources may
    not take (the client is the root: `client.close()` must stay the client's)."""
    from honcho_client._client.async_client import AsyncBaseClient
    from honcho_client._client.sync_client import BaseClient

    client = BaseClient(api_key=None, base_url="http://127.0.0.1:9")
    try:
        names = set(dir(client)) | set(dir(AsyncBaseClient))
    finally:
        client.close()
    return frozenset(n for n in names if not n.startswith("_"))


def _tree(ops: list[Op]) -> Resource:
    taken = _client_attributes()
    for op in ops:  # a root method or top-level resource named like the client's own gets a `_`
        if not op.resource and op.name in taken:
            op.name += "_"
        top = op.resource.split(".")[0]
        if top in taken:
            op.resource = ".".join([top + "_", *op.resource.split(".")[1:]])
    root = Resource(())
    by_path: dict[tuple[str, ...], Resource] = {(): root}

    def get(path: tuple[str, ...]) -> Resource:
        if path not in by_path:
            by_path[path] = Resource(path)
            get(path[:-1]).children.append(by_path[path])
        return by_path[path]

    seen: dict[str, Op] = {}
    for op in ops:
        if op.dotted in seen:
            first = seen[op.dotted]
            raise SpecError(
                f"{op.http_method} {op.path}: named {op.dotted}, as is "
                f"{first.http_method} {first.path}"
            )
        seen[op.dotted] = op
        get(tuple(op.resource.split(".")) if op.resource else ()).ops.append(op)
    for r in root.walk():
        names = {op.name for op in r.ops}
        for child in r.children:
            if child.name in names:
                raise SpecError(
                    f"resource {r.dotted or '(root)'}: {child.name!r} is both a method and a resource"
                )
    return root


def _text(value: object) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def _num(x: object) -> str:
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return repr(x)


def sdk_document(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the SDK reads it: each `x-sdk-response-schema` made the response's schema.

    A mock server (Prism) serving this answers with bodies of those schemas, as the real server
    does, instead of the spec's open `{}`.
    """
    out = json.loads(json.dumps(doc))
    components = out.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name, schema in (components.pop(SDK_SCHEMAS, None) or {}).items():
        schemas[name] = schema
    for item in (out.get("paths") or {}).values():
        for method in HTTP_METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            named = op.get("x-sdk-response-schema") if isinstance(op, dict) else None
            if not named:
                continue
            for code, response in op.get("responses", {}).items():
                if str(code).startswith("2"):
                    for media in (response.get("content") or {}).values():
                        media["schema"] = {"$ref": f"#/components/schemas/{named}"}
    return out
