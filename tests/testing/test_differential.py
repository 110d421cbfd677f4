"""Seeded random differential: random valid and invalid requests to a reference and the fake.

The rule for CI: the live differential (real Honcho 1.1.0 as the reference, the served
FakeHoncho as the candidate) runs only when REAL_HONCHO, REAL_HONCHO_AUTH and
REAL_HONCHO_ADMIN_KEY are set, and is skipped otherwise. Without them the test instead
replays the committed reference side of earlier live runs (tests/cassettes/differential/)
against the fake ("fake vs recorded"), and checks the machinery fake against fake. Each
must agree on at least 99.5% of requests.

Full runs: ``python -m tests._recorder.differential --seed 1 2 3 --count 1000 [--record]``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from _recorder._cassette import CASSETTE_DIR, load_group
from _recorder._differential import Differential, Step, summary
from _recorder._replay import replay
from _recorder._targets import Target, fake_target, real_settings, real_target

from honcho_client.testing import FakeHoncho

AGREEMENT = 0.995
RECORDED = sorted((CASSETTE_DIR / "differential").glob("*.json"))
LIVE_COUNT = int(os.environ.get("HONCHO_DIFFERENTIAL_COUNT", "300"))


def _report(steps: list[Step]) -> str:
    return "\n".join(s.describe() for s in steps if not s.agrees)


@pytest.fixture(scope="module")
def fake_servers() -> Iterator[Target]:
    with fake_target() as served:
        yield served


@pytest.mark.parametrize("path", RECORDED, ids=[p.stem for p in RECORDED])
def test_recorded_differential_agrees_with_the_fake(fake_servers: Target, path: Path) -> None:
    total = agreeing = 0
    failures: list[str] = []
    for scenario in load_group(path):
        fake_servers.reset()
        outcomes = replay(
            scenario, fake_servers.wire(scenario.auth), fake_servers.fixed(scenario.auth)
        )
        total += len(outcomes)
        agreeing += sum(o.agrees for o in outcomes)
        failures += [o.describe() for o in outcomes if not o.agrees]
    assert total >= 1000
    assert agreeing / total >= AGREEMENT, "\n".join(failures)


def test_differential_recordings_exist() -> None:
    assert RECORDED, "record some with: python -m tests._recorder.differential --record"


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_live_differential(seed: int) -> None:
    settings = real_settings()
    if settings is None:
        pytest.skip("set REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY to run live")
    with real_target(settings) as real, fake_target() as candidate:
        steps = Differential(real, candidate, seed).run(LIVE_COUNT)
    total, agreeing, _ = summary(steps)
    assert agreeing / total >= AGREEMENT, _report(steps)


def _planned(steps: list[Step]) -> list[tuple[Any, ...]]:
    return [
        (
            s.mode,
            s.exchange.request.method,
            s.exchange.request.target,
            repr(s.exchange.request.body),
        )
        for s in steps
    ]


def test_fake_against_fake_agrees_and_is_reproducible() -> None:
    runs = []
    for _ in range(2):
        with fake_target() as reference, fake_target() as candidate:
            steps = Differential(reference, candidate, seed=11).run(250)
        assert all(s.agrees for s in steps), _report(steps)
        runs.append(_planned(steps))
    assert runs[0] == runs[1]
    assert len({target for _, _, target, _ in runs[0]}) > 50  # the requests vary
    methods = {method for _, method, _, _ in runs[0]}
    assert {"GET", "POST", "PUT", "DELETE"} <= methods


def test_differential_reports_a_changed_answer() -> None:
    changed = FakeHoncho()
    changed.fail_next(1, status=503, method="POST", path="/v1/apps/{app_id}/users")
    with fake_target() as reference, fake_target(plain=changed) as candidate:
        steps = Differential(reference, candidate, seed=11).run(150)
    failing = [s for s in steps if not s.agrees]
    assert failing
    first = failing[0]
    assert first.exchange.operation[0] == "POST"
    assert first.exchange.operation[1].endswith("/users")
    assert first.candidate is not None and first.candidate.status == 503
    assert any(d.startswith("status 503, recorded") for d in first.differences)
