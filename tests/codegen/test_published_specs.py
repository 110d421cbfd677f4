"""Proof of generality: real FastAPI documents, exactly as published (../shared/reference/specs/,
see SOURCES.md there, and Honcho's 2.5.1), each generate a package that imports module by module,
lists every route in api.md, passes `mypy --strict`, and runs every operation, sync and async,
against Prism serving that document.

Prism rejects (422) a request that breaks the document and answers with a body built from the
response schema, which the generated package must parse into its result type. The tests skip,
saying why, where ../shared is absent.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import json
import os
import pkgutil
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _servers.prism import PrismNotInstalledError, PrismServer, prism_binary
from _shared import shared_dir

import codegen.__main__ as cli
from codegen import _render
from codegen import spec as _spec

pytestmark = pytest.mark.prism

# file below ../shared/reference -> (package name, operations it publishes)
SPECS = {
    "specs/honcho-0.0.15.json": ("honcho_0_0_15", 41),
    "specs/honcho-2.0.0.json": ("honcho_2_0_0", 31),
    "honcho-openapi-2.5.1.json": ("honcho_2_5_1", 46),
    "specs/honcho-3.0.12.json": ("honcho_3_0_12", 46),
    "specs/infinity.json": ("infinity", 9),
    "specs/letta-0.16.6.json": ("letta", 295),
    "specs/phoenix.json": ("phoenix", 121),
    "specs/prefect-2.json": ("prefect_2", 92),
    "specs/prefect-3.json": ("prefect_3", 179),
    "specs/skyvern.json": ("skyvern", 83),
}
# Operations Prism (5.x, static answers) itself cannot serve, by package: operation -> its defect.
_PATTERN = 'Prism answers "string" for a string with a `pattern` (traceId `^[0-9a-f]{32}$`)'
_RECURSION = (
    "Prism ends a recursive schema (FileNode.children) with objects missing required properties"
)
_SSE_OBJECTS = "Prism cannot write an event-stream example whose schema is an object: 500 "
_SSE_OBJECTS += '"Cannot serialise complex objects as text"'
PRISM_DEFECTS: dict[str, dict[str, str]] = {
    "letta": {"conversations.retrieve_stream": _SSE_OBJECTS, "runs.retrieve_stream": _SSE_OBJECTS},
    "phoenix": {
        "agent_sessions.compact": _PATTERN,
        "agent_sessions.list_messages": _PATTERN,
        "agent_sessions.submit_tool_approvals": _PATTERN,
        "agent_sessions.submit_tool_outputs": _PATTERN,
        "projects.spans.search": "Prism writes the int64 minimum (-2**63, a JavaScript number) as "
        "-9223372036854776000, below the bound",
    },
    "prefect_3": {
        "flow_runs.read_graph_v2": "Prism answers `[]` for a two-item `prefixItems` tuple "
        "(minItems 2): it does not read prefixItems",
    },
    "skyvern": {"scripts.create": _RECURSION, "scripts.deploy": _RECURSION},
}


def _missing(name: str) -> str:
    return (
        f"../shared/reference/{name} not found (set HONCHO_SHARED_DIR or put a copy of shared/ "
        "beside the repository)"
    )


def _spec_path(name: str) -> Path | None:
    shared = shared_dir()
    path = shared / "reference" / name if shared else None
    return path if path is not None and path.is_file() else None


def _params() -> list[Any]:
    return [
        pytest.param(name, id=SPECS[name][0])
        if _spec_path(name)
        else pytest.param(name, id=SPECS[name][0], marks=pytest.mark.skip(reason=_missing(name)))
        for name in SPECS
    ]


@dataclass
class Generated:
    spec: Path
    package: str
    out: Path
    api: _spec.Api
    document: dict[str, Any]
    seconds: float


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Generated]:
    """Every published document present, generated into its own directory."""
    out: dict[str, Generated] = {}
    for name, (package, _) in SPECS.items():
        spec = _spec_path(name)
        if spec is None:
            continue
        directory = tmp_path_factory.mktemp(package)
        target = _render.Target(spec=spec, package=package, clients=True)
        started = time.perf_counter()
        files = cli.generate(target)
        seconds = time.perf_counter() - started
        cli.write(files, directory, target)
        document = json.loads(spec.read_text())
        out[name] = Generated(spec, package, directory, _spec.load(spec), document, seconds)
    if not out:
        pytest.skip(_missing("specs/"))
    return out


# Calling every operation -----------------------------------------------------------------------

_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "time": "03:04:05",
    "uuid": "123e4567-e89b-12d3-a456-426614174000",
    "email": "someone@example.com",
    "uri": "https://example.com/",
    "url": "https://example.com/",
    "duration": "P1D",
    "ipv4": "127.0.0.1",
}


def _matching(pattern: str) -> str:
    """A string that `pattern` matches (re.search), built from the parsed expression."""
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_parse as _parser

    text = _sample(_parser.parse(pattern))
    assert re.search(pattern, text), (pattern, text)
    return text


def _sample(parsed: Any) -> str:
    try:
        from re import _constants as c  # type: ignore[attr-defined]
    except ImportError:  # Python 3.10
        import sre_constants as c

    out = []
    for op, arg in parsed:
        if op is c.LITERAL:
            out.append(chr(arg))
        elif op is c.NOT_LITERAL:
            out.append("b" if arg == ord("a") else "a")
        elif op is c.IN:
            out.append(_in(arg, c))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, _, item = arg
            out.append(_sample(item) * max(low, 1) if low or op is c.MAX_REPEAT else "")
        elif op is c.SUBPATTERN:
            out.append(_sample(arg[-1]))
        elif op is c.BRANCH:
            out.append(_sample(arg[1][0]))
        elif op is c.ANY:
            out.append("a")
        elif op is c.CATEGORY:
            out.append(_CATEGORIES.get(str(arg), "a"))
    return "".join(out)


_CATEGORIES = {"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " ", "CATEGORY_WORD": "a"}


def _in(items: Any, c: Any) -> str:
    negated = any(op is c.NEGATE for op, _ in items)
    if negated:
        excluded = "".join(_sample([(op, arg)]) for op, arg in items if op is not c.NEGATE)
        return next(ch for ch in "aZ0_-" if ch not in excluded)
    op, arg = items[0]
    if op is c.RANGE:
        return chr(arg[0])
    if op is c.CATEGORY:
        return _CATEGORIES.get(str(arg), "a")
    return chr(arg)


class Examples:
    """A valid value for a schema of the document, built from its type, rules and $refs."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.schemas = document.get("components", {}).get("schemas", {})

    def resolve(self, schema: Any) -> dict[str, Any]:
        while isinstance(schema, dict) and ("$ref" in schema or len(schema.get("allOf", [])) == 1):
            if "$ref" in schema:
                schema = self.schemas[schema["$ref"].rsplit("/", 1)[-1]]
            else:
                schema = schema["allOf"][0]
        return schema if isinstance(schema, dict) else {}

    def value(self, schema: Any, depth: int = 0) -> Any:
        schema = self.resolve(schema)
        for word in ("anyOf", "oneOf"):
            if word in schema:
                members = [m for m in schema[word] if self.resolve(m).get("type") != "null"]
                if not members:
                    return None
                return self._tagged(schema, members[0], self.value(members[0], depth + 1))
        if "const" in schema:
            return schema["const"]
        if "enum" in schema:
            return next(v for v in schema["enum"] if v is not None)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "null")
        if kind is None:
            kind = "object" if "properties" in schema else "array" if "items" in schema else None
        return self._typed(schema, kind, depth)

    def _typed(self, schema: dict[str, Any], kind: Any, depth: int) -> Any:
        if kind == "string":
            return self._string(schema)
        if kind in ("integer", "number"):
            low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
            high = schema.get("maximum", schema.get("exclusiveMaximum", low + 2) - 1)
            number = low if low > 0 or high < 1 else 1
            return int(number) if kind == "integer" else float(number)
        if kind == "boolean":
            return True
        if kind == "array":
            if "prefixItems" in schema:
                return [self.value(s, depth + 1) for s in schema["prefixItems"]]
            return [self.value(schema.get("items", {}), depth + 1)] * max(
                1, schema.get("minItems", 1)
            )
        if kind == "object":
            return self._object(schema, depth)
        return None if kind == "null" else {}

    def _string(self, schema: dict[str, Any]) -> Any:
        if schema.get("format") == "binary":
            return ("notes.txt", b"hello from a file", "text/plain")
        if schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        if "pattern" in schema:
            return _matching(schema["pattern"])
        low = max(1, schema.get("minLength", 1))
        return "x" * min(low, schema.get("maxLength", low))

    def _object(self, schema: dict[str, Any], depth: int) -> Any:
        if "properties" not in schema and isinstance(schema.get("additionalProperties"), dict):
            return {"k": self.value(schema["additionalProperties"], depth + 1)}
        required = set(schema.get("required", []))
        properties = schema.get("properties", {})
        # A one-value property is sent too: it may be a union's discriminator.
        required |= {k for k, v in properties.items() if self._single(v)}
        return {k: self.value(v, depth + 1) for k, v in properties.items() if k in required}

    @staticmethod
    def _tagged(union: dict[str, Any], member: Any, value: Any) -> Any:
        """`value` with the discriminator's value for `member`, from the mapping."""
        discriminator = union.get("discriminator") or {}
        mapping = discriminator.get("mapping") or {}
        tag = next((k for k, ref in mapping.items() if ref == member.get("$ref")), None)
        if isinstance(value, dict) and tag is not None:
            value[discriminator["propertyName"]] = tag
        return value

    def _single(self, schema: Any) -> bool:
        schema = self.resolve(schema)
        return "const" in schema or len(schema.get("enum", [])) == 1


