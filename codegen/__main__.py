"""`python -m codegen [--check]`: regenerate, or check that the committed output is current."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import _render, _spec, _unasync

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
# Directories whose every .py file is generated: a file there that is not generated is stale.
GENERATED_DIRS = (
    Path("honcho_client/types"),
    Path("honcho_client/resources"),
    Path("honcho_client/_sync"),
)


def generate() -> dict[Path, str]:
    """Every generated file, formatted, by path relative to the repo root."""
    spec_text = SPEC.read_bytes()
    files = _render.render(_spec.load(SPEC), spec_text)
    files.update(_unasync_files())
    return _format(files)


def _unasync_files() -> dict[Path, str]:
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return _unasync.render()
    finally:
        os.chdir(cwd)


def _format(files: dict[Path, str]) -> dict[Path, str]:
    """Run ruff (import sorting, unused imports, format) over the Python files, as CI does."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        shutil.copy(ROOT / "pyproject.toml", base / "pyproject.toml")
        for path, text in files.items():
            (base / path).parent.mkdir(parents=True, exist_ok=True)
            (base / path).write_text(text)
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run(
            [
                *ruff,
                "check",
                "--quiet",
                "--fix-only",
                "--select",
                "I,F401,UP,RUF022",
                "honcho_client",
            ],
            cwd=base,
            check=False,
        )
        subprocess.run([*ruff, "format", "--quiet", "honcho_client"], cwd=base, check=True)
        return {path: (base / path).read_text() for path in files}


def stale_files(files: dict[Path, str]) -> list[str]:
    stale = []
    for path, text in sorted(files.items()):
        target = ROOT / path
        if not target.exists():
            stale.append(f"{path} (missing)")
        elif target.read_text() != text:
            stale.append(f"{path} (differs)")
    for directory in GENERATED_DIRS:
        for path in sorted((ROOT / directory).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if rel not in files:
                stale.append(f"{rel} (not generated from the spec any more)")
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="fail if the committed output is stale"
    )
    args = parser.parse_args(argv)
    files = generate()
    if args.check:
        stale = stale_files(files)
        if stale:
            print("Generated code is stale; run `python -m codegen`:", file=sys.stderr)
            for line in stale:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"codegen --check: {len(files)} generated files are current")
        return 0
    for directory in GENERATED_DIRS:
        for path in (ROOT / directory).rglob("*.py"):
            if path.relative_to(ROOT) not in files:
                path.unlink()
    for path, text in files.items():
        target = ROOT / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_text() != text:
            target.write_text(text)
    print(f"codegen: wrote {len(files)} files from {SPEC.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
