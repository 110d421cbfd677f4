"""Seeded random differential: the real Honcho (reference) against the served FakeHoncho.

python -m tests._recorder.differential [--seed N ...] [--count N] [--record DIR] [--against-fake]

Needs REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY (the reference), unless
--against-fake (a second served fake as the reference: a self-check of the machinery).
Prints, per seed, the agreement rate and every request whose answers differ; --record
saves the reference's side of each run as a cassette (replayable without the server).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack
from pathlib import Path

from ._cassette import CASSETTE_DIR, save_group
from ._differential import Differential, summary
from ._targets import fake_target, real_settings, real_target

DIFFERENTIAL_DIR = CASSETTE_DIR / "differential"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests._recorder.differential", description=__doc__
    )
    parser.add_argument("--seed", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--record", type=Path, nargs="?", const=DIFFERENTIAL_DIR, default=None)
    parser.add_argument("--against-fake", action="store_true")
    parser.add_argument("--quiet", action="store_true", help="only the summary lines")
    args = parser.parse_args(argv)

    settings = real_settings()
    if settings is None and not args.against_fake:
        parser.error("set REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY")
    worst = 1.0
    for seed in args.seed:
        with ExitStack() as stack:
            reference = stack.enter_context(
                fake_target() if args.against_fake or settings is None else real_target(settings)
            )
            candidate = stack.enter_context(fake_target())
            started = time.monotonic()
            differential = Differential(reference, candidate, seed)
            steps = differential.run(args.count)
            total, agreeing, kinds = summary(steps)
            rate = agreeing / total if total else 1.0
            worst = min(worst, rate)
            if not args.quiet:
                for step in steps:
                    if not step.agrees:
                        print(step.describe(), flush=True)
            print(
                f"seed {seed}: {agreeing}/{total} agree ({rate:.2%}) "
                f"in {time.monotonic() - started:.1f} s; differing: {dict(kinds) or 'none'}",
                flush=True,
            )
            if args.record is not None:
                path = save_group(f"seed{seed}", differential.scenarios(), args.record)
                print(f"recorded {path}", flush=True)
    return 0 if worst >= 0.995 else 1


if __name__ == "__main__":
    sys.exit(main())
