"""Root fixtures: the fault-injecting server, the Prism mock server, a refused URL, and the async
client on each transport.

HONCHO_TEST_LOOP=uvloop runs every asyncio test on uvloop's event loop instead of asyncio's
(through pytest-asyncio's `pytest_asyncio_loop_factories` hook).
"""

from __future__ import annotations

import asyncio
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from _clients import ASYNC_TRANSPORTS, AsyncHonchoFactory, async_honcho_factory
from _servers.faults import FaultServer
from _servers.faults import refused_url as _refused_url
from _servers.prism import REPO_SPEC, PrismNotInstalledError, PrismServer, prism_binary

from codegen.spec import sdk_document

TEST_LOOP = os.environ.get("HONCHO_TEST_LOOP", "asyncio").strip().lower() or "asyncio"
if TEST_LOOP not in ("asyncio", "uvloop"):
    raise pytest.UsageError(f"HONCHO_TEST_LOOP must be asyncio or uvloop, not {TEST_LOOP!r}")

if TEST_LOOP == "uvloop":
    import uvloop

    _asyncio_plugin = tuple(int(part) for part in version("pytest-asyncio").split(".")[:2])
    if _asyncio_plugin < (1, 4):  # the release that added pytest_asyncio_loop_factories
        raise pytest.UsageError("HONCHO_TEST_LOOP=uvloop needs pytest-asyncio 1.4 or later")

    def pytest_asyncio_loop_factories(
        config: pytest.Config, item: pytest.Item
    ) -> dict[str, Callable[[], asyncio.AbstractEventLoop]]:
        return {"uvloop": uvloop.new_event_loop}

    def pytest_report_header(config: pytest.Config) -> str:
        return f"event loop: uvloop {uvloop.__version__} (HONCHO_TEST_LOOP=uvloop)"


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A started :class:`FaultServer`, stopped after the test."""
    with FaultServer() as server:
        yield server


@pytest.fixture(scope="session")
def prism_url() -> Iterator[str]:
    """Base URL of Prism mocking the repository's openapi.yaml (skipped if Prism is missing,
    except under CI, where a missing Prism is an error)."""
    missing: str | None = None
    try:
        prism_binary()
    except PrismNotInstalledError as exc:
        missing = str(exc)
    if missing is not None:
        if _running_in_ci():
            pytest.fail(f"CI is set and {missing}", pytrace=False)
        pytest.skip(missing)
    with tempfile.TemporaryDirectory() as tmp, PrismServer(_sdk_view(Path(tmp))) as prism:
        yield prism.url


def _sdk_view(directory: Path) -> Path:
    """openapi.yaml with the SDK-side result schemas (`x-sdk-response-schema`) as the responses'
    schemas, so Prism answers a delete with `{"message": ...}` as the real server does."""
    path = directory / "openapi.json"
    document = yaml.load(REPO_SPEC.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    path.write_text(json.dumps(sdk_document(document)), encoding="utf-8")
    return path


@pytest.fixture
def refused_url() -> str:
    """A local URL where nothing listens: connecting to it is refused."""
    return _refused_url()


@pytest.fixture(params=sorted(ASYNC_TRANSPORTS))
def async_honcho(request: pytest.FixtureRequest) -> AsyncHonchoFactory:
    """Opens an AsyncHoncho on each transport in turn (tests/_clients.py):
    ``async with async_honcho(base_url=...) as client:``."""
    return async_honcho_factory(request.param)
