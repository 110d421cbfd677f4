"""Proof of generality: Honcho's later published spec (API 2.5.1, 46 operations), exactly as
published, generates a package that imports, lists every route in api.md, passes `mypy --strict`,
and runs every operation, sync and async, against Prism serving that spec.

Prism rejects (422) any request that breaks the spec, and answers with a body built from the
response schema, which the generated package must parse into its result type.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _servers.prism import PrismNotInstalledError, PrismServer, prism_binary
from _shared import shared_dir

from codegen import spec as _spec

pytestmark = pytest.mark.prism

PACKAGE = "honcho_2_5_1"
ROUTES = 46
MISSING = (
    "../shared/reference/honcho-openapi-2.5.1.json not found (set HONCHO_SHARED_DIR or put a "
    "copy of shared/ beside the repository)"
)


def _published() -> Path:
    shared = shared_dir()
    spec = shared / "reference" / "honcho-openapi-2.5.1.json" if shared else None
    if spec is None or not spec.is_file():
        pytest.skip(MISSING)
    return spec


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the published document, byte for byte."""
    published = _published()
    copy = tmp_path_factory.mktemp("spec") / published.name
    shutil.copyfile(published, copy)
    assert copy.read_bytes() == published.read_bytes()
    return copy


@pytest.fixture(scope="module")
def out(spec: Path, tmp_path_factory: pytest.TempPathFactory, generate_package: Any) -> Path:
    """The directory holding the generated package and its api.md."""
    directory = tmp_path_factory.mktemp("generated")
    generate_package(spec, PACKAGE, directory)
    return directory


@pytest.fixture(scope="module")
def pkg(out: Path, import_package: Any) -> Iterator[ModuleType]:
    with import_package(out, PACKAGE) as module:
        yield module


@pytest.fixture(scope="module")
def prism(spec: Path) -> Iterator[str]:
    try:
        prism_binary()
    except PrismNotInstalledError as exc:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"CI is set and {exc}", pytrace=False)
        pytest.skip(str(exc))
    with PrismServer(spec) as server:
        yield server.url


def test_every_operation_is_read(spec: Path) -> None:
    document = json.loads(spec.read_text())
    published = sum(
        1
        for item in document["paths"].values()
        for m in item
        if m in ("get", "put", "post", "delete", "patch")
    )
    assert published == len(_spec.load(spec).ops) == ROUTES


def test_api_md_lists_every_route(out: Path, spec: Path) -> None:
    lines = (out / "api.md").read_text().splitlines()
    routes = {line.split("`")[1] for line in lines if line.startswith("`") and " → " in line}
    document = json.loads(spec.read_text())
    expected = {f"{m.upper()} {path}" for path, item in document["paths"].items() for m in item}
    assert len(routes) == ROUTES and routes == expected


def test_package_imports_with_both_clients(pkg: ModuleType) -> None:
    client = pkg.Client(base_url="http://127.0.0.1:9", api_key="k")
    try:
        assert callable(client.workspaces.sessions.peers.add)
        assert callable(client.with_raw_response.workspaces.peers.chat)
    finally:
        client.close()
    assert pkg.AsyncClient.__mro__[1].__name__ == "AsyncBaseClient"


def test_package_passes_mypy_strict(out: Path, pkg: ModuleType, mypy_strict: Any) -> None:
    done = mypy_strict(out, PACKAGE)
    assert done.returncode == 0, done.stdout + done.stderr


# Every operation against Prism ------------------------------------------------------------------


