"""`python -m codegen [--check]`: regenerate, or check that the committed output is current.

With `--spec`, `--package` and `--out` it writes a client package for another document instead
(its own `Client`/`AsyncClient`, on honcho_client's runtime).
"""

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
DEFAULT = _render.Target(spec=SPEC)


def generated_dirs(target: _render.Target) -> list[Path]:
    """Directories whose every .py file is generated: a file there that is not generated is stale."""
    base = Path(*target.package.split("."))
    return [base / "types", base / "resources"]


def generate(target: _render.Target = DEFAULT) -> dict[Path, str]:
    """Every generated file, formatted, by path relative to the output root."""
    spec_text = target.spec.read_bytes()
    api = _spec.load(target.spec)
    files = _render.render(api, spec_text, target, api.docs)
    if target == DEFAULT:
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
        packages = sorted({path.parts[0] for path in files if path.suffix == ".py"})
        ruff = [sys.executable, "-m", "ruff"]
        subprocess.run(
            [*ruff, "check", "--quiet", "--fix-only", "--select", "I,F401,UP,RUF022", *packages],
            cwd=base,
            check=False,
        )
        subprocess.run([*ruff, "format", "--quiet", *packages], cwd=base, check=True)
        return {path: (base / path).read_text() for path in files}


def stale_files(
    files: dict[Path, str], out: Path = ROOT, target: _render.Target = DEFAULT
) -> list[str]:
    stale = []
    for path, text in sorted(files.items()):
        where = out / path
        if not where.exists():
            stale.append(f"{path} (missing)")
        elif where.read_text() != text:
            stale.append(f"{path} (differs)")
    for directory in generated_dirs(target):
        for path in sorted((out / directory).rglob("*.py")):
            rel = path.relative_to(out)
            if rel not in files:
                stale.append(f"{rel} (not generated from the spec any more)")
    return stale


def write(files: dict[Path, str], out: Path = ROOT, target: _render.Target = DEFAULT) -> None:
    for directory in generated_dirs(target):
        for path in (out / directory).rglob("*.py"):
            if path.relative_to(out) not in files:
                path.unlink()
    for path, text in files.items():
        where = out / path
        where.parent.mkdir(parents=True, exist_ok=True)
        if not where.exists() or where.read_text() != text:
            where.write_text(text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m codegen", description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the output is stale")
    parser.add_argument("--spec", type=Path, help="another OpenAPI document (JSON or YAML)")
    parser.add_argument("--package", help="the package to write for --spec (a Python name)")
    parser.add_argument("--out", type=Path, help="the directory to write --package into")
    args = parser.parse_args(argv)
    target, out = DEFAULT, ROOT
    if args.spec or args.package or args.out:
        if not (args.spec and args.package and args.out):
            parser.error("--spec, --package and --out go together")
        if not all(part.isidentifier() for part in args.package.split(".")):
            parser.error(f"--package must be a Python package name, got {args.package!r}")
        target = _render.Target(spec=args.spec.resolve(), package=args.package, clients=True)
        out = args.out
    try:
        files = generate(target)
    except _spec.SpecError as error:
        print(f"codegen: {target.spec.name}: {error}", file=sys.stderr)
        return 2
    if args.check:
        stale = stale_files(files, out, target)
        if stale:
            print("Generated code is stale; run `python -m codegen`:", file=sys.stderr)
            for line in stale:
                print(f"  {line}", file=sys.stderr)
            return 1
        print(f"codegen --check: {len(files)} generated files are current")
        return 0
    write(files, out, target)
    print(f"codegen: wrote {len(files)} files from {target.spec.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
