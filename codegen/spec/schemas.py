"""Schemas seen from Python: each schema node becomes a `Type`; component schemas and inline
object schemas become `Model`s.

`Schemas.type()` maps one node; `Schemas.model_for()` builds (once) the model of a component
schema. A model is registered as *in progress* before its properties are read, so a schema that
refers to itself, or to one that refers back to it, is read as a forward reference; `modules.py`
then puts every group of models that refer to each other into one module.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping

from . import names
from .document import SDK_SCHEMAS, text
from .jsonschema import UNSUPPORTED, Schema, SchemaNode
from .model import NO_DEFAULT, NONE, OBJECT, Model, ModelKind, Prop, SpecError, Type

__all__ = [
    "MODEL_RESERVED",
    "Schemas",
    "default_of",
    "field_names",
    "implied_kind",
    "own_keywords",
]

# Names a model field may not take: BaseModel's attributes, and the names annotations use (a
# field `date: date` would make the annotation refer to the field).
MODEL_RESERVED = frozenset(
    {
        *("date", "datetime", "str", "int", "float", "bool", "bytes", "list", "dict", "object"),
        *("tuple", "copy", "json", "schema", "construct", "validate", "fields"),
        *("model_config", "model_fields", "model_extra", "model_computed_fields"),
    }
)
_PROSE = frozenset(
    {"title", "description", "default", "example", "examples", "deprecated", "readOnly"}
    | {"writeOnly", "$schema", "$id", "$comment", "contentMediaType", "contentEncoding"}
)
_ANY = Schema()
_INT64 = 2**63
_UINT64 = 2**64


class Schemas:
    """The models of one document, built on first reference."""

    def __init__(self, schemas: Mapping[str, SchemaNode], body_names: Mapping[str, str]) -> None:
        self.schemas = schemas
        self.models: dict[str, Model] = {}
        self._building: dict[str, tuple[str, ModelKind]] = {}
        self._class_names: dict[str, str] = {}
        self._body_names = body_names
        for key in schemas:  # component names first, so inline schemas never take them
            self._class_names[key] = self._free(body_names.get(key) or names.class_name(key))

    # References -----------------------------------------------------------------------------

    def ref_key(self, ref: str, where: str) -> str:
        for prefix in ("#/components/schemas/", f"#/components/{SDK_SCHEMAS}/"):
            if ref.startswith(prefix):
                key = ref[len(prefix) :].replace("~1", "/").replace("~0", "~")
                if key not in self.schemas:
                    raise SpecError(f"{where}: reference {ref!r} points at no schema")
                return key
        raise SpecError(f"{where}: schema reference {ref!r} is not a component schema")

    def schema_of(self, node: SchemaNode | None, where: str) -> tuple[Schema, str | None]:
        """The schema behind `node` and its component key, following `$ref` and one-item allOf."""
        key = None
        for _ in range(50):
            if node is True or node is None:
                return _ANY, key
            if node is False:
                raise SpecError(f"{where}: a schema that allows no value is not supported")
            if node.ref is not None:
                key = self.ref_key(node.ref, where)
                node = self.schemas[key]
                continue
            if node.all_of is not None and len(node.all_of) == 1 and not own_keywords(node):
                node = node.all_of[0]
                continue
            return node, key
        raise SpecError(f"{where}: reference cycle")

    # Types ----------------------------------------------------------------------------------

    def type(self, node: SchemaNode, where: str, hint: str) -> Type:
        """The Python type of a schema; `hint` names inline object models found in it."""
        if node is True:
            return OBJECT
        if node is False:
            raise SpecError(f"{where}: a schema that allows no value is not supported")
        if node.ref is not None:
            key = self.ref_key(node.ref, where)
            return _nullable_if(self.named(key), node.nullable)
        for word in UNSUPPORTED:
            if word in node.keywords:
                raise SpecError(f"{where}: `{word}` is not supported")
        t = self._composed(node, where, hint)
        if t is None:
            t = self._typed(node, where, hint)
        return _nullable_if(t, node.nullable)

    def _composed(self, node: Schema, where: str, hint: str) -> Type | None:
        """The type of an allOf, anyOf, oneOf, const or enum schema; None for other schemas."""
        if node.all_of is not None:
            if len(node.all_of) == 1:
                return self.type(node.all_of[0], where, hint)
            raise SpecError(f"{where}: allOf with {len(node.all_of)} schemas is not supported")
        for word, members in (("anyOf", node.any_of), ("oneOf", node.one_of)):
            if members is not None:
                return self._union(node, members, word, where, hint)
        if node.const is not None:
            return _literal([node.const[0]], where)
        if node.enum is not None:
            values = [v for v in node.enum if v is not None]
            lit = _literal(values, where) if values else NONE
            return _nullable_if(lit, None in node.enum and bool(values))
        return None

    def _typed(self, node: Schema, where: str, hint: str) -> Type:
        if len(node.types) < 2:
            return self._simple(node, node.type, where, hint)
        real = [k for k in node.types if k != "null"]
        if len(real) > 1:
            t = _union_of([self._simple(node, k, where, hint) for k in real])
        else:
            t = self._simple(node, real[0] if real else "null", where, hint)
        return _nullable_if(t, "null" in node.types)

    def _simple(self, node: Schema, kind: str | None, where: str, hint: str) -> Type:
        if kind is None:
            kind = implied_kind(node)
        if kind is None:
            return OBJECT  # {}: any JSON value
        if kind == "null":
            return NONE
        if kind == "string":
            return _string(node, where)
        if kind in ("integer", "number"):
            py = "int" if kind == "integer" else "float"
            return _Constraints(node, integer=kind == "integer").wrap(py, py)
        if kind == "boolean":
            return Type("bool", "bool", doc="bool")
        if kind == "array":
            return self._array(node, where, hint)
        if kind == "object":
            return self._object(node, where, hint)
        raise SpecError(f"{where}: schema type {kind!r} is not supported")

    def _array(self, node: Schema, where: str, hint: str) -> Type:
        if node.prefix_items is not None:
            return self._tuple(node, node.prefix_items, where, hint)
        items = self.type(True if node.items is None else node.items, f"{where}[]", hint + "Item")
        c = _Constraints(node if not items.binary else _ANY, integer=False)
        t = c.wrap(
            f"list[{items.model}]",
            f"Sequence[{items.param}]",
            items.refs,
            doc=f"Sequence[{items.plain}]",
        )
        return Type(t.model, t.param, t.refs, False, t.rules, items.binary, t.doc)

    def _tuple(self, node: Schema, prefix: tuple[SchemaNode, ...], where: str, hint: str) -> Type:
        """`prefixItems` (pydantic's `tuple[int, str]`): a fixed tuple."""
        if not prefix:
            raise SpecError(f"{where}: `prefixItems` must be a non-empty array")
        most = node.rule("maxItems")
        if node.items not in (False, None) or (most is not None and most != len(prefix)):
            raise SpecError(f"{where}: `prefixItems` with more items after them is not supported")
        items = [self.type(s, f"{where}[{i}]", f"{hint}Item{i}") for i, s in enumerate(prefix)]
        model = ", ".join(t.model for t in items)
        param = ", ".join(t.param for t in items)
        doc = ", ".join(t.plain for t in items)
        refs = frozenset().union(*(t.refs for t in items))
        return Type(f"tuple[{model}]", f"tuple[{param}]", refs, doc=f"tuple[{doc}]")

    def _object(self, node: Schema, where: str, hint: str) -> Type:
        if node.properties or (node.properties is not None and node.additional is False):
            return self.named(self.inline_model(f"{where}#object", hint, node, where).key)
        value = self._values(node, where, hint)
        key = "str"
        if len(node.pattern_properties) == 1 and node.additional in (None, False):
            key = f"Annotated[str, Field(pattern={node.pattern_properties[0][0]!r})]"
        return _Constraints(node, integer=False).wrap(
            f"dict[{key}, {value.model}]",
            f"Mapping[str, {value.param}]",
            value.refs,
            doc=f"Mapping[str, {value.plain}]",
        )

    def _values(self, node: Schema, where: str, hint: str) -> Type:
        """The type of an object's values: additionalProperties and patternProperties."""
        members = [
            self.type(schema, f"{where}{{{pattern}}}", f"{hint}Value{i or ''}")
            for i, (pattern, schema) in enumerate(node.pattern_properties)
        ]
        extra = node.additional
        if extra is False and not members:
            raise SpecError(f"{where}: an object with no properties that allows none")
        if extra is True or extra == _ANY or (extra is None and not members):
            return OBJECT
        if isinstance(extra, Schema):
            members.append(self.type(extra, f"{where}{{}}", hint + "Value"))
        return OBJECT if OBJECT in members else _union_of(members)

    def _union(
        self, node: Schema, raw: tuple[SchemaNode, ...], word: str, where: str, hint: str
    ) -> Type:
        members = [self.type(m, f"{where}.{word}[{i}]", f"{hint}{i}") for i, m in enumerate(raw)]
        nullable = any(m.model == "None" for m in members)
        real = [m for m in members if m.model != "None"]
        if not real:
            return NONE
        t = _union_of(real)
        field = self._discriminator(node, [m for m in raw if not _is_null(m)], where)
        if field is not None and len(real) > 1:
            t = Type(
                f'Annotated[{t.model}, Field(discriminator="{field}")]', t.param, t.refs, doc=t.doc
            )
        return _nullable_if(t, nullable)

    def _discriminator(self, node: Schema, members: list[SchemaNode], where: str) -> str | None:
        """The Python name of the discriminating property, when pydantic can use it: every
        member a model whose property is one literal value (read from the schemas, since the
        members may still be in progress)."""
        wire = node.discriminator
        if not wire:
            return None
        for member in members:
            schema, key = self.schema_of(member, where)
            if key is None or not _is_model_schema(schema):
                return None
            prop, _ = self.schema_of(schema.property(wire), where)
            literal = prop.const is not None or len(prop.enum or ()) == 1
            if not literal or prop.nullable:
                return None
        return field_names([wire])[wire]

    def named(self, key: str) -> Type:
        """The type of a reference to a generated name."""
        if key in self._building:
            cls, kind = self._building[key]
            if kind == "model":
                return Type(cls, f"{cls} | {cls}Param", frozenset({key}), doc=cls)
            raise SpecError(f"schema {key}: a type that is itself (without an object between)")
        model = self.models[key] if key in self.models else self.model_for(key)
        cls = model.class_name
        if model.kind == "model":
            return Type(cls, f"{cls} | {model.param_name}", frozenset({key}), doc=cls)
        target = model.target or OBJECT
        if model.kind == "root":
            return Type(cls, target.param, target.refs | {key})
        param = cls if target.param == target.model else target.param
        return Type(
            cls, param, target.refs | {key}, target.nullable, target.rules, target.binary, cls
        )

    # Models ---------------------------------------------------------------------------------

    def model_for(self, key: str) -> Model:
        """The generated name of a component schema."""
        if key in self.models:
            return self.models[key]
        schema, _ = self.schema_of(self.schemas[key], f"components/schemas/{key}")
        return self._build(key, self._class_names[key], schema, f"schema {key}")

    def inline_model(
        self,
        key: str,
        hint: str,
        schema: Schema,
        where: str,
        alternative: str = "",
    ) -> Model:
        """The model of an inline object schema at `key` (a place in the document), named by
        its title, else `hint` (else `alternative` when `hint` is taken)."""
        if key in self.models:
            return self.models[key]
        title = schema.title
        if re.fullmatch(r"[A-Za-z_]\w*", title):
            hint, alternative = title, hint
        base = self._body_names.get(hint) or names.class_name(hint)
        taken = base in self._class_names.values() or base in names.RESERVED_CLASSES
        if taken and alternative:
            base = names.class_name(alternative)
        self._class_names[key] = self._free(base)
        return self._build(key, self._class_names[key], schema, where)

    def root_model(self, key: str, hint: str, target: Type, description: str) -> Model:
        """A RootModel: the check of a request body that is one value."""
        cls = self._class_names[key] = self._free(names.class_name(hint))
        model = Model(key, cls, names.module_name(cls), description, "root", target=target)
        self.models[key] = model
        return model

    def _free(self, base: str) -> str:
        name, n = base, 1
        while name in self._class_names.values() or name in names.RESERVED_CLASSES:
            n += 1
            name = f"{base}{n}"
        return name

    def _build(self, key: str, cls: str, schema: Schema, where: str) -> Model:
        kind: ModelKind = "model" if _is_model_schema(schema) else "alias"
        self._building[key] = (cls, kind)
        try:
            description = text(schema.description)
            if kind == "alias":
                target = self.type(schema, where, cls)
                model = Model(key, cls, names.module_name(cls), description, "alias", target=target)
            else:
                extra = schema.additional
                model = Model(
                    key,
                    cls,
                    names.module_name(cls),
                    description,
                    "model",
                    props=self._props(schema, where, cls),
                    allows_extra=None if extra is None else extra is not False,
                )
        finally:
            del self._building[key]
        self.models[key] = model
        return model

    def _props(self, schema: Schema, where: str, cls: str) -> tuple[Prop, ...]:
        properties = schema.properties or ()
        py = field_names([wire for wire, _ in properties])
        out = []
        for wire, node in properties:
            resolved, _ = self.schema_of(node, f"{where}.{wire}")
            meta = node if isinstance(node, Schema) else _ANY
            out.append(
                Prop(
                    name=py[wire],
                    wire=wire,
                    type=self.type(node, f"{where}.{wire}", cls + names.pascal(wire)),
                    required=wire in schema.required,
                    default=default_of(node, resolved),
                    description=text(meta.description or resolved.description),
                    read_only=resolved.read_only or meta.read_only,
                    deprecated=resolved.deprecated or meta.deprecated,
                )
            )
        return tuple(out)


# Helpers --------------------------------------------------------------------------------------


def field_names(wires: list[str], reserved: frozenset[str] = MODEL_RESERVED) -> dict[str, str]:
    """Python names of properties: snake_cased; when two would be the same (`userId` next to
    `user_id`), the one written that way keeps it and the others get a trailing `_`."""
    base = {w: names.identifier(w, reserved) for w in wires}
    if reserved is MODEL_RESERVED:  # pydantic keeps `_x` attributes private: `2fa` is `n2fa`
        base = {w: "n" + n.lstrip("_") if n.startswith("_") else n for w, n in base.items()}
    taken = {name for w, name in base.items() if w == name}
    out: dict[str, str] = {}
    for w in wires:
        name = base[w]
        if w != name:
            while name in taken:
                name += "_"
            taken.add(name)
        out[w] = name
    return out


def _is_model_schema(schema: Schema) -> bool:
    return (
        schema.type in ("object", None) and not schema.types[1:] and schema.properties is not None
    )


def implied_kind(node: Schema) -> str | None:
    """The schema's `type`, or the one its keywords imply."""
    if node.type is not None:
        return node.type
    if node.properties is not None or node.additional is not None or node.pattern_properties:
        return "object"
    if node.items is not None or node.prefix_items is not None:
        return "array"
    return None


def _is_null(node: SchemaNode) -> bool:
    return isinstance(node, Schema) and node.type == "null"


def _string(node: Schema, where: str) -> Type:
    fmt = node.format
    if fmt == "binary":
        return Type("FileField", "FileTypes", binary=True, doc="FileTypes")
    if fmt == "date-time":
        return Type("datetime", "datetime | str", doc="datetime")
    if fmt == "date":
        return Type("date", "date | str", doc="date")
    return _Constraints(node, integer=False).wrap("str", "str")


class _Constraints:
    """The validation keywords of one schema, as pydantic `Field` arguments and as rules."""

    _LENGTHS = (
        ("minLength", "min_length"),
        ("maxLength", "max_length"),
        ("minItems", "min_length"),
        ("maxItems", "max_length"),
        ("minProperties", "min_length"),
        ("maxProperties", "max_length"),
        ("multipleOf", "multiple_of"),
    )

    def __init__(self, schema: Schema, integer: bool) -> None:
        self.args: list[str] = []
        self.rules: list[str] = []
        self.integer = integer
        rules = dict(schema.rules)
        for word, arg in self._LENGTHS:
            if word in rules:
                self.add(arg, rules[word], names.snake(word))
        for word, arg, excl_arg in (("minimum", "ge", "gt"), ("maximum", "le", "lt")):
            exclusive = rules.get("exclusive" + word.capitalize())
            if word in rules:
                if exclusive is True:  # OpenAPI 3.0: a flag on the bound
                    self.add(excl_arg, rules[word], "exclusive_" + word)
                else:
                    self.add(arg, rules[word], word)
            if isinstance(exclusive, (int, float)) and not isinstance(exclusive, bool):
                self.add(excl_arg, exclusive, "exclusive_" + word)
        pattern = rules.get("pattern")
        if pattern is not None and schema.type in ("string", None):
            self.args.append(f"pattern={pattern!r}")
            self.rules.append(f"pattern `{pattern}`")

    def add(self, arg: str, value: object, rule: str) -> None:
        number = bound(value, self.integer and arg != "multiple_of", inclusive_max=arg == "le")
        self.args.append(f"{arg}={number}")
        self.rules.append(f"{rule} {number}")

    def wrap(
        self, model: str, param: str, refs: frozenset[str] = frozenset(), doc: str = ""
    ) -> Type:
        ann = f"Annotated[{model}, Field({', '.join(self.args)})]" if self.args else model
        return Type(ann, param, refs, rules=tuple(self.rules), doc=doc or param)


def bound(value: object, integer: bool, inclusive_max: bool = False) -> str:
    """A bound as Python source. An integer schema's bound written as a float is the integer it
    stands for; JSON's float for 2**63 - 1 (pydantic's int64 maximum) reads as 2**63."""
    if isinstance(value, float) and value.is_integer() and (integer or abs(value) < 2**53):
        exact = int(value)
        if integer and inclusive_max and exact in (_INT64, _UINT64):
            exact -= 1
        return str(exact)
    return repr(value)


def _literal(values: list[object], where: str) -> Type:
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


def _nullable_if(t: Type, nullable: bool) -> Type:
    if not nullable or t.nullable:
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


def _dedupe(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def default_of(node: SchemaNode | None, resolved: Schema) -> object:
    for s in (node, resolved):
        if isinstance(s, Schema) and s.default is not NO_DEFAULT:
            return s.default
    return NO_DEFAULT


def own_keywords(schema: Schema, ignore: tuple[str, ...] = ("allOf",)) -> bool:
    """Whether a schema says more than its composition (prose and defaults do not count)."""
    return any(
        k not in _PROSE and k not in ignore and not k.startswith("x-") for k in schema.keywords
    )
