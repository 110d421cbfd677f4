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
    client.apps.get(app_id="a", timeout=httpx.Timeout(2.0), max_retries=0, extra_headers={"X-A": "1"})
    client.apps.users.metamessages.create(
        "u", app_id="a", metamessage_type="x", content="c", extra_body={"k": 1}, extra_query={"q": 1}
    )
    client.apps.users.sessions.messages.batch(
        "s", app_id="a", user_id="u",
        messages=[{"content": "c", "is_user": True}, MessageCreate(content="d", is_user=False)],
    )
    options: RequestOptions = {"timeout": 1.0}
    client.apps.get(app_id="a", **options)

async def async_calls(client: AsyncHoncho) -> None:
    await client.apps.get(app_id="a", timeout=None)
"""

BAD = """
from __future__ import annotations
from honcho_client import Honcho

def calls(client: Honcho) -> None:
    client.apps.get(app_id="a", tmeout=1.0)  # expect-error
    client.apps.get(app_id="a", timeout="1s")  # expect-error
    client.apps.get(app_id="a", max_retries="2")  # expect-error
    client.apps.get(app_id="a", extra_headers={"X-A": 1})  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": 1, "is_user": True}])  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": "c"}])  # expect-error
    client.apps.users.sessions.messages.batch("s", app_id="a", user_id="u", messages=[{"content": "c", "is_user": True, "typo": 1}])  # expect-error
"""


def _expected_lines(source: str) -> set[int]:
    return {n for n, line in enumerate(source.splitlines(), 1) if "# expect-error" in line}


def _mypy(paths: list[Path]) -> str:
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", ""]
    command += map(str, paths)
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout


def _pyright(paths: list[Path]) -> str:
    pyright = shutil.which("pyright", path=str(Path(sys.executable).parent))
    if pyright is None:
        pytest.skip("pyright is not installed (it is in the dev extra)")
    command = [pyright, "--pythonpath", sys.executable, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT).stdout


def _error_lines(report: str, path: Path) -> set[int]:
    """Lines of `path` with an error, from mypy's `file:line: error:` or pyright's
    `file:line:col - error:` output."""
    lines = set()
    for line in report.splitlines():
        if line.strip().startswith(str(path) + ":") and "error" in line.split(str(path))[1][:20]:
            lines.add(int(line.strip()[len(str(path)) + 1 :].split(":")[0]))
    return lines


@pytest.mark.parametrize("checker", [_mypy, _pyright], ids=["mypy", "pyright"])
def test_checker_passes_good_calls_and_flags_each_mistake(
    checker: Callable[[list[Path]], str], tmp_path: Path
) -> None:
    good, bad = tmp_path / "good.py", tmp_path / "bad.py"
    good.write_text(GOOD.lstrip("\n"))
    bad.write_text(BAD.lstrip("\n"))
    report = checker([good, bad])
    assert _error_lines(report, good) == set(), report
    assert _error_lines(report, bad) == _expected_lines(BAD.lstrip("\n")), report


HOVER = """
from honcho_client import AsyncHoncho, Honcho

def hover(c: Honcho, a: AsyncHoncho) -> None:
    reveal_type(c.apps.users.metamessages.create)
    reveal_type(c.with_raw_response.apps.create)
    reveal_type(a.apps.users.list)
    reveal_type(a.with_streaming_response.apps.get)
"""


def test_an_editor_shows_each_views_real_parameters_and_result(tmp_path: Path) -> None:
    """What pyright (and so an editor's hover) shows for a method on each view."""
    snippet = tmp_path / "hover.py"
    snippet.write_text(HOVER.lstrip("\n"))
    report = _pyright([snippet])
    shown = [
        line.split(" is ", 1)[1].strip('"') for line in report.splitlines() if "Type of" in line
    ]
    assert shown == [
        "(user_id: str, *, app_id: str, metamessage_type: str, content: str, "
        "session_id: str | Omit | None = omit, message_id: str | Omit | None = omit, "
        "metadata: Mapping[str, object] | Omit = omit, **options: **RequestOptions) -> Metamessage",
        "(*, name: str, metadata: Mapping[str, object] | Omit = omit, "
        "**options: **RequestOptions) -> APIResponse[App]",
        "(app_id: str, *, filter: Mapping[str, object] | Omit | None = omit, "
        "reverse: bool | Omit = omit, page: int | Omit = omit, size: int | Omit = omit, "
        "**options: **RequestOptions) -> AsyncPaginator[User]",
        "(*, app_id: str | Omit | None = omit, **options: **RequestOptions) "
        "-> AsyncResponseManager[App]",
    ], report
