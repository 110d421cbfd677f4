"""Sample values drawn from openapi.yaml: request arguments and response bodies for any operation.

Tests use these to drive every operation of the SDK from the spec itself, so a new or changed
operation is covered without writing a test by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

SPEC_PATH = Path(__file__).resolve().parent.parent / "openapi.yaml"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
    return loaded


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = spec()["components"]["schemas"][ref.rsplit("/", 1)[-1]]
    return resolved


def non_null(schema: dict[str, Any]) -> dict[str, Any]:
    """The first non-null member of an anyOf (or the schema itself)."""
    schema = resolve(schema)
    for member in schema.get("anyOf", []):
        if member.get("type") != "null":
            return resolve(member)
    return schema


def sample(schema: dict[str, Any], *, full: bool = False) -> Any:
    """A value valid for `schema`: required properties only, or all of them with `full`."""
    schema = non_null(schema)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        props: dict[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        return {
            name: sample(sub, full=full)
            for name, sub in props.items()
            if name in required or (full and not resolve(sub).get("readOnly"))
        }
    if kind == "array":
        return [sample(schema["items"], full=full)]
    if kind == "string":
        if schema.get("format") == "date-time":
            return "2024-05-06T07:08:09Z"
        return "x" * max(1, schema.get("minLength", 1))
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "boolean":
        return True
    return {}


@dataclass
class OperationCase:
    """One operation of openapi.yaml, as the SDK exposes it."""

    method: str
    path: str
    resource: str
    name: str
    operation: dict[str, Any]

    @property
    def id(self) -> str:
        return f"{self.resource}.{self.name}"

    @property
    def path_params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)

    def params(self, location: str) -> list[dict[str, Any]]:
        return [p for p in self.operation.get("parameters", []) if p["in"] == location]

    def body_schema(self) -> dict[str, Any] | None:
        body = self.operation.get("requestBody")
        if body is None:
            return None
        return non_null(body["content"]["application/json"]["schema"])

    def path_values(self) -> dict[str, str]:
        return {name: f"{name}-1" for name in self.path_params}

    def body(self, *, full: bool = False) -> dict[str, Any] | None:
        schema = self.body_schema()
        return None if schema is None else sample(schema, full=full)

    def query(self) -> dict[str, Any]:
        return {p["name"]: sample(p["schema"]) for p in self.params("query")}

    def expected_url(self) -> str:
        url = self.path
        for name, value in self.path_values().items():
            url = url.replace("{" + name + "}", value)
        return url

    def response_body(self) -> Any:
        sdk_schema = self.operation.get("x-sdk-response-schema")
        if sdk_schema is not None:
            return sample(spec()["components"]["x-sdk-schemas"][sdk_schema])
        content = self.operation["responses"]["200"]["content"]["application/json"]
        schema = content.get("schema") or {}
        return sample(schema) if schema else {"ok": True}

    def response_schema_name(self) -> str | None:
        """The result's model: the response schema, or the SDK-side one where the spec has none."""
        sdk_schema: str | None = self.operation.get("x-sdk-response-schema")
        if sdk_schema is not None:
            return sdk_schema
        schema = (
            self.operation["responses"]["200"]["content"]["application/json"].get("schema") or {}
        )
        ref = schema.get("$ref")
        return ref.rsplit("/", 1)[-1] if ref else None


def operations() -> list[OperationCase]:
    out = []
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            out.append(
                OperationCase(method.upper(), path, op["x-sdk-resource"], op["x-sdk-method"], op)
            )
    return out


def resolve_method(client: object, case: OperationCase) -> Any:
    target: Any = client
    for part in case.resource.split("."):
        target = getattr(target, part)
    return getattr(target, case.name)
