"""The docs page of FakeHoncho (docs/testing.md) names every public knob.

Its code blocks are run by tests/docs/test_code_blocks.py, with every other page's.
"""

from __future__ import annotations

from pathlib import Path

from honcho_client.testing import FakeHoncho

PAGE = Path(__file__).resolve().parents[2] / "docs" / "testing.md"


def test_every_public_knob_is_documented() -> None:
    text = PAGE.read_text(encoding="utf-8")
    public = {name for name in dir(FakeHoncho) if not name.startswith("_")} - {"set_delay"}
    missing = sorted(name for name in public if f"fake.{name}" not in text)
    assert missing == []
    for argument in ("require_auth", "api_keys", "responder", "seed", "server_defects"):
        assert f"{argument}=" in text
    assert "request_log_size=" in text
