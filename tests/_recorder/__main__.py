"""Record every scenario against live Honcho servers and write the cassettes.

python -m tests._recorder [--only NAME_OR_GROUP ...] [--out DIR]

Reads REAL_HONCHO (server without auth), REAL_HONCHO_AUTH (server with auth) and
REAL_HONCHO_ADMIN_KEY from the environment (or the matching options). Scenarios are
recorded in name order; each cassette file holds one group. With --only, only the
named scenarios or groups are recorded and the other scenarios of their files are kept.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from . import _scenarios  # noqa: F401  (registers the scenarios)
from ._cassette import CASSETTE_DIR, Scenario, load_group, save_group
from ._catalogue import ALL_TAGS
from ._recording import Recording
from ._registry import SCENARIOS, ScenarioSpec
from ._wire import Wire


def record(spec: ScenarioSpec, wire: Wire, admin_key: str | None) -> Scenario:
    recording = Recording(wire, auth=spec.auth, admin_key=admin_key, known=ALL_TAGS)
    spec.run(recording)
    return Scenario(spec.name, spec.auth, recording.exchanges, spec.description)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests._recorder", description=__doc__)
    parser.add_argument("--base-url", default=os.environ.get("REAL_HONCHO"))
    parser.add_argument("--auth-url", default=os.environ.get("REAL_HONCHO_AUTH"))
    parser.add_argument("--admin-key", default=os.environ.get("REAL_HONCHO_ADMIN_KEY"))
    parser.add_argument("--only", nargs="*", default=None, help="scenario names or groups")
    parser.add_argument("--out", type=Path, default=CASSETTE_DIR)
    args = parser.parse_args(argv)

    specs = sorted(SCENARIOS.values(), key=lambda s: s.name)
    if args.only:
        specs = [s for s in specs if s.name in args.only or s.group in args.only]
        if not specs:
            parser.error(f"no scenario matches {args.only}")
    if any(not s.auth for s in specs) and not args.base_url:
        parser.error("set REAL_HONCHO (or --base-url)")
    if any(s.auth for s in specs) and not (args.auth_url and args.admin_key):
        parser.error("set REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY (or the options)")

    groups: dict[str, list[Scenario]] = {}
    with Wire(args.base_url or "") as plain, Wire(args.auth_url or "") as authed:
        for spec in specs:
            started = time.monotonic()
            wire = authed if spec.auth else plain
            recorded = record(spec, wire, args.admin_key if spec.auth else None)
            groups.setdefault(spec.group, []).append(recorded)
            print(
                f"{spec.name:45} {len(recorded.exchanges):4} exchanges "
                f"{time.monotonic() - started:6.1f} s",
                flush=True,
            )
    total = 0
    for group, scenarios in groups.items():
        path = args.out / f"{group}.json"
        if args.only and path.exists():
            fresh = {s.name for s in scenarios}
            kept = [s for s in load_group(path) if s.name not in fresh]
            scenarios = sorted(kept + scenarios, key=lambda s: s.name)
        save_group(group, scenarios, args.out)
        total += sum(len(s.exchanges) for s in scenarios)
        print(f"wrote {path}", flush=True)
    print(f"{total} exchanges in the written files", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
