"""`python -m codegen`: deterministic output, and `--check` naming every stale file."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import codegen.__main__ as cli
from codegen import _spec, _unasync

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def generated() -> dict[Path, str]:
    return cli.generate()


def test_committed_output_is_current(generated: dict[Path, str]) -> None:
    assert cli.stale_files(generated) == []


def test_output_is_deterministic(generated: dict[Path, str]) -> None:
    assert cli.generate() == generated


def test_every_generated_file_has_the_marker(generated: dict[Path, str]) -> None:
    for path, text in generated.items():
        first = text.splitlines()[0]
        assert "Generated" in first and "Do not edit" in first, path


def test_changed_max_length_makes_check_fail_naming_the_files(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(
        ROOT,
        repo,
        ignore=shutil.ignore_patterns(".venv", "node_modules", ".git", "*_cache", "bench"),
    )
    spec = repo / "openapi.yaml"
    text = spec.read_text()
    marker = "maxLength: 50\n"
    assert text.count(marker) >= 1
    spec.write_text(text.replace(marker, "maxLength: 51\n", 1))
    done = subprocess.run(
        [sys.executable, "-m", "codegen", "--check"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    # The rule lives once, in the request model; the resource module only names the model.
    assert "honcho_client/types/metamessage_create.py (differs)" in done.stderr
    assert "honcho_client/_spec_info.py (differs)" in done.stderr
    assert "api.md (differs)" in done.stderr
    assert "resources/" not in done.stderr


def test_an_edited_sync_twin_is_stale(generated: dict[Path, str]) -> None:
    path = _unasync.CLIENT_DIR / "sync_client.py"
    edited = dict(generated)
    edited[path] = generated[path] + "\n# edited by hand\n"
    assert cli.stale_files(edited) == [f"{path} (differs)"]


def test_unasync_rewrites_async_constructs() -> None:
    source = (
        '"""Doc."""\n'
        "from .async_pages import AsyncPage\n"
        "class AsyncThing:\n"
        "    async def close(self) -> None:\n"
        "        await self._http.aclose()\n"
        "        import anyio\n"
        "\n"
        "        await anyio.sleep(1)\n"
        "    async def __aiter__(self) -> AsyncIterator[Awaitable[list[int]]]:\n"
        "        async for x in self.response.aiter_bytes():\n"
        "            yield x\n"
    )
    out = _unasync.unasync_source(source, "_thing.py")
    assert "class Thing:" in out
    assert "def close(self) -> None:" in out and "async" not in out.split('"""', 2)[2]
    assert "self._http.close()" in out and "time.sleep(1)" in out and "anyio" not in out
    assert "from .sync_pages import SyncPage" in out
    assert "def __iter__(self) -> Iterator[list[int]]:" in out
    assert "for x in self.response.iter_bytes():" in out


def test_spec_model_covers_the_api() -> None:
    api = _spec.load(ROOT / "openapi.yaml")
    assert len(api.ops) == 41
    # The 41 schemas, less the 7 page envelopes (parsed by the generic Page[T]), plus the two
    # SDK-side result schemas (KeyCreated, Deleted).
    names = {m.class_name for m in api.models}
    assert len(api.models) == 36
    assert {"KeyCreated", "Deleted"} <= names
    assert not {n for n in names if n.startswith("Page")}
    unsafe = sorted(op.dotted for op in api.ops if not op.safe)
    assert unsafe == sorted(
        [
            "apps.create",
            "apps.users.create",
            "apps.users.sessions.create",
            "apps.users.sessions.chat",
            "apps.users.sessions.clone",
            "apps.users.sessions.messages.create",
            "apps.users.sessions.messages.batch",
            "apps.users.metamessages.create",
            "apps.users.collections.create",
            "apps.users.collections.documents.create",
            "keys.create",
        ]
    )
