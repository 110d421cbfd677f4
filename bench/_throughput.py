"""Part 3: async throughput over loopback HTTP, and a cold burst.

Against the loopback server (`_server`: uvicorn on httptools, its own process pinned to its own
core), at 1, 10, 100 and 1,000 requests in flight: a round is `asyncio.gather` of N concurrent
creates, repeated until the round has sent `per_round` requests; rounds of the contenders are
interleaved. Reported: successful requests/s (median over rounds) and failed requests (sum over
rounds: exceptions and non-2xx answers).

Contenders, each with its default settings, each decoding the JSON answer:

- honcho_client's two async paths: `AsyncHoncho(...)` (httpx's transport, the default) and
  `AsyncHoncho(http_client=DefaultAioHttpClient())` (the fast path, `aiohttp` extra);
- raw `httpx.AsyncClient()`, the baseline of every ratio;
- raw `aiohttp.ClientSession()`, this machine's floor for an asyncio client;
- raw httpx over httpx-aiohttp (`HttpxAiohttpClient()`), what the fast path is built on;
- honcho-ai `AsyncHoncho` when installed (full mode, up to 100 in flight).

The part runs `runs` times (fresh clients each time); each run has its own paired ratios, and a
budget is met only when every run meets it (the table shows the worst run, and all of them).
The cold burst, a failure count rather than a ratio, is part of the first run only.

Cold burst: a fresh client per round sends 2,000 creates with at most 1,000 in flight, from its
very first request; both honcho_client paths must have 0 failures (raw httpx runs it too in
full mode).

No gather may run longer than the plan's `gather_timeout`; calls still pending then are
cancelled and counted as failed, so a collapsing contender cannot stall the run.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Final

import httpx

from honcho_client import AsyncHoncho

from ._contenders import (
    AIOHTTP_CONTENDERS,
    AIOHTTP_INSTALL,
    API_KEY,
    HONCHO_AI,
    HTTPX_AIOHTTP,
    OURS,
    OURS_FAST,
    RAW,
    RAW_AIOHTTP,
    aiohttp_available,
    honcho_ai_available,
)
from ._payloads import APP_ID, CREATE_BODY, USER_ID
from ._rounds import Samples, paired_ratio
from ._table import NO_FAILURES, Budget, Row, at_least

__all__ = ["Settings", "Throughput", "gather_round", "make_client", "run_throughput"]

_AUTH: Final = {"Authorization": f"Bearer {API_KEY}"}
CONCURRENCY: Final = (1, 10, 100, 1000)
# The points of the table in docs/performance.md; 1,000 in flight only checks that the SDK queues what httpx's pool
# cannot take.
TABLE_CONCURRENCY: Final = (1, 10, 100)
BURST_REQUESTS: Final = 2000
BURST_CONCURRENCY: Final = 1000
# honcho-ai's pool (up to 1,000 connections) takes minutes at concurrency 1,000 on a small
# machine; its column stops at 100 and it sits the cold burst out, to keep the run bounded.
HONCHO_AI_MAX_CONCURRENCY: Final = 100
# The plain clients of other libraries (raw aiohttp, httpx over httpx-aiohttp) are the table's
# reference points; at 1,000 in flight they only queue in their own pools.
REFERENCE_MAX_CONCURRENCY: Final = 100
DEFAULT_PATH_BUDGET: Final = {1: 0.9, 10: 0.9, 100: 0.9}
# At 1,000 in flight both paths are held to no failed request (raw httpx's pool times out).
NO_FAILURES_AT: Final = 1000
FAST_PATH_BUDGET: Final = {10: 1.8, 100: 3.5}

Create = Callable[[], Awaitable[object]]


@dataclass
class _Client:
    """A contender's create call, and how to close it."""

    create: Create
    close: Callable[[], Awaitable[None]]


def _ours(base_url: str, fast: bool) -> _Client:
    if fast:
        from honcho_client import DefaultAioHttpClient

        http = DefaultAioHttpClient()
        ours = AsyncHoncho(api_key=API_KEY, base_url=base_url, http_client=http)
    else:
        http = None
        ours = AsyncHoncho(api_key=API_KEY, base_url=base_url)
    mm = ours.apps.users.metamessages

    def create() -> Awaitable[object]:
        return mm.create(
            user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
        )

    async def close() -> None:
        await ours.close()
        if http is not None:
            await http.aclose()

    return _Client(create, close)


def _raw_httpx(client: httpx.AsyncClient, url: str) -> _Client:
    async def create() -> object:
        response = await client.post(url, json=CREATE_BODY)
        response.raise_for_status()
        return response.json()

    return _Client(create, client.aclose)


