"""The package as a user installs it: build the sdist and the wheel, install the wheel into a
clean venv, and run the quickstart from it, outside the checkout.

    python tests/packaging/check_wheel.py

`python -m build` builds the sdist, then the wheel from the sdist, so a file the sdist leaves
out breaks the wheel too. The clean venv gets the wheel and its declared dependencies from the
package index, nothing from the checkout. Run by CI (.ci/run); exits non-zero on a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SDIST_MUST_HOLD = [
    "README.md",
    "openapi.yaml",
    "api.md",
    "pyproject.toml",
    "examples/quickstart.py",
    "honcho_client/py.typed",
]
WHEEL_MUST_HOLD = [
    "honcho_client/__init__.py",
    "honcho_client/py.typed",
    "honcho_client/_core/models.py",
    "honcho_client/testing/__init__.py",
    "honcho_client/types/app.py",
]


def run(command: list[str], *, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    print("$", " ".join(command), flush=True)
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout


def only(paths: list[Path], what: str) -> Path:
    if len(paths) != 1:
        sys.exit(f"expected one {what}, found {[p.name for p in paths]}")
    return paths[0]


def missing(names: set[str], wanted: list[str]) -> list[str]:
    return [want for want in wanted if want not in names]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="honcho-wheel-") as temp:
        tmp = Path(temp)
        dist = tmp / "dist"
        run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)])
        sdist = only(sorted(dist.glob("*.tar.gz")), "sdist")
        wheel = only(sorted(dist.glob("*.whl")), "wheel")

        with tarfile.open(sdist) as archive:
            names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
        if lost := missing(names, SDIST_MUST_HOLD):
            sys.exit(f"{sdist.name} lacks {lost}")
        with zipfile.ZipFile(wheel) as archive:
            names = set(archive.namelist())
        if lost := missing(names, WHEEL_MUST_HOLD):
            sys.exit(f"{wheel.name} lacks {lost}")
        if strays := sorted(n for n in names if n.startswith(("tests/", "codegen/", "bench/"))):
            sys.exit(f"{wheel.name} holds files that are not the package: {strays[:5]}")

        env_dir = tmp / "venv"
        venv.create(env_dir, with_pip=True)
        python = str(env_dir / "bin" / "python")
        run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)])

        elsewhere = tmp / "elsewhere"
        elsewhere.mkdir()
        shutil.copy(ROOT / "examples" / "quickstart.py", elsewhere / "quickstart.py")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HONCHO_", "PYTHON"))}
        where = run(
            [python, "-I", "-c", "import honcho_client; print(honcho_client.__file__)"],
            cwd=elsewhere,
            env=env,
        )
        if not Path(where.strip()).is_relative_to(env_dir):
            sys.exit(f"honcho_client was imported from {where.strip()}, not from the clean venv")
        out = run([python, "-I", "quickstart.py"], cwd=elsewhere, env=env)
        if "the in-process Honcho" not in out or "chat" not in out:
            sys.exit(f"the quickstart did not run through:\n{out}")
        print(out)
        print(
            f"ok: {sdist.name} and {wheel.name} build; the wheel installs and runs the quickstart"
        )


if __name__ == "__main__":
    main()
