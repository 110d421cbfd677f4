"""The runtime is API-agnostic: a copy of the project with Honcho's 3.0.12 document in place of
openapi.yaml regenerates into a `honcho_client` that imports, module by module, and passes
`mypy --strict`. Skips, saying why, where ../shared is absent."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from _shared import shared_dir

ROOT = Path(__file__).resolve().parents[2]
IMPORT_ALL = (
    "import importlib, pkgutil, honcho_client\n"
    "for info in pkgutil.walk_packages(honcho_client.__path__, 'honcho_client.'):\n"
    "    importlib.import_module(info.name)\n"
    "client = honcho_client.Honcho(base_url='http://127.0.0.1:9', api_key='k')\n"
    "assert callable(client.workspaces.peers.chat)\n"
    "client.close()\n"
)


def test_honcho_3_0_12_in_place_of_openapi_yaml(tmp_path: Path, mypy_strict: Any) -> None:
    shared = shared_dir()
    spec = shared / "reference" / "specs" / "honcho-3.0.12.json" if shared else None
    if spec is None or not spec.is_file():
        pytest.skip("../shared/reference/specs/honcho-3.0.12.json not found")
    for part in ("codegen", "honcho_client"):
        shutil.copytree(ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copy(spec, tmp_path / "openapi.yaml")  # the generator reads openapi.yaml as YAML
    done = subprocess.run(
        [sys.executable, "-m", "codegen"], cwd=tmp_path, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert 'API_VERSION = "3.0.12"' in (tmp_path / "honcho_client" / "_spec_info.py").read_text()
    imported = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL], cwd=tmp_path, capture_output=True, text=True
    )
    assert imported.returncode == 0, imported.stderr
    checked = mypy_strict(tmp_path, "honcho_client")
    assert checked.returncode == 0, checked.stdout[-20000:] + checked.stderr