def _raw_aiohttp(url: str) -> _Client:
    import aiohttp

    session = aiohttp.ClientSession(headers=_AUTH)

    async def create() -> object:
        async with session.post(url, json=CREATE_BODY) as response:
            response.raise_for_status()
            return json.loads(await response.read())

    return _Client(create, session.close)


def make_client(name: str, base_url: str) -> _Client:
    """A contender's client against the server at `base_url` (call inside the event loop)."""
    url = f"{base_url}/v1/apps/{APP_ID}/users/{USER_ID}/metamessages"
    if name in (OURS, OURS_FAST):
        return _ours(base_url, fast=name == OURS_FAST)
    if name == RAW:
        return _raw_httpx(httpx.AsyncClient(headers=_AUTH), url)
    if name == HTTPX_AIOHTTP:
        from httpx_aiohttp import HttpxAiohttpClient

        return _raw_httpx(HttpxAiohttpClient(headers=_AUTH), url)
    if name == RAW_AIOHTTP:
        return _raw_aiohttp(url)
    import honcho

    ai = honcho.AsyncHoncho(api_key=API_KEY, base_url=base_url)
    ai_mm = ai.apps.users.metamessages

    def ai_create() -> Awaitable[object]:
        return ai_mm.create(
            user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
        )

    return _Client(ai_create, ai.close)


async def _bounded(calls: list[Awaitable[object]], timeout: float) -> int:
    """Run `calls` concurrently for at most `timeout` s; return how many failed or timed out."""
    tasks = [asyncio.ensure_future(c) for c in calls]
    done, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    if pending:
        await asyncio.wait(pending, timeout=5.0)
    return len(pending) + sum(1 for t in done if t.cancelled() or t.exception() is not None)


async def gather_round(
    create: Create, concurrency: int, requests: int, timeout: float
) -> tuple[float, int]:
    """Send `requests` creates as gathers of `concurrency`; return (seconds, failures).

    No gather may take longer than `timeout`: calls still running then are cancelled and
    counted as failed.
    """
    failures = 0
    start = time.perf_counter()
    sent = 0
    while sent < requests:
        n = min(concurrency, requests - sent)
        failures += await _bounded([create() for _ in range(n)], timeout)
        sent += n
    return time.perf_counter() - start, failures


@dataclass(frozen=True)
class Settings:
    """How much to send: `runs` runs of `rounds` rounds of `per_round` requests (at least N)."""

    rounds: int
    per_round: int
    burst_rounds: int
    time_limit: float  # per run
    gather_timeout: float
    with_honcho_ai: bool
    burst_baselines: bool  # also run the cold burst for raw httpx
    baseline_max_concurrency: int  # raw httpx runs at concurrency up to this
    runs: int = 1


@dataclass
class _Point:
    samples: Samples = field(default_factory=Samples)
    failures: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, value: float, failed: int, requests: int) -> None:
        self.samples.add(name, value)
        self.failures[name] = self.failures.get(name, 0) + failed
        self.requests[name] = self.requests.get(name, 0) + requests


def _names(settings: Settings, concurrency: int) -> list[str]:
    names = [OURS, RAW]
    if aiohttp_available():
        names.insert(1, OURS_FAST)
        if concurrency <= REFERENCE_MAX_CONCURRENCY:
            names += [RAW_AIOHTTP, HTTPX_AIOHTTP]
    ai = settings.with_honcho_ai and honcho_ai_available()
    if ai and concurrency <= HONCHO_AI_MAX_CONCURRENCY:
        names.append(HONCHO_AI)
    if concurrency > settings.baseline_max_concurrency:
        names.remove(RAW)
    return names


async def _measure_point(
    base_url: str, concurrency: int, settings: Settings, deadline: float
) -> _Point:
    names = _names(settings, concurrency)
    clients = {name: make_client(name, base_url) for name in names}
    point = _Point()
    warm = min(concurrency, 100)
    per_round = max(settings.per_round, concurrency)
    try:
        for name in names:  # warm-up: open connections, build validators; not counted
            await gather_round(clients[name].create, warm, warm, settings.gather_timeout)
        for r in range(settings.rounds):
            if r >= 2 and time.monotonic() > deadline:
                break
            for i in range(len(names)):
                name = names[(r + i) % len(names)]
                seconds, failed = await gather_round(
                    clients[name].create, concurrency, per_round, settings.gather_timeout
                )
                # Goodput: a request that failed (e.g. a pool timeout) was not served.
                point.add(name, (per_round - failed) / seconds, failed, per_round)
    finally:
        for client in clients.values():
            await client.close()
    return point


