"""Type checkers see every per-call option and every batch item's fields.

Each snippet below is checked by mypy --strict and by pyright. The good snippet must pass; each
bad line is marked with `# expect-error` and must be reported on exactly that line.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
from __future__ import annotations
import httpx
from honcho_client import AsyncHoncho, Honcho, RequestOptions
from honcho_client.types import MessageCreate

def calls(client: Honcho) -> None:
    client.apps.get("a", timeout=httpx.Timeout(2.0), max_retries=0, extra_headers={"X-A": "1"})
    client.apps.users.metamessages.create(
        "u", app_id="a", metamessage_type="x", content="c", extra_body={"k": 1}, extra_query={"q": 1}
    )
    client.apps.users.sessions.messages.batch(
        "s", app_id="a", user_id="u",
        messages=[{"content": "c", "is_user": True}, MessageCreate(content="d", is_user=False)],
    )
    options: RequestOptions = {"timeout": 1.0}
    client.apps.get("a", **options)

async def async_calls(client: AsyncHoncho) -> None:
    await client.apps.get("a", timeout=None)
"""

BAD = """
from __future__ import annotations
from honcho_client import Honcho

def calls(client: Honcho) -> None:
    client.apps.get("a", tmeout=1.0)  # expect-error
    client.apps.get("a", timeout="1s")  # expect-error
    client.apps.get("a", max_retries="2")  # expect-error
    client.apps.get("a", extra_headers={"X-A": 1})  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": 1, "is_user": True}])  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": "c"}])  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": "c", "is_user": True, "typo": 1}])  # expect-error
"""


def _expected_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), 1) if "# expect-error" in line}


def _write(tmp_path: Path, name: str, source: str) -> Path:
    path = tmp_path / name
    path.write_text(source.lstrip("\n"))
    return path


def _mypy_error_lines(path: Path) -> set[int]:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--config-file",
            "",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    return {int(line.split(":")[1]) for line in result.stdout.splitlines() if ": error:" in line}


def _pyright_error_lines(path: Path) -> set[int]:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.skip("pyright is not installed (it is in the dev extra)")
    result = subprocess.run(
        [pyright, "--pythonpath", sys.executable, str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    lines = set()
    for line in result.stdout.splitlines():
        if " - error:" in line and str(path) in line:
            lines.add(int(line.split(str(path) + ":")[1].split(":")[0]))
    return lines


@pytest.mark.parametrize(
    "checker", [_mypy_error_lines, _pyright_error_lines], ids=["mypy", "pyright"]
)
def test_correct_calls_pass(checker: Callable[[Path], set[int]], tmp_path: Path) -> None:
    path = _write(tmp_path, "good.py", GOOD)
    assert checker(path) == set()


@pytest.mark.parametrize(
    "checker", [_mypy_error_lines, _pyright_error_lines], ids=["mypy", "pyright"]
)
def test_wrong_options_and_items_are_flagged(
    checker: Callable[[Path], set[int]], tmp_path: Path
) -> None:
    path = _write(tmp_path, "bad.py", BAD)
    assert checker(path) == _expected_lines(BAD.lstrip("\n"))
