"""Replay the cassettes against the served FakeHoncho (or a live server) and list disagreements.

python -m tests._recorder.check [--against fake|real] [--only NAME_OR_GROUP ...] [--markdown]

Prints one entry per exchange whose answer differs from the recording: the request, the
recorded (real) answer, the actual answer and the differences. Exit status 1 when any
exchange disagrees.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from ._cassette import Exchange, load_all
from ._replay import Outcome, replay
from ._targets import fake_target, real_settings, real_target


def _short(value: Any, limit: int = 400) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(exchange: Exchange, outcome: Outcome, markdown: bool) -> str:
    request = exchange.request
    lines = [f"{outcome.scenario}[{outcome.index}] {request.method} {request.target}"]
    auth = request.headers.get("authorization")
    if auth:
        lines.append(f"  authorization: {auth}")
    if request.body_kind is not None:
        lines.append(f"  request {request.body_kind}: {_short(request.body)}")
    recorded = exchange.response
    lines.append(f"  real: {recorded.status} {_short(recorded.body)}")
    if outcome.answer is not None:
        lines.append(f"  fake: {outcome.answer.status} {_short(outcome.answer.body)}")
    lines += [f"  - {d}" for d in outcome.differences]
    if markdown:
        return "- `" + lines[0] + "`\n" + "\n".join("  " + line for line in lines[1:])
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests._recorder.check", description=__doc__)
    parser.add_argument("--against", choices=("fake", "real"), default="fake")
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args(argv)

    scenarios = load_all()
    if args.only:
        scenarios = [
            s for s in scenarios if s.name in args.only or s.name.partition(".")[0] in args.only
        ]
    if args.against == "real":
        settings = real_settings()
        if settings is None:
            parser.error("set REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY")
        context = real_target(settings)
    else:
        context = fake_target()
    total = failed = 0
    with context as target:
        for scenario in scenarios:
            target.reset()
            outcomes = replay(scenario, target.wire(scenario.auth), target.fixed(scenario.auth))
            for exchange, outcome in zip(scenario.exchanges, outcomes, strict=True):
                total += 1
                if not outcome.agrees:
                    failed += 1
                    print(describe(exchange, outcome, args.markdown), flush=True)
    print(f"\n{total - failed} of {total} exchanges agree ({failed} differ)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
