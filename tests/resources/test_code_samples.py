"""The official SDK's call shapes, from the reference's x-codeSamples, run unchanged on Prism.

Each Python sample is executed as published except for the import line
(`from honcho import Honcho` → `from honcho_client import Honcho`), against a Prism mock server
of our openapi.yaml, which rejects any request that breaks the spec. Each sample also runs as
its async twin on `AsyncHoncho`.

They also run against Prism serving the PUBLISHED 1.1.0 spec, which types the deletes and
`keys.create` as `{}` and answers them with `null`. In the default (lenient) mode every sample
runs, sync and async. In strict mode exactly the samples whose answer breaks the SDK's result
schema fail: the operations our openapi.yaml gives an `x-sdk-response-schema` (computed from the
spec, not listed here).
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from _servers.prism import REPO_SPEC, PrismNotInstalledError, PrismServer, prism_binary
from _shared import shared_dir

from honcho_client import APIResponseValidationError

pytestmark = pytest.mark.prism


def _samples() -> list[tuple[str, str]]:
    shared = shared_dir()
    if shared is None:
        return []
    reference = json.loads((Path(shared) / "reference" / "honcho-openapi-1.1.0.json").read_text())
    out = []
    for path, item in reference["paths"].items():
        for method, op in item.items():
            source = next(s["source"] for s in op["x-codeSamples"] if s["lang"] == "Python")
            out.append((f"{method.upper()} {path}", source))
    return out


SAMPLES = _samples()
needs_samples = pytest.mark.skipif(
    not SAMPLES, reason="../shared/reference not found: no x-codeSamples to run"
)


def _migrate(source: str) -> str:
    assert "from honcho import Honcho" in source
    return source.replace("from honcho import Honcho", "from honcho_client import Honcho")


def _asyncify(source: str) -> str:
    """The async twin: AsyncHoncho, each API call awaited, inside a coroutine."""
    code = (
        _migrate(source)
        .replace("import Honcho", "import AsyncHoncho")
        .replace("Honcho(", "AsyncHoncho(")
    )
    code, count = re.subn(r"= client\.", "= await client.", code)
    assert count == 1, code
    return "async def main():\n" + textwrap.indent(code, "    ") + "\n"


@pytest.fixture
def prism_env(prism_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HONCHO_BASE_URL", prism_url)
    monkeypatch.setenv("HONCHO_API_KEY", "sk-prism")
    return prism_url


@needs_samples
def test_all_operations_have_a_sample() -> None:
    assert len(SAMPLES) == 41


@needs_samples
@pytest.mark.parametrize(("route", "source"), SAMPLES, ids=[r for r, _ in SAMPLES])
def test_sample_runs_sync(route: str, source: str, prism_env: str) -> None:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(_migrate(source), route, "exec"), {})
    assert out.getvalue().strip(), f"{route}: the sample printed nothing"


@needs_samples
@pytest.mark.parametrize(("route", "source"), SAMPLES, ids=[r for r, _ in SAMPLES])
def test_sample_runs_async(route: str, source: str, prism_env: str) -> None:
    namespace: dict[str, Any] = {}
    exec(compile(_asyncify(source), route, "exec"), namespace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        asyncio.run(namespace["main"]())
    assert out.getvalue().strip(), f"{route}: the sample printed nothing"


_STRICT = "strict_response_validation=True, "


@pytest.fixture(scope="module")
def published_prism() -> Iterator[str]:
    """Prism serving ../shared/reference/honcho-openapi-1.1.0.json as published."""
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared/reference not found: no published spec to serve")
    try:
        prism_binary()
    except PrismNotInstalledError as exc:
        pytest.skip(str(exc))
    with PrismServer(shared / "reference" / "honcho-openapi-1.1.0.json") as prism:
        yield prism.url


@pytest.fixture
def published_env(published_prism: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("HONCHO_BASE_URL", published_prism)
    monkeypatch.setenv("HONCHO_API_KEY", "sk-prism")
    return published_prism


def _strict(code: str) -> str:
    return re.sub(r"Honcho\(", "Honcho(" + _STRICT, code)


def _run_sync(code: str, route: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, route, "exec"), {})
    return out.getvalue()


def _run_async(code: str, route: str) -> str:
    namespace: dict[str, Any] = {}
    exec(compile(code, route, "exec"), namespace)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        asyncio.run(namespace["main"]())
    return out.getvalue()


def _sdk_typed_routes() -> set[str]:
    """The operations whose result type is the SDK's own, not the published spec's."""
    spec = yaml.load(REPO_SPEC.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    return {
        f"{method.upper()} {path}"
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and op.get("x-sdk-response-schema")
    }


@needs_samples
@pytest.mark.parametrize(("route", "source"), SAMPLES, ids=[r for r, _ in SAMPLES])
def test_sample_runs_leniently_sync(route: str, source: str, published_env: str) -> None:
    assert _run_sync(_migrate(source), route).strip(), f"{route}: the sample printed nothing"


@needs_samples
@pytest.mark.parametrize(("route", "source"), SAMPLES, ids=[r for r, _ in SAMPLES])
def test_sample_runs_leniently_async(route: str, source: str, published_env: str) -> None:
    assert _run_async(_asyncify(source), route).strip(), f"{route}: the sample printed nothing"


@needs_samples
def test_strict_mode_names_the_answers_that_break_the_schema(published_env: str) -> None:
    broken: dict[str, set[str]] = {"sync": set(), "async": set()}
    for route, source in SAMPLES:
        for kind, code, run in (
            ("sync", _strict(_migrate(source)), _run_sync),
            ("async", _strict(_asyncify(source)), _run_async),
        ):
            assert _STRICT in code, route
            try:
                run(code, route)
            except APIResponseValidationError as error:
                assert error.validation_error is not None
                broken[kind].add(route)
    expected = _sdk_typed_routes()
    assert len(expected) == 4  # the three deletes typed `Deleted` and keys.create
    assert broken["sync"] == expected
    assert broken["async"] == expected
