"""Fixtures of the codegen tests: generate a spec into a package, import it, type-check it."""

from __future__ import annotations

import contextlib
import functools
import importlib
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Protocol

import pytest

import codegen.__main__ as cli
from codegen import _render

ROOT = Path(__file__).resolve().parents[2]
MYPY_CONFIG = """\
[mypy]
strict = True
plugins = pydantic.mypy
"""


def _generate_package(spec: Path, package: str, out: Path) -> dict[Path, str]:
    """Write the client package generated from `spec` into `out/<package>` (and `out/api.md`)."""
    target = _render.Target(spec=spec, package=package, clients=True)
    files = cli.generate(target)
    cli.write(files, out, target)
    return files


@contextlib.contextmanager
def _imported(out: Path, package: str) -> Iterator[ModuleType]:
    """`out/<package>` imported; removed from sys.modules (and sys.path) afterwards."""
    sys.path.insert(0, str(out))
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(out))
        for name in [n for n in sys.modules if n == package or n.startswith(package + ".")]:
            del sys.modules[name]


def _mypy_strict(cache: Path, cwd: Path, *targets: str) -> subprocess.CompletedProcess[str]:
    """`mypy --strict` (with the pydantic plugin) over `targets`, run in `cwd`."""
    (cwd / "mypy.ini").write_text(MYPY_CONFIG)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--config-file",
            "mypy.ini",
            "--cache-dir",
            str(cache),
            *targets,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


class GeneratePackage(Protocol):
    def __call__(self, spec: Path, package: str, out: Path) -> dict[Path, str]: ...


class ImportPackage(Protocol):
    def __call__(
        self, out: Path, package: str
    ) -> contextlib.AbstractContextManager[ModuleType]: ...


class MypyStrict(Protocol):
    def __call__(self, cwd: Path, *targets: str) -> subprocess.CompletedProcess[str]: ...


@pytest.fixture(scope="session")
def generate_package() -> GeneratePackage:
    """Writes the client package generated from a spec into `out/<package>` (and `out/api.md`)."""
    return _generate_package


@pytest.fixture(scope="session")
def import_package() -> ImportPackage:
    """Imports `out/<package>` for a `with` block, and forgets it afterwards."""
    return _imported


@pytest.fixture(scope="session")
def mypy_strict(tmp_path_factory: pytest.TempPathFactory) -> MypyStrict:
    """Runs `mypy --strict` (pydantic plugin) in a directory over the given targets; the runs of
    a session share one cache, so the libraries are analysed once."""
    cache = tmp_path_factory.mktemp("mypy-cache")
    return functools.partial(_mypy_strict, cache)
