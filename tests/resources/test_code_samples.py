"""The official SDK's call shapes, from the reference's x-codeSamples, run unchanged on Prism.

Each Python sample is executed as published except for the import line
(`from honcho import Honcho` → `from honcho_client import Honcho`), against a Prism mock server
of our openapi.yaml, which rejects any request that breaks the spec. Each sample also runs as
its async twin on `AsyncHoncho`.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from _shared import shared_dir

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
