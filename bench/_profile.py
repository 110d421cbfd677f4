"""Profiles of honcho_client's hot paths: `python -m bench._profile PATH [--calls N]`.

PATH is one of:

- `create`, `list`: sync calls over `httpx.MockTransport` (as in part 1);
- `async-create`, `async-list`: the same, async;
- `throughput`: async creates against the loopback server at `--concurrency` (default 100);
- `throughput-fast`: the same on `DefaultAioHttpClient` (the `aiohttp` extra);
- `throughput-aiohttp`: the same with raw aiohttp, the floor the fast path is compared to.

With pyinstrument installed (the `bench` extra) a call tree is printed; otherwise cProfile's top
functions. Either way a summary follows: the share of time under honcho_client's own functions,
so it reads as "where our time goes on top of httpx".
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import importlib.util
import pstats
import time
from collections.abc import Callable
from typing import Any

from ._contenders import OURS, OURS_FAST, RAW_AIOHTTP
from ._overhead import async_calls, sync_calls
from ._server import core_plan, pinned, serve
from ._throughput import gather_round, make_client

__all__ = ["main"]

PATHS = (
    "create",
    "list",
    "async-create",
    "async-list",
    "throughput",
    "throughput-fast",
    "throughput-aiohttp",
)
_THROUGHPUT_CLIENTS = {
    "throughput": OURS,
    "throughput-fast": OURS_FAST,
    "throughput-aiohttp": RAW_AIOHTTP,
}


# What the throughput workloads leave open (their client and loop), closed at the end.
_CLOSE: list[Callable[[], None]] = []


def _workload(path: str, calls: int, concurrency: int, base_url: str | None) -> Callable[[], None]:
    """A zero-argument function doing `calls` calls of `path` (timed and profiled by the caller)."""
    if path in ("create", "list"):
        call = sync_calls(path)[OURS]

        def run_sync() -> None:
            for _ in range(calls):
                call()

        return run_sync
    loop = asyncio.new_event_loop()
    if path in ("async-create", "async-list"):
        acall = async_calls(path.removeprefix("async-"))[OURS]

        async def run_async() -> None:
            for _ in range(calls):
                await acall()

        loop.run_until_complete(run_async())  # warm-up pass
        return lambda: loop.run_until_complete(run_async())
    assert base_url is not None

    async def made() -> Any:  # clients are made inside the loop that runs them
        return make_client(_THROUGHPUT_CLIENTS[path], base_url)

    client = loop.run_until_complete(made())
    loop.run_until_complete(gather_round(client.create, concurrency, concurrency, 60.0))

    def run_burst() -> None:
        loop.run_until_complete(gather_round(client.create, concurrency, calls, 60.0))

    def close() -> None:
        loop.run_until_complete(client.close())
        loop.close()

    _CLOSE.append(close)
    return run_burst


def _own_share(profile: cProfile.Profile) -> list[tuple[str, float]]:
    """Cumulative time of each honcho_client function, as a share of the whole run."""
    stats = pstats.Stats(profile)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    rows: list[tuple[str, float]] = []
    for (filename, line, name), (_cc, _nc, _tt, ct, _callers) in raw.items():
        if "/honcho_client/" in filename:
            short = filename.split("/honcho_client/", 1)[1]
            rows.append((f"{short}:{line} {name}", ct / total))
    rows.sort(key=lambda r: -r[1])
    return rows


def _package(filename: str) -> str:
    """Which library a profiled function belongs to, by its file's path."""
    if filename.startswith("~") or filename.startswith("<"):
        return "builtins (C)"
    for marker in ("/site-packages/", "/honcho_client/", "/bench/"):
        if marker in filename:
            if marker != "/site-packages/":
                return marker.strip("/")
            return filename.split(marker, 1)[1].split("/", 1)[0].removesuffix(".py")
    if "/lib/python" in filename:
        rest = filename.split("/lib/python", 1)[1].split("/", 1)[1]
        return "stdlib " + rest.split("/", 1)[0].removesuffix(".py")
    return filename


def _self_time_by_package(profile: cProfile.Profile) -> list[tuple[str, float]]:
    """Own (not cumulative) time per library, as a share of the whole run."""
    stats = pstats.Stats(profile)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = max(stats.total_tt, 1e-9)  # type: ignore[attr-defined]
    shares: dict[str, float] = {}
    for (filename, _line, _name), (_cc, _nc, tt, _ct, _callers) in raw.items():
        package = _package(filename)
        shares[package] = shares.get(package, 0.0) + tt / total
    return sorted(shares.items(), key=lambda r: -r[1])


def _profile(run: Callable[[], None], calls: int, label: str, top: int = 0) -> None:
    start = time.perf_counter()
    run()
    plain = time.perf_counter() - start
    print(f"{label}: {calls:,} calls, {plain / calls * 1e6:.1f} µs/call unprofiled")
    if importlib.util.find_spec("pyinstrument") is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
        run()
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    profile = cProfile.Profile()
    profile.enable()
    run()
    profile.disable()
    if importlib.util.find_spec("pyinstrument") is None or top:
        pstats.Stats(profile).sort_stats("tottime").print_stats(top or 25)
    print("own time by library (cProfile):")
    for package, share in _self_time_by_package(profile)[:15]:
        print(f"  {share * 100:5.1f} %  {package}")
    print("cumulative share of honcho_client functions (cProfile):")
    for name, share in _own_share(profile)[:25]:
        print(f"  {share * 100:5.1f} %  {name}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench._profile", description=__doc__)
    parser.add_argument("path", choices=PATHS)
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=100)
    parser.add_argument(
        "--top", type=int, default=0, help="also print cProfile's N functions of most own time"
    )
    args = parser.parse_args(argv)
    server_cpu, client_cpu = core_plan()
    with pinned(client_cpu):
        if args.path.startswith("throughput"):
            with serve(server_cpu) as base_url:
                run = _workload(args.path, args.calls, args.concurrency, base_url)
                label = f"{args.path} at concurrency {args.concurrency}"
                try:
                    _profile(run, args.calls, label, args.top)
                finally:
                    for close in _CLOSE:
                        close()
        else:
            run = _workload(args.path, args.calls, args.concurrency, None)
            run()  # warm-up
            _profile(run, args.calls, args.path, args.top)


if __name__ == "__main__":
    main()