class _Examples:
    """A valid value for a schema of the document, built from its type, rules and $refs."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.schemas = document["components"]["schemas"]

    def value(self, schema: dict[str, Any]) -> Any:
        if "$ref" in schema:
            return self.value(self.schemas[schema["$ref"].rsplit("/", 1)[-1]])
        for word in ("anyOf", "oneOf"):
            if word in schema:
                return self.value(next(m for m in schema[word] if m.get("type") != "null"))
        if "enum" in schema:
            return schema["enum"][0]
        kind = schema.get("type")
        if kind == "string":
            if schema.get("format") == "binary":
                return ("notes.txt", b"hello from a file", "text/plain")
            if schema.get("format") == "date-time":
                return "2024-01-02T03:04:05Z"
            return "x" * max(1, schema.get("minLength", 1))
        if kind == "integer":
            return int(schema.get("minimum", 1))
        if kind == "number":
            return (schema.get("minimum", 0) + schema.get("maximum", 1)) / 2
        if kind == "boolean":
            return True
        if kind == "array":
            return [self.value(schema.get("items", {}))] * max(1, schema.get("minItems", 1))
        if kind == "object" or "properties" in schema:
            if "properties" not in schema and isinstance(schema.get("additionalProperties"), dict):
                return {"k": self.value(schema["additionalProperties"])}
            required = schema.get("required", [])
            return {
                k: self.value(v) for k, v in schema.get("properties", {}).items() if k in required
            }
        return {}


def _arguments(op: _spec.Op, document: dict[str, Any]) -> dict[str, Any]:
    """Keyword arguments with every required parameter of `op`."""
    raw = document["paths"][op.path][op.http_method.lower()]
    examples = _Examples(document)
    declared = {(p["in"], p["name"]): p["schema"] for p in raw.get("parameters", [])}
    body_schema: dict[str, Any] = {}
    if "requestBody" in raw:
        (media,) = raw["requestBody"]["content"].values()
        body_schema = media["schema"]
    kwargs: dict[str, Any] = {}
    for p in op.params:
        if not p.required:
            continue
        if p.location == "body" and op.body_kind == "root":
            kwargs[p.name] = examples.value(body_schema)
        elif p.location == "body":
            model = examples.schemas[body_schema["$ref"].rsplit("/", 1)[-1]]
            kwargs[p.name] = examples.value(model["properties"][p.wire])
        else:
            kwargs[p.name] = examples.value(declared[(p.location, p.wire)])
    return kwargs


def _method(client: Any, op: _spec.Op) -> Any:
    node = client
    for part in op.resource.split("."):
        node = getattr(node, part)
    return getattr(node, op.name)


def _check(op: _spec.Op, result: Any, pkg: ModuleType) -> None:
    kind = op.result.kind
    if kind == "none":
        assert result is None
    elif kind in ("model", "stream"):
        assert isinstance(result, getattr(pkg.types, op.result.type.model))
    elif kind == "page":
        item = getattr(pkg.types, op.result.type.model)
        assert result.items and all(isinstance(i, item) for i in result.items)
    elif kind == "adapter" and op.result.type.model.startswith("list["):
        item = getattr(pkg.types, op.result.type.model[5:-1])
        assert result and all(isinstance(i, item) for i in result)
    elif kind == "adapter":
        assert isinstance(result, dict)


def _operations() -> list[Any]:
    shared = shared_dir()
    spec = shared / "reference" / "honcho-openapi-2.5.1.json" if shared else None
    if spec is None or not spec.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=MISSING))]
    return [pytest.param(op.dotted, id=op.dotted) for op in _spec.load(spec).ops]


@pytest.fixture(scope="module")
def api(spec: Path) -> _spec.Api:
    return _spec.load(spec)


@pytest.fixture(scope="module")
def document(spec: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(spec.read_text())
    return loaded


@pytest.mark.parametrize("name", _operations())
def test_operation_runs_sync_and_async_against_prism(
    name: str, api: _spec.Api, document: dict[str, Any], pkg: ModuleType, prism: str
) -> None:
    op = next(o for o in api.ops if o.dotted == name)
    kwargs = _arguments(op, document)
    with pkg.Client(base_url=prism, api_key="k", max_retries=0) as client:
        _check(op, _method(client, op)(**kwargs), pkg)

    async def run() -> Any:
        async with pkg.AsyncClient(base_url=prism, api_key="k", max_retries=0) as client:
            return await _method(client, op)(**kwargs)

    _check(op, asyncio.run(run()), pkg)
