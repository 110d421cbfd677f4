"""`python -m bench`: run every benchmark part in one process tree and print one table.

    python -m bench            # full run, about a quarter of an hour
    python -m bench --quick    # CI: proves every part works, well under 2 minutes
    python -m bench --enforce  # exit 1 when a budget is missed

Budgets are printed (PASS/MISS) and only enforced with `--enforce`. Progress goes to stderr,
the table to stdout.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Final

import httpx
import pydantic

from ._contenders import (
    AIOHTTP_INSTALL,
    HONCHO_AI_INSTALL,
    aiohttp_available,
    honcho_ai_available,
)
from ._table import Row, missed, render
from ._throughput import Settings

PARTS: Final = ("overhead", "imports", "throughput", "pagination", "fake_memory")


@dataclass(frozen=True)
class Plan:
    """How much of each part to run; every part is also bounded by its time limit (s)."""

    overhead_rounds: int
    overhead_round_s: float
    overhead_limit_s: float
    import_rounds: int
    import_limit_s: float
    throughput: Settings
    pagination_long: int
    pagination_short: int
    pagination_rounds: int
    pagination_limit_s: float
    fake_memory_short: int = 1_000
    fake_memory_long: int = 100_000


FULL: Final = Plan(
    overhead_rounds=21,
    overhead_round_s=0.08,
    overhead_limit_s=150.0,
    import_rounds=21,
    import_limit_s=120.0,
    throughput=Settings(
        rounds=7,
        per_round=500,
        burst_rounds=3,
        time_limit=200.0,
        gather_timeout=60.0,
        with_honcho_ai=True,
        burst_baselines=True,
        baseline_max_concurrency=1000,
        runs=3,
    ),
    pagination_long=100_000,
    pagination_short=1_000,
    pagination_rounds=3,
    pagination_limit_s=200.0,
)
QUICK: Final = Plan(
    overhead_rounds=5,
    overhead_round_s=0.02,
    overhead_limit_s=12.0,
    import_rounds=11,
    import_limit_s=30.0,
    throughput=Settings(
        rounds=1,
        per_round=100,
        burst_rounds=1,
        time_limit=30.0,
        gather_timeout=60.0,
        with_honcho_ai=False,
        burst_baselines=False,
        baseline_max_concurrency=100,
        runs=1,
    ),
    pagination_long=20_000,
    pagination_short=1_000,
    pagination_rounds=1,
    pagination_limit_s=40.0,
    fake_memory_long=5_000,
)


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small CI run (well under 2 min)")
    parser.add_argument("--enforce", action="store_true", help="exit 1 when a budget is missed")
    parser.add_argument(
        "--parts",
        default=",".join(PARTS),
        help=f"comma-separated subset of {', '.join(PARTS)} (default: all)",
    )
    parser.add_argument("--json", type=Path, default=None, help="also write the rows as JSON")
    args = parser.parse_args(argv)
    unknown = set(args.parts.split(",")) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    return args


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f}/{five:.1f} (1/5 min) on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    args = _parse_args(argv)
    plan = QUICK if args.quick else FULL
    parts = [p for p in PARTS if p in args.parts.split(",")]
    if {"throughput", "pagination"} & set(parts):
        try:
            import uvicorn  # noqa: F401
        except ImportError:
            print("bench: uvicorn is needed: pip install -e '.[bench]'", file=sys.stderr)
            return 2

    from ._server import core_plan, describe, pinned, serve

    started = time.monotonic()
    load_before = _load()
    rows: list[Row] = []
    notes: list[str] = []
    tables: list[str] = []
    server_cpu, client_cpu = core_plan()
    _log(f"{'quick' if args.quick else 'full'} run; parts: {', '.join(parts)}; load {load_before}")

    def step(name: str, run: Callable[[], list[Row]]) -> None:
        t = time.monotonic()
        _log(f"{name} ...")
        rows.extend(run())
        _log(f"{name} done in {time.monotonic() - t:.1f} s")

    with pinned(client_cpu):
        if "overhead" in parts:
            from ._overhead import run_overhead

            step(
                "1 overhead",
                lambda: run_overhead(
                    plan.overhead_rounds, plan.overhead_round_s, plan.overhead_limit_s
                ),
            )
        if "imports" in parts:
            from ._imports import ensure_venv, run_imports

            log: list[str] = []
            t = time.monotonic()
            venv = ensure_venv(log)
            for line in log:
                _log(line)
            _log(f"import venv ready in {time.monotonic() - t:.1f} s")
            notes.extend(venv.notes)
            step("2 import", lambda: run_imports(venv, plan.import_rounds, plan.import_limit_s))
        if {"throughput", "pagination"} & set(parts):
            notes.append(
                f"server: {describe()}; server core {server_cpu}, client core {client_cpu}"
            )
            with serve(server_cpu) as base_url:
                if "throughput" in parts:
                    from ._throughput import readme_table, run_throughput
                    from ._throughput import rows as throughput_rows

                    def throughput() -> list[Row]:
                        result = run_throughput(base_url, plan.throughput)
                        tables.append(readme_table(result))
                        return throughput_rows(result)

                    step("3 throughput", throughput)
                if "pagination" in parts:
                    from ._pagination import run_pagination

                    step(
                        "4 pagination",
                        lambda: run_pagination(
                            base_url,
                            plan.pagination_long,
                            plan.pagination_short,
                            plan.pagination_rounds,
                            plan.pagination_limit_s,
                        ),
                    )
        if "fake_memory" in parts:
            from ._fake_memory import run_fake_memory

            step(
                "5 fake memory",
                lambda: run_fake_memory(plan.fake_memory_short, plan.fake_memory_long),
            )

    elapsed = time.monotonic() - started
    print(render(rows))
    print()
    for table in tables:
        print("Throughput, async creates over loopback (the table in docs/performance.md):")
        print()
        print(table)
        print()
    print(
        f"{'quick' if args.quick else 'full'} run in {elapsed:.0f} s; Python "
        f"{platform.python_version()}, httpx {httpx.__version__}, pydantic {pydantic.VERSION}; "
        f"load before {load_before}, after {_load()}"
    )
    print("ratio: median over rounds of honcho_client / baseline, rounds paired (interleaved);")
    print("throughput runs the part several times in full mode: its ratio is the worst run's")
    if not honcho_ai_available():
        notes.append(
            f"honcho-ai 0.2.0 is not installed here, its column is n/a: {HONCHO_AI_INSTALL}"
        )
    if not aiohttp_available() and "throughput" in parts:
        notes.append(
            f"the aiohttp extra is not installed here, its rows are n/a: {AIOHTTP_INSTALL}"
        )
    for note in notes:
        print(f"- {note}")
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = [
            {**asdict(r), "budget": r.budget and r.budget.text, "status": r.status} for r in rows
        ]
        args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    misses = missed(rows)
    if misses:
        print(f"{len(misses)} budget(s) missed: " + "; ".join(r.figure for r in misses))
    if args.enforce and misses:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