async def _burst(base_url: str, name: str, timeout: float) -> tuple[float, int]:
    """A fresh client's first 2,000 creates, at most 1,000 in flight: (seconds, failures)."""
    client = make_client(name, base_url)
    gate = asyncio.Semaphore(BURST_CONCURRENCY)

    async def one() -> object:
        async with gate:
            return await client.create()

    try:
        start = time.perf_counter()
        failures = await _bounded([one() for _ in range(BURST_REQUESTS)], timeout)
        seconds = time.perf_counter() - start
    finally:
        await client.close()
    return seconds, failures


@dataclass
class Throughput:
    """Every run's points and cold bursts; the rows and the table in docs/performance.md are made from it."""

    settings: Settings
    runs: list[dict[int, _Point]] = field(default_factory=list)
    burst: _Point = field(default_factory=_Point)


async def _run_once(base_url: str, settings: Settings, result: Throughput, burst: bool) -> None:
    started = time.monotonic()
    per_point = settings.time_limit * 0.75 / len(CONCURRENCY)
    points: dict[int, _Point] = {}
    for concurrency in CONCURRENCY:
        deadline = time.monotonic() + per_point
        points[concurrency] = await _measure_point(base_url, concurrency, settings, deadline)
    result.runs.append(points)
    if not burst:
        return
    burst_names = [OURS, *([OURS_FAST] if aiohttp_available() else [])]
    if settings.burst_baselines:
        burst_names.append(RAW)
    for r in range(settings.burst_rounds):
        for i in range(len(burst_names)):
            if r >= 1 and time.monotonic() - started > settings.time_limit:
                return
            name = burst_names[(r + i) % len(burst_names)]
            seconds, failed = await _burst(base_url, name, settings.gather_timeout)
            result.burst.add(name, seconds, failed, BURST_REQUESTS)


def run_throughput(base_url: str, settings: Settings) -> Throughput:
    """Measure every run against the server at `base_url`."""
    result = Throughput(settings)
    for run in range(settings.runs):
        # The cold burst checks failures, not a ratio: the first run does it.
        asyncio.run(_run_once(base_url, settings, result, burst=run == 0))
    return result


# Reporting ---------------------------------------------------------------------------------------


def _median(result: Throughput, concurrency: int, name: str) -> float | None:
    """Median over every round of every run."""
    values = [v for run in result.runs for v in run[concurrency].samples.by_name.get(name, [])]
    return statistics.median(values) if values else None


def _ratios(result: Throughput, concurrency: int, name: str, baseline: str) -> list[float]:
    """The paired ratio of each run (runs where either side did not run are left out)."""
    out = []
    for run in result.runs:
        ratio = paired_ratio(run[concurrency].samples, name, baseline)
        if ratio is not None:
            out.append(ratio)
    return out


def _fails(result: Throughput, concurrency: int, name: str) -> str:
    requests = sum(run[concurrency].requests.get(name, 0) for run in result.runs)
    if not requests:
        return "not run"
    failed = sum(run[concurrency].failures.get(name, 0) for run in result.runs)
    return f"{failed} failed/{requests}"


def _rate(result: Throughput, concurrency: int, name: str) -> str:
    value = _median(result, concurrency, name)
    return "not run" if value is None else f"{value:,.0f}/s, {_fails(result, concurrency, name)}"


def _runs_text(ratios: list[float]) -> str:
    return " / ".join(f"{r:.2f}" for r in ratios) + "x" if ratios else "—"


def _rounds(result: Throughput, concurrency: int) -> str:
    rounds = [run[concurrency].samples.rounds() for run in result.runs]
    if len(rounds) == 1:
        return f"{rounds[0]} rounds"
    return f"{len(rounds)} runs of {min(rounds)}+ rounds"


def _missing(name: str) -> str:
    if name in AIOHTTP_CONTENDERS and not aiohttp_available():
        return f"n/a (needs the aiohttp extra: {AIOHTTP_INSTALL})"
    return "not run (quick mode)"


