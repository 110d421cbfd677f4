"""Every Python block of README.md and docs/ runs, against the in-process Honcho.

The blocks of one page run in order in one namespace, as a reader meets them, with
HONCHO_BASE_URL pointing at a `FakeHoncho` served on 127.0.0.1, so `Honcho()` and
`AsyncHoncho()` talk to it over real sockets. A block that needs something else (a real server,
a proxy, a package the project does not install) is preceded by a comment saying what, e.g.
`<!-- not run: needs a proxy at proxy.internal:3128 -->`, and is skipped with that reason.
"""

from __future__ import annotations

import logging
import re
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from honcho_client.testing import FakeHoncho

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = [README, *sorted((ROOT / "docs").glob("*.md"))]
NOT_RUN = re.compile(r"^<!--\s*not run:(.*?)-->$")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<info>.*)$")


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # of the opening fence, 1-based
    code: str
    not_run: str | None  # why the block is not run, from the comment before it

    @property
    def name(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def python_blocks(page: Path) -> list[Block]:
    """The page's ```python blocks; fences nested in a longer fence are text, not blocks."""
    lines = page.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        fence, start = opening["fence"], i
        closing = re.compile(rf"^\s*{re.escape(fence[0])}{{{len(fence)},}}\s*$")
        i += 1
        body: list[str] = []
        while i < len(lines) and not closing.match(lines[i]):
            body.append(lines[i])
            i += 1
        i += 1
        if opening["info"].split()[:1] not in (["python"], ["py"]):
            continue
        before = next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")
        marker = NOT_RUN.match(before)
        reason = marker[1].strip() if marker else None
        code = textwrap.dedent("\n".join(body)) + "\n"
        blocks.append(Block(page, start + 1, code, reason))
    return blocks


BLOCKS = [block for page in PAGES for block in python_blocks(page)]


def run(block: Block, namespace: dict[str, object]) -> None:
    # Leading newlines make a traceback's line numbers those of the page.
    source = "\n" * block.line + block.code
    exec(compile(source, str(block.page), "exec"), namespace)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeHoncho]:
    """A FakeHoncho on 127.0.0.1 that `Honcho()` finds through HONCHO_BASE_URL."""
    fake = FakeHoncho()
    logger = logging.getLogger("honcho_client")
    level, root_handlers = logger.level, list(logging.getLogger().handlers)
    with fake.serve() as server:
        monkeypatch.setenv("HONCHO_BASE_URL", server.url)
        monkeypatch.delenv("HONCHO_API_KEY", raising=False)
        monkeypatch.delenv("HONCHO_LOG", raising=False)
        yield fake
    logger.setLevel(level)  # a page may configure logging; leave it as it was
    logging.getLogger().handlers[:] = root_handlers


def test_blocks_are_found_on_every_page() -> None:
    pages_with_code = {block.page for block in BLOCKS}
    assert README in pages_with_code
    assert len(pages_with_code) >= 10
    assert all(block.not_run for block in BLOCKS if block.not_run is not None)  # a reason each


@pytest.mark.parametrize("block", BLOCKS, ids=[block.name for block in BLOCKS])
def test_block_runs(block: Block, served: FakeHoncho) -> None:
    if block.not_run is not None:
        pytest.skip(block.not_run)
    namespace: dict[str, object] = {"__name__": "docs_example"}
    for earlier in BLOCKS:
        if earlier.page == block.page and earlier.line < block.line and not earlier.not_run:
            run(earlier, namespace)
    run(block, namespace)


def test_the_readme_first_program_is_safe_to_run_twice(served: FakeHoncho) -> None:
    first = next(block for block in BLOCKS if block.page == README)
    assert "get_or_create" in first.code
    for _ in range(2):
        run(first, {"__name__": "docs_example"})
    assert [app["name"] for app in served.apps] == ["my-agent"]
    assert [user["name"] for user in served.users] == ["alice"]
    assert len(served.sessions) == 2


def test_readme_is_short_and_its_links_lead_somewhere() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert local
    missing = [t for t in local if not (ROOT / t).exists()]
    assert missing == []


def test_a_marked_block_is_skipped_and_nested_fences_are_text(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Text\n\n<!-- not run: needs a proxy -->\n```python\nraise SystemExit\n```\n\n"
        "````markdown\n```python\nraise SystemExit\n```\n````\n\n"
        "- item\n\n  ```py\n  x = 1\n  ```\n\n```sh\nexit 1\n```\n",
        encoding="utf-8",
    )
    blocks = python_blocks(page)
    assert [(b.line, b.code, b.not_run) for b in blocks] == [
        (4, "raise SystemExit\n", "needs a proxy"),
        (16, "x = 1\n", None),
    ]