def _declared(document: dict[str, Any], op: _spec.Op) -> dict[tuple[str, str], Any]:
    item = document["paths"][op.path]
    out = {}
    for p in [*item.get("parameters", []), *item[op.http_method.lower()].get("parameters", [])]:
        if "$ref" in p:
            p = document["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]]
        schema = p.get("schema") or next(iter(p.get("content", {}).values()), {}).get("schema", {})
        out[(p["in"], p["name"])] = schema
    return out


def _body_schema(document: dict[str, Any], op: _spec.Op, examples: Examples) -> dict[str, Any]:
    raw = document["paths"][op.path][op.http_method.lower()]
    if "requestBody" not in raw:
        return {}
    content = raw["requestBody"]["content"]
    media = next((m for m in content if "json" in m), next(iter(content)))
    schema = content[media].get("schema", {})
    members = schema.get("anyOf", [])
    real = [m for m in members if m.get("type") != "null"]
    return real[0] if len(members) == 2 and len(real) == 1 else schema


def arguments(op: _spec.Op, document: dict[str, Any], examples: Examples) -> dict[str, Any]:
    """Keyword arguments with every required parameter of `op`."""
    declared = _declared(document, op)
    body = _body_schema(document, op, examples)
    kwargs: dict[str, Any] = {}
    for p in op.params:
        if not p.required:
            continue
        if p.location == "body" and op.body_kind == "root":
            kwargs[p.name] = examples.value(body)
        elif p.location == "body":
            kwargs[p.name] = examples.value(examples.resolve(body)["properties"][p.wire])
        else:
            kwargs[p.name] = examples.value(declared[(p.location, p.wire)])
    return kwargs


def method_of(client: Any, op: _spec.Op) -> Any:
    node = client
    for part in filter(None, op.resource.split(".")):
        node = getattr(node, part)
    return getattr(node, op.name)


def check_result(op: _spec.Op, result: Any, pkg: ModuleType) -> None:
    """The result has the operation's result type."""
    kind, t = op.result.kind, op.result.type
    if kind == "none":
        assert result is None
    elif kind in ("model", "stream"):
        assert isinstance(result, getattr(pkg.types, t.model))
    elif kind == "page":
        assert result.items and all(
            isinstance(i, getattr(pkg.types, t.model)) for i in result.items
        )
    elif kind == "text":
        assert isinstance(result, str)
    elif kind == "adapter" and t.model.startswith("list["):
        assert isinstance(result, list)


def _check_events(op: _spec.Op, events: list[Any], pkg: ModuleType) -> None:
    event = op.result.event.model if op.result.event is not None else "object"
    if event != "object" and event.isidentifier():
        assert all(isinstance(e, getattr(pkg.types, event)) for e in events)


def _streamed(op: _spec.Op) -> dict[str, bool]:
    """The keyword asking for the stream (`stream=True`, `streaming=True`)."""
    flag = op.stream_param
    assert flag is not None
    return {flag.name: True}


def _run_sync(client: Any, op: _spec.Op, kwargs: dict[str, Any], pkg: ModuleType) -> None:
    """Call `op` and read its whole result; a streamable one also with `stream=True`."""
    method, kind = method_of(client, op), op.result.kind
    if kind == "events":
        with method(**kwargs) as stream:
            _check_events(op, list(stream), pkg)
    elif kind == "download":
        with method(**kwargs) as response:
            assert isinstance(response.read(), bytes)
    else:
        check_result(op, method(**kwargs), pkg)
    if kind == "stream":
        with method(**kwargs, **_streamed(op)) as stream:
            items = list(stream)
        if op.result.stream == "events":
            _check_events(op, items, pkg)
        else:
            assert all(isinstance(i, str) for i in items)


async def _run_async(client: Any, op: _spec.Op, kwargs: dict[str, Any], pkg: ModuleType) -> None:
    method, kind = method_of(client, op), op.result.kind
    if kind == "events":
        async with await method(**kwargs) as stream:
            _check_events(op, [e async for e in stream], pkg)
    elif kind == "download":
        async with method(**kwargs) as response:
            assert isinstance(await response.read(), bytes)
    else:
        check_result(op, await method(**kwargs), pkg)
    if kind == "stream":
        async with await method(**kwargs, **_streamed(op)) as stream:
            items = [i async for i in stream]
        if op.result.stream == "events":
            _check_events(op, items, pkg)
        else:
            assert all(isinstance(i, str) for i in items)


@contextlib.contextmanager
def _imported(out: Path, package: str) -> Iterator[ModuleType]:
    """`out/<package>` imported, every module of it; forgotten afterwards."""
    sys.path.insert(0, str(out))
    try:
        module = importlib.import_module(package)
        for info in pkgutil.walk_packages(module.__path__, package + "."):
            importlib.import_module(info.name)
        yield module
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


@contextlib.contextmanager
def _prism(spec: Path) -> Iterator[str]:
    try:
        prism_binary()
    except PrismNotInstalledError as exc:
        if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
            pytest.fail(f"CI is set and {exc}", pytrace=False)
        pytest.skip(str(exc))
    with PrismServer(spec, startup_timeout=120) as server:
        yield server.url


def _routes(document: dict[str, Any]) -> set[str]:
    return {
        f"{m.upper()} {path}"
        for path, item in document["paths"].items()
        for m in item
        if m in ("get", "put", "post", "delete", "patch", "head", "options")
    }


@pytest.mark.parametrize("name", _params())
def test_every_operation_is_generated_and_listed(
    name: str, generated: dict[str, Generated]
) -> None:
    g = generated[name]
    routes = _routes(g.document)
    assert len(routes) == len(g.api.ops) == SPECS[name][1]
    lines = (g.out / "api.md").read_text().splitlines()
    listed = {line.split("`")[1] for line in lines if line.startswith("`") and " → " in line}
    assert listed == routes


@pytest.mark.parametrize("name", _params())
def test_every_module_imports(name: str, generated: dict[str, Generated]) -> None:
    g = generated[name]
    with _imported(g.out, g.package) as pkg:
        client = pkg.Client(base_url="http://127.0.0.1:9", api_key="k")
        try:
            for op in g.api.ops:
                assert callable(method_of(client, op)), op.dotted
                assert callable(method_of(client.with_raw_response, op)), op.dotted
        finally:
            client.close()


def test_generated_packages_pass_mypy_strict(
    generated: dict[str, Generated], mypy_strict: Any, tmp_path: Path
) -> None:
    """One mypy run over every generated package (each in its own directory)."""
    for g in generated.values():
        (tmp_path / g.package).symlink_to(g.out / g.package, target_is_directory=True)
    done = mypy_strict(tmp_path, *(g.package for g in generated.values()))
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr


@pytest.mark.parametrize("name", _params())
def test_every_operation_runs_sync_and_async_against_prism(
    name: str, generated: dict[str, Generated]
) -> None:
    g = generated[name]
    examples = Examples(g.document)
    failures: dict[str, str] = {}
    with _imported(g.out, g.package) as pkg, _prism(g.spec) as url:
        # Strict: a schema the generator got wrong must fail here, not be built leniently.
        strict = {"max_retries": 0, "strict_response_validation": True}
        sync = pkg.Client(base_url=url, api_key="k", **strict)
        calls = [(op, arguments(op, g.document, examples)) for op in g.api.ops]
        with sync:
            for op, kwargs in calls:
                try:
                    _run_sync(sync, op, kwargs, pkg)
                except Exception as error:
                    failures[op.dotted] = f"sync: {type(error).__name__}: {error}"[:300]

        async def run_async() -> None:
            async with pkg.AsyncClient(base_url=url, api_key="k", **strict) as client:
                for op, kwargs in calls:
                    if op.dotted in failures:
                        continue
                    try:
                        await _run_async(client, op, kwargs, pkg)
                    except Exception as error:
                        failures[op.dotted] = f"async: {type(error).__name__}: {error}"[:300]

        asyncio.run(run_async())
    expected = PRISM_DEFECTS.get(g.package, {})
    unexpected = {k: v for k, v in failures.items() if k not in expected}
    assert not unexpected, f"{len(unexpected)} of {len(calls)} operations failed:\n" + "\n".join(
        f"{k}: {v}" for k, v in sorted(unexpected.items())
    )
    assert set(expected) <= set(failures), "a Prism defect listed here no longer shows"