def rows(result: Throughput) -> list[Row]:
    """The throughput rows of the main table (ratios to raw httpx, worst run shown)."""
    out: list[Row] = []
    for concurrency in CONCURRENCY:
        for name, budgets, label in (
            (OURS, DEFAULT_PATH_BUDGET, "default path"),
            (OURS_FAST, FAST_PATH_BUDGET, "fast path (DefaultAioHttpClient)"),
        ):
            ratios = _ratios(result, concurrency, name, RAW)
            limit = budgets.get(concurrency)
            budget: Budget | None = None if limit is None else at_least(limit)
            failed: float | None = None
            if concurrency == NO_FAILURES_AT and _median(result, concurrency, name) is not None:
                budget = NO_FAILURES
                failed = float(sum(run[concurrency].failures.get(name, 0) for run in result.runs))
            ours = _median(result, concurrency, name)
            runs = f"; runs {_runs_text(ratios)}" if len(ratios) > 1 else ""
            floor = _median(result, concurrency, RAW_AIOHTTP)
            other = "—"
            if name == OURS_FAST and ours is not None and floor:
                other = f"{ours / floor:.2f}x of raw aiohttp ({floor:,.0f}/s)"
            elif name == OURS and concurrency <= HONCHO_AI_MAX_CONCURRENCY:
                ai = _median(result, concurrency, HONCHO_AI)
                ai_ratios = _ratios(result, concurrency, HONCHO_AI, RAW)
                if ai is not None:
                    other = f"honcho-ai {ai:,.0f}/s ({min(ai_ratios, default=0):.2f}x)"
            baseline = (
                f"{_rate(result, concurrency, RAW)} raw httpx"
                if _median(result, concurrency, RAW) is not None
                else _missing(RAW)
            )
            out.append(
                Row(
                    part="3 throughput",
                    figure=(
                        f"{label}: async creates, {concurrency:,} in flight: req/s "
                        f"[{_rounds(result, concurrency)}{runs}]"
                    ),
                    ours=_rate(result, concurrency, name) if ours is not None else _missing(name),
                    baseline=baseline,
                    ratio=min(ratios) if ratios else None,
                    other=other,
                    budget=budget,
                    value=failed,
                )
            )
    out.extend(_burst_rows(result.burst))
    return out


def _burst_rows(burst: _Point) -> list[Row]:
    s = burst.samples
    figure = f"cold burst: fresh client, {BURST_REQUESTS:,} creates at {BURST_CONCURRENCY:,}"
    out: list[Row] = []
    raw_fails = (
        f"{burst.failures.get(RAW, 0)} failed/{burst.requests[RAW]} raw httpx"
        if RAW in burst.requests
        else "not run (quick mode)"
    )
    raw = s.median(RAW)
    for name, label in ((OURS, "default path"), (OURS_FAST, "fast path")):
        if name not in burst.requests:
            out.append(
                Row("3 throughput", f"{figure}, {label}: failures", _missing(name), raw_fails)
            )
            continue
        out.append(
            Row(
                part="3 throughput",
                figure=f"{figure}, {label}: failures [{len(s.by_name.get(name, []))} rounds]",
                ours=f"{burst.failures.get(name, 0)} failed/{burst.requests[name]}",
                baseline=raw_fails,
                budget=NO_FAILURES,
                value=float(burst.failures.get(name, 0)),
            )
        )
        out.append(
            Row(
                part="3 throughput",
                figure=f"{figure}, {label}: duration",
                ours=f"{s.median(name) or 0:.2f} s",
                baseline="—" if raw is None else f"{raw:.2f} s raw httpx",
                ratio=paired_ratio(s, name, RAW),
            )
        )
    return out


TABLE_COLUMNS: Final = (RAW, RAW_AIOHTTP, HTTPX_AIOHTTP, OURS, OURS_FAST)
_TITLES: Final = {
    RAW: "raw httpx",
    RAW_AIOHTTP: "raw aiohttp",
    HTTPX_AIOHTTP: "httpx over httpx-aiohttp",
    OURS: "AsyncHoncho",
    OURS_FAST: "AsyncHoncho on DefaultAioHttpClient",
}


def readme_table(result: Throughput) -> str:
    """The throughput table of docs/performance.md: req/s per contender, and the two paths' ratios to raw
    httpx per run, at 1, 10 and 100 in flight."""
    n = len(result.runs)
    runs = f" ({n} runs)" if n > 1 else ""
    head = [
        "in flight",
        *(_TITLES[c] for c in TABLE_COLUMNS),
        f"AsyncHoncho ÷ raw httpx{runs}",
        f"DefaultAioHttpClient ÷ raw httpx{runs}",
    ]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    for concurrency in TABLE_CONCURRENCY:
        cells = [f"{concurrency:,}"]
        for name in TABLE_COLUMNS:
            value = _median(result, concurrency, name)
            cells.append("n/a" if value is None else f"{value:,.0f} req/s")
        for name in (OURS, OURS_FAST):
            cells.append(_runs_text(_ratios(result, concurrency, name, RAW)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
