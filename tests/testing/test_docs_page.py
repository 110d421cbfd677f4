"""The README's section on FakeHoncho: its examples run, and it names every public knob."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from honcho_client.testing import FakeHoncho

README = Path(__file__).resolve().parents[2] / "README.md"


def section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Testing your agent")
    return text[start : text.index("\n## ", start + 1)]


EXAMPLES = re.findall(r"```python\n(.*?)```", section(), flags=re.DOTALL)


def test_the_section_has_examples() -> None:
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("code", EXAMPLES, ids=[f"example{i}" for i in range(len(EXAMPLES))])
def test_example_runs(code: str) -> None:
    exec(compile(code, str(README), "exec"), {"__name__": "readme_example"})


def test_every_public_knob_is_documented() -> None:
    text = section()
    public = {name for name in dir(FakeHoncho) if not name.startswith("_")} - {"set_delay"}
    missing = sorted(name for name in public if f"fake.{name}" not in text)
    assert missing == []
    for argument in ("require_auth", "api_keys", "responder", "seed", "server_defects"):
        assert f"{argument}=" in text
    assert "request_log_size=" in text
