"""JSON Schema nodes read into typed, frozen records (`Schema`), once, when the document is read.

A record keeps the keywords the generator reads, each checked for its JSON type; a keyword of
the wrong type raises `SpecError` naming where it is. `true` stays `True` (any value); `false`
stays `False` (no value) where JSON Schema allows it (`items`, `additionalProperties`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Union

from .model import NO_DEFAULT, SpecError

__all__ = ["UNSUPPORTED", "Schema", "SchemaNode", "read_schema"]

SchemaNode = Union["Schema", bool]
# Keywords that change what a value may be and that the generator cannot express.
UNSUPPORTED = ("not", "if", "then", "else", "dependentSchemas", "unevaluatedProperties")
# Validation keywords kept as written: lengths, counts, bounds, multipleOf, pattern.
_RULES = (
    *("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"),
    *("multipleOf", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "pattern"),
)


@dataclass(frozen=True)
class Schema:
    keywords: frozenset[str] = frozenset()  # every keyword the node has, `x-` ones included
    ref: str | None = None
    types: tuple[str, ...] = ()  # `type`, one or several; () when not given
    format: str | None = None
    title: str = ""
    description: str = ""
    default: object = NO_DEFAULT
    nullable: bool = False  # OpenAPI 3.0's `nullable: true`
    read_only: bool = False
    deprecated: bool = False
    properties: tuple[tuple[str, SchemaNode], ...] | None = None  # None: no `properties`
    required: frozenset[str] = frozenset()
    additional: SchemaNode | None = None  # additionalProperties; None when not said
    pattern_properties: tuple[tuple[str, SchemaNode], ...] = ()
    items: SchemaNode | None = None
    prefix_items: tuple[SchemaNode, ...] | None = None
    all_of: tuple[SchemaNode, ...] | None = None
    any_of: tuple[SchemaNode, ...] | None = None
    one_of: tuple[SchemaNode, ...] | None = None
    enum: tuple[object, ...] | None = None
    const: tuple[object] | None = None  # (value,) when given: the value may be null
    discriminator: str | None = None  # discriminator.propertyName
    mapping: tuple[tuple[str, str], ...] = ()  # discriminator.mapping
    rules: tuple[tuple[str, object], ...] = field(default=())  # see _RULES

    def rule(self, name: str) -> object:
        return dict(self.rules).get(name)

    @property
    def type(self) -> str | None:
        """The one type given, if exactly one."""
        return self.types[0] if len(self.types) == 1 else None

    def property(self, name: str) -> SchemaNode | None:
        return dict(self.properties or ()).get(name)

    def references(self) -> set[str]:
        """Every `$ref` in this schema and the schemas inside it."""
        out = {self.ref} if self.ref is not None else set()
        for node in self.children():
            if isinstance(node, Schema):
                out |= node.references()
        return out

    def children(self) -> list[SchemaNode]:
        out: list[SchemaNode] = [n for _, n in (self.properties or ())]
        out += [n for _, n in self.pattern_properties]
        for one in (self.additional, self.items):
            if one is not None:
                out.append(one)
        for many in (self.prefix_items, self.all_of, self.any_of, self.one_of):
            out += many or ()
        return out


def read_schema(node: object, where: str) -> SchemaNode:
    """The record of one schema node and, recursively, of the schemas inside it."""
    if isinstance(node, bool):
        return node
    if not isinstance(node, Mapping):
        raise SpecError(f"{where}: a schema must be an object, got {node!r}")
    discriminator = _object(node.get("discriminator"), f"{where}.discriminator")
    return Schema(
        keywords=frozenset(str(k) for k in node),
        ref=_text(node.get("$ref"), f"{where}.$ref"),
        types=_types(node.get("type"), where),
        format=_text(node.get("format"), f"{where}.format"),
        title=str(node.get("title") or ""),
        description=str(node.get("description") or ""),
        default=node.get("default", NO_DEFAULT),
        nullable=node.get("nullable") is True,
        read_only=node.get("readOnly") is True,
        deprecated=node.get("deprecated") is True,
        properties=_named(node.get("properties"), f"{where}.properties"),
        required=frozenset(str(r) for r in _list(node.get("required"), f"{where}.required")),
        additional=_optional(node.get("additionalProperties"), f"{where}{{}}"),
        pattern_properties=_named(node.get("patternProperties"), f"{where}.patternProperties")
        or (),
        items=_optional(node.get("items"), f"{where}[]"),
        prefix_items=_schemas(node.get("prefixItems"), f"{where}.prefixItems"),
        all_of=_schemas(node.get("allOf"), f"{where}.allOf"),
        any_of=_schemas(node.get("anyOf"), f"{where}.anyOf"),
        one_of=_schemas(node.get("oneOf"), f"{where}.oneOf"),
        enum=tuple(_list(node["enum"], f"{where}.enum")) if "enum" in node else None,
        const=(node["const"],) if "const" in node else None,
        discriminator=_text(discriminator.get("propertyName"), f"{where}.discriminator"),
        mapping=tuple(
            (str(k), str(v))
            for k, v in _object(discriminator.get("mapping"), f"{where}.mapping").items()
        ),
        rules=tuple((k, node[k]) for k in _RULES if k in node),
    )


def _types(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SpecError(f"{where}: `type` must be a name or a list of names, got {value!r}")


def _text(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SpecError(f"{where}: must be a string, got {value!r}")
    return value


def _object(value: object, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise SpecError(f"{where}: must be an object, got {value!r}")
    return value


def _list(value: object, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SpecError(f"{where}: must be an array, got {value!r}")
    return value


def _optional(value: object, where: str) -> SchemaNode | None:
    return None if value is None else read_schema(value, where)


def _schemas(value: object, where: str) -> tuple[SchemaNode, ...] | None:
    if value is None:
        return None
    return tuple(read_schema(v, f"{where}[{i}]") for i, v in enumerate(_list(value, where)))


def _named(value: object, where: str) -> tuple[tuple[str, SchemaNode], ...] | None:
    if value is None:
        return None
    out = []
    for name, node in _object(value, where).items():
        if not isinstance(name, str):
            raise SpecError(
                f"{where}: property name {name!r} is not a string (YAML reads an unquoted "
                "on/off/yes/no as a boolean: quote it)"
            )
        out.append((name, read_schema(node, f"{where}.{name}")))
    return tuple(out)
