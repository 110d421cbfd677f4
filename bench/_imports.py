"""Part 2: import time and peak RSS of `import honcho_client`, in fresh processes.

Every command runs as `python -c "<code>"` in a new process of a clean venv (bench/.venv-import)
holding only honcho_client's runtime dependencies and honcho-ai 0.2.0, from a neutral working
directory, with PYTHON* variables removed. Commands are interleaved round by round; the first
round only warms the disk cache and is dropped. Per command: wall time from spawn to exit, and
the child's peak RSS (`VmHWM`, which it prints at exit).

The venv is created on first use (`python -m venv` and a non-editable `pip install` of the
project) and reused; honcho_client is reinstalled whenever its sources change (hash marker).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from ._contenders import HONCHO_AI_INSTALL
from ._rounds import Samples, paired_ratio
from ._table import Budget, Row, at_most

__all__ = ["ImportVenv", "ensure_venv", "run_imports"]

BENCH_DIR: Final = Path(__file__).resolve().parent
PROJECT_ROOT: Final = BENCH_DIR.parent
VENV_DIR: Final = BENCH_DIR / ".venv-import"
_MARKER: Final = VENV_DIR / ".honcho_client-source-hash"
_PIP_TIMEOUT_S: Final = 600.0
_CHILD_TIMEOUT_S: Final = 60.0
HONCHO_AI_PIN: Final = "honcho-ai==0.2.0"

PYTHON_START: Final = "pass"
FLOOR: Final = "import httpx, pydantic"
OURS: Final = "import honcho_client"
OURS_CLIENTS: Final = "from honcho_client import Honcho, AsyncHoncho"
HONCHO_AI: Final = "import honcho"
SYNC_ONLY: Final = "from honcho_client import Honcho"
# A sync program must not pay for an event loop it does not use.
NOTHING_ASYNC: Final = Budget("value", "<=", 0, "none of asyncio, anyio, aiohttp")


@dataclass
class ImportVenv:
    """The clean venv, and what was done to it in this run."""

    python: Path
    has_honcho_ai: bool
    notes: list[str] = field(default_factory=list)


def _source_hash() -> str:
    digest = hashlib.sha256()
    files = [PROJECT_ROOT / "pyproject.toml", *sorted((PROJECT_ROOT / "honcho_client").rglob("*"))]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _pip(python: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", "-q", *args],
        capture_output=True,
        text=True,
        timeout=_PIP_TIMEOUT_S,
        check=False,
    )


def _can_import(python: Path, module: str) -> bool:
    code = f"import importlib.util, sys; sys.exit(importlib.util.find_spec({module!r}) is None)"
    result = subprocess.run(
        [str(python), "-c", code], env=_clean_env(), cwd=VENV_DIR, timeout=60, check=False
    )
    return result.returncode == 0


def ensure_venv(log: list[str]) -> ImportVenv:
    """Create or refresh bench/.venv-import; raise RuntimeError if honcho_client can't go in."""
    python = VENV_DIR / "bin" / "python"
    venv = ImportVenv(python, has_honcho_ai=False)
    created = False
    if not python.exists():
        log.append(f"creating {VENV_DIR.relative_to(PROJECT_ROOT)} ...")
        subprocess.run(
            [sys.executable, "-m", "venv", str(VENV_DIR)], check=True, timeout=_PIP_TIMEOUT_S
        )
        created = True
    wanted = _source_hash()
    installed = _MARKER.read_text().strip() if _MARKER.exists() else ""
    if created or installed != wanted:
        args = (
            [str(PROJECT_ROOT)]
            if created
            else ["--force-reinstall", "--no-deps", str(PROJECT_ROOT)]
        )
        log.append("installing honcho_client (non-editable) into the import venv ...")
        result = _pip(python, "install", *args)
        if result.returncode != 0:
            raise RuntimeError(f"pip install of honcho_client failed:\n{result.stderr[-2000:]}")
        _MARKER.write_text(wanted + "\n")
        venv.notes.append("import venv: honcho_client (re)installed, non-editable")
    else:
        venv.notes.append("import venv: reused, honcho_client non-editable and up to date")
    if not _can_import(python, "honcho"):
        result = _pip(python, "install", HONCHO_AI_PIN)
        if result.returncode != 0:
            venv.notes.append(f"honcho-ai not installed in the import venv: {result.stderr[-300:]}")
    venv.has_honcho_ai = _can_import(python, "honcho")
    check = subprocess.run(
        [str(python), "-m", "pip", "check"], capture_output=True, text=True, timeout=120
    )
    verdict = "no conflicts" if check.returncode == 0 else check.stdout.strip()
    venv.notes.append(f"import venv `pip check`: {verdict}")
    return venv


def _clean_env() -> dict[str, str]:
    drop = ("PYTHON", "VIRTUAL_ENV")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}


