"""Part 4: auto-pagination through many items, and the memory it holds.

`async for m in client.apps.users.metamessages.list(...)` walks every page of 100 that the
loopback server generates (items made per request). Each measurement runs in a fresh child
process (`python -m bench._pagination`), so no earlier part's memory counts:

- a timing run (no tracing): seconds, and the growth of peak RSS during the walk;
- a tracing run: tracemalloc's peak during the walk, above the level just before it.

Before the measured walk each child walks `WARM_UP_PAGES` pages of another user, so one-off,
bounded state is in place for both lengths alike: the connection, pydantic's validators, and the
128-entry `urllib.parse.urlsplit` cache that httpx's cookie handling fills with each distinct URL
(tracing starts before the warm-up, so entries the measured walk replaces do not count as new).

100,000 items and 1,000 items are interleaved; peak memory of the long walk must be within 10 %
of the short one, i.e. memory must not grow with the number of items walked.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import resource
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from typing import Final

from honcho_client import AsyncHoncho

from ._contenders import API_KEY
from ._payloads import APP_ID, PAGE_SIZE, user_for_total
from ._rounds import Samples, interleave, paired_ratio
from ._table import Budget, Row

__all__ = ["run_pagination"]

WITHIN_10_PERCENT: Final = Budget("ratio", "<=", 1.10, "≤ 1.10x")
_CHILD_TIMEOUT_S: Final = 300.0
WARM_UP_PAGES: Final = 150


@dataclass(frozen=True)
class Walk:
    """What one child reports."""

    items: int
    seconds: float
    rss_growth_kib: int
    traced_peak_bytes: int


async def _walk(base_url: str, items: int, trace: bool) -> Walk:
    if trace:
        tracemalloc.start()
    async with AsyncHoncho(api_key=API_KEY, base_url=base_url) as client:
        mm = client.apps.users.metamessages
        warm_up = user_for_total(WARM_UP_PAGES * PAGE_SIZE)
        async for _ in mm.list(user_id=warm_up, app_id=APP_ID, size=PAGE_SIZE):
            pass
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        traced_before = 0
        if trace:
            tracemalloc.reset_peak()
            traced_before = tracemalloc.get_traced_memory()[0]
        count = 0
        start = time.perf_counter()
        async for _ in mm.list(user_id=user_for_total(items), app_id=APP_ID, size=PAGE_SIZE):
            count += 1
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] - traced_before if trace else 0
        rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    if trace:
        tracemalloc.stop()
    if count != items:
        raise RuntimeError(f"walked {count} items, expected {items}")
    return Walk(count, seconds, rss_growth, peak)


def _child(base_url: str, items: int, trace: bool) -> Walk:
    """Run one walk in a fresh process (same interpreter, same core affinity)."""
    cmd = [sys.executable, "-m", "bench._pagination", base_url, str(items)]
    if trace:
        cmd.append("--trace")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = subprocess.run(
        cmd, cwd=root, capture_output=True, text=True, timeout=_CHILD_TIMEOUT_S, check=True
    )
    data = json.loads(out.stdout)
    return Walk(
        int(data["items"]),
        float(data["seconds"]),
        int(data["rss_growth_kib"]),
        int(data["traced_peak_bytes"]),
    )


def run_pagination(
    base_url: str, long_items: int, short_items: int, rounds: int, time_limit: float
) -> list[Row]:
    """Rows comparing a walk of `long_items` with one of `short_items`."""
    deadline = time.monotonic() + time_limit
    short, long = f"{short_items:,}", f"{long_items:,}"
    timing = Samples()
    rss = Samples()

    def timed(items: int, label: str) -> float:
        walk = _child(base_url, items, trace=False)
        rss.add(label, walk.rss_growth_kib / 1024)
        return walk.seconds

    def traced(items: int) -> float:
        return _child(base_url, items, trace=True).traced_peak_bytes / 2**20

    traced_samples = interleave(
        [
            (short, lambda: traced(short_items)),
            (long, lambda: traced(long_items)),
        ],
        rounds,
        deadline,
        min_rounds=1,
    )
    timing = interleave(
        [(short, lambda: timed(short_items, short)), (long, lambda: timed(long_items, long))],
        rounds,
        deadline,
        min_rounds=1,
    )
    t_short, t_long = timing.median(short) or 0.0, timing.median(long) or 0.0
    per_item_short = t_short / short_items * 1e6
    per_item_long = t_long / long_items * 1e6
    m_short, m_long = traced_samples.median(short) or 0.0, traced_samples.median(long) or 0.0
    r_short, r_long = rss.median(short) or 0.0, rss.median(long) or 0.0
    n = traced_samples.rounds()
    return [
        Row(
            part="4 pagination",
            figure=f"async for over {long} vs {short} items: tracemalloc peak above start [{n} rounds]",
            ours=f"{m_long:.2f} MiB",
            baseline=f"{m_short:.2f} MiB for {short}",
            ratio=paired_ratio(traced_samples, long, short),
            budget=WITHIN_10_PERCENT,
        ),
        Row(
            part="4 pagination",
            figure=f"async for over {long} vs {short} items: peak RSS growth",
            ours=f"{r_long:.2f} MiB",
            baseline=f"{r_short:.2f} MiB for {short}",
        ),
        Row(
            part="4 pagination",
            figure=f"async for over {long} vs {short} items: time [{timing.rounds()} rounds]",
            ours=f"{t_long:.2f} s ({per_item_long:.1f} µs/item)",
            baseline=f"{t_short:.3f} s ({per_item_short:.1f} µs/item)",
            ratio=per_item_long / per_item_short if per_item_short else None,
        ),
    ]


def _main() -> None:
    parser = argparse.ArgumentParser(description="One pagination walk; prints JSON.")
    parser.add_argument("base_url")
    parser.add_argument("items", type=int)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args()
    walk = asyncio.run(_walk(args.base_url, args.items, args.trace))
    print(json.dumps(walk.__dict__))


if __name__ == "__main__":
    _main()