# Appended to every command: the child prints its own peak RSS. `VmHWM` is per address space,
# so, unlike `ru_maxrss`, it does not include what the process inherited from our fork.
_REPORT_RSS: Final = """
try:
    print(open("/proc/self/status").read())
except OSError:
    import resource
    print("ru_maxrss:", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _peak_rss_mib(report: str) -> float:
    for line in report.splitlines():
        key, _, value = line.partition(":")
        if key == "VmHWM":  # "  12345 kB"
            return int(value.split()[0]) / 1024.0
        if key == "ru_maxrss":  # KiB on Linux, bytes on macOS
            raw = int(value.strip())
            return raw / 2**20 if sys.platform == "darwin" else raw / 1024.0
    raise RuntimeError("the child did not report its peak RSS")


def _spawn(python: Path, code: str, env: dict[str, str]) -> tuple[float, float]:
    """Run `python -c code` once; (wall ms from spawn to exit, child's peak RSS in MiB)."""
    start = time.perf_counter()
    result = subprocess.run(
        [str(python), "-c", code + _REPORT_RSS],
        cwd=VENV_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=_CHILD_TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"`python -c {code!r}` failed ({result.returncode}): {result.stderr}")
    return elapsed * 1000.0, _peak_rss_mib(result.stdout)


def _modules_loaded(python: Path, code: str, env: dict[str, str]) -> set[str]:
    """The names in `sys.modules` after running `code` in a fresh process."""
    report = "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run(
        [str(python), "-c", code + report],
        cwd=VENV_DIR,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=_CHILD_TIMEOUT_S,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"`python -c {code!r}` failed ({result.returncode}): {result.stderr}")
    return set(result.stdout.split())


def run_imports(venv: ImportVenv, rounds: int, time_limit: float) -> list[Row]:
    """Interleave the import commands for `rounds` rounds (+1 warm-up round); return rows."""
    codes = [PYTHON_START, FLOOR, OURS, OURS_CLIENTS]
    if venv.has_honcho_ai:
        codes.append(HONCHO_AI)
    env = _clean_env()
    times, rss = Samples(), Samples()
    deadline = time.monotonic() + time_limit
    for r in range(rounds + 1):
        if r > 11 and time.monotonic() > deadline:
            break
        for i in range(len(codes)):
            code = codes[(r + i) % len(codes)]
            ms, mib = _spawn(venv.python, code, env)
            if r > 0:
                times.add(code, ms)
                rss.add(code, mib)
    n = times.rounds()
    start_ms = times.median(PYTHON_START) or 0.0

    def other(samples: Samples, unit: str) -> str:
        value = samples.median(HONCHO_AI)
        if value is None:
            return f"n/a ({HONCHO_AI_INSTALL})"
        return f"{value:.1f} {unit} ({paired_ratio(samples, HONCHO_AI, FLOOR) or 0:.2f}x)"

    floor_ms = f"{times.median(FLOOR) or 0:.1f} ms `{FLOOR}`"
    floor_rss = f"{rss.median(FLOOR) or 0:.1f} MiB `{FLOOR}`"
    sync_modules = _modules_loaded(venv.python, SYNC_ONLY, env)
    pulled = sorted(m for m in ("asyncio", "anyio", "aiohttp") if m in sync_modules)
    return [
        Row(
            part="2 import",
            figure=f"`{OURS}`: ms per process [{n} rounds; `python -c pass` {start_ms:.1f} ms]",
            ours=f"{times.median(OURS) or 0:.1f} ms",
            baseline=floor_ms,
            ratio=paired_ratio(times, OURS, FLOOR),
            other=other(times, "ms"),
            budget=at_most(1.15),
        ),
        Row(
            part="2 import",
            figure=f"`{OURS}`: peak RSS",
            ours=f"{rss.median(OURS) or 0:.1f} MiB",
            baseline=floor_rss,
            ratio=paired_ratio(rss, OURS, FLOOR),
            other=other(rss, "MiB"),
            budget=at_most(1.15),
        ),
        Row(
            part="2 import",
            figure=f"`{OURS_CLIENTS}`: ms per process",
            ours=f"{times.median(OURS_CLIENTS) or 0:.1f} ms",
            baseline=floor_ms,
            ratio=paired_ratio(times, OURS_CLIENTS, FLOOR),
            budget=at_most(1.15),
        ),
        Row(
            part="2 import",
            figure=f"`{OURS_CLIENTS}`: peak RSS",
            ours=f"{rss.median(OURS_CLIENTS) or 0:.1f} MiB",
            baseline=floor_rss,
            ratio=paired_ratio(rss, OURS_CLIENTS, FLOOR),
        ),
        Row(
            part="2 import",
            figure=f"`{SYNC_ONLY}`: event-loop modules imported",
            ours=", ".join(pulled) or "none",
            baseline="—",
            budget=NOTHING_ASYNC,
            value=float(len(pulled)),
        ),
    ]
