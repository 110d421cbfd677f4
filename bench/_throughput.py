"""Part 3: async throughput over loopback HTTP, and a cold burst.

Against the loopback server (`_server`, its own process and core), at concurrency 1, 10, 100 and
1,000: a round is `asyncio.gather` of N concurrent creates, repeated until the round has sent
`per_round` requests; rounds of each contender are interleaved. Reported: successful requests/s
(median over rounds) and failed requests (sum over rounds: exceptions and non-2xx answers).

Contenders, each with its default settings: honcho_client `AsyncHoncho(base_url=...)`, raw
`httpx.AsyncClient()` posting and decoding JSON, and honcho-ai `AsyncHoncho` when installed (full
mode, concurrency up to 100).

Cold burst: a fresh client per round sends 2,000 creates with at most 1,000 in flight, from its
very first request; honcho_client must have 0 failures (raw httpx runs it too in full mode).

No gather may run longer than the plan's `gather_timeout`; calls still pending then are
cancelled and counted as failed, so a collapsing contender cannot stall the run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Final

import httpx

from honcho_client import AsyncHoncho

from ._contenders import API_KEY, HONCHO_AI, OURS, RAW, honcho_ai_available
from ._payloads import APP_ID, CREATE_BODY, USER_ID
from ._rounds import Samples, paired_ratio
from ._table import NO_FAILURES, Row, at_least

__all__ = ["Settings", "run_throughput"]

_AUTH: Final = {"Authorization": f"Bearer {API_KEY}"}
CONCURRENCY: Final = (1, 10, 100, 1000)
BURST_REQUESTS: Final = 2000
BURST_CONCURRENCY: Final = 1000
# honcho-ai's pool (up to 1,000 connections) takes minutes at concurrency 1,000 on a small
# machine; its column stops at 100 and it sits the cold burst out, to keep the run bounded.
HONCHO_AI_MAX_CONCURRENCY: Final = 100

Create = Callable[[], Awaitable[object]]


@dataclass
class _Client:
    """A contender's create call, and how to close it."""

    create: Create
    close: Callable[[], Awaitable[None]]


def make_client(name: str, base_url: str) -> _Client:
    if name == OURS:
        ours = AsyncHoncho(api_key=API_KEY, base_url=base_url)
        mm = ours.apps.users.metamessages

        def ours_create() -> Awaitable[object]:
            return mm.create(
                user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
            )

        return _Client(ours_create, ours.close)
    if name == RAW:
        raw = httpx.AsyncClient(headers=_AUTH)
        url = f"{base_url}/v1/apps/{APP_ID}/users/{USER_ID}/metamessages"

        async def raw_create() -> object:
            response = await raw.post(url, json=CREATE_BODY)
            response.raise_for_status()
            return response.json()

        return _Client(raw_create, raw.aclose)
    import honcho

    ai = honcho.AsyncHoncho(api_key=API_KEY, base_url=base_url)
    ai_mm = ai.apps.users.metamessages

    def ai_create() -> Awaitable[object]:
        return ai_mm.create(
            user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
        )

    return _Client(ai_create, ai.close)


def _names(with_honcho_ai: bool) -> list[str]:
    return [OURS, RAW, *([HONCHO_AI] if with_honcho_ai and honcho_ai_available() else [])]


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
    """How much to send: `rounds` rounds of `per_round` requests (at least N) per point."""

    rounds: int
    per_round: int
    burst_rounds: int
    time_limit: float
    gather_timeout: float
    with_honcho_ai: bool
    burst_baselines: bool  # also run the cold burst for raw httpx
    baseline_max_concurrency: int  # raw httpx runs at concurrency up to this


@dataclass
class _Point:
    samples: Samples = field(default_factory=Samples)
    failures: dict[str, int] = field(default_factory=dict)
    requests: dict[str, int] = field(default_factory=dict)

    def add(self, name: str, value: float, failed: int, requests: int) -> None:
        self.samples.add(name, value)
        self.failures[name] = self.failures.get(name, 0) + failed
        self.requests[name] = self.requests.get(name, 0) + requests


async def _measure_point(
    base_url: str, names: list[str], concurrency: int, settings: Settings, deadline: float
) -> _Point:
    if concurrency > HONCHO_AI_MAX_CONCURRENCY:
        names = [n for n in names if n != HONCHO_AI]
    if concurrency > settings.baseline_max_concurrency:
        names = [n for n in names if n != RAW]
    clients = {name: make_client(name, base_url) for name in names}
    point = _Point()
    warm = min(concurrency, 100)
    per_round = max(settings.per_round, concurrency)
    try:
        for name in names:  # warm-up: open connections, build validators; not counted
            await gather_round(clients[name].create, warm, warm, settings.gather_timeout)
        for r in range(settings.rounds):
            for i in range(len(names)):
                if r >= 2 and time.monotonic() > deadline:
                    break
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


async def _run(base_url: str, settings: Settings) -> list[Row]:
    rows: list[Row] = []
    names = _names(settings.with_honcho_ai)
    started = time.monotonic()
    per_point = settings.time_limit * 0.75 / len(CONCURRENCY)
    for concurrency in CONCURRENCY:
        deadline = time.monotonic() + per_point
        point = await _measure_point(base_url, names, concurrency, settings, deadline)
        rows.append(_point_row(concurrency, point))
    burst_names = [OURS, RAW] if settings.burst_baselines else [OURS]
    burst = _Point()
    for r in range(settings.burst_rounds):
        if r >= 1 and time.monotonic() - started > settings.time_limit:
            break
        for i in range(len(burst_names)):
            if r >= 1 and time.monotonic() - started > settings.time_limit:
                break
            name = burst_names[(r + i) % len(burst_names)]
            seconds, failed = await _burst(base_url, name, settings.gather_timeout)
            burst.add(name, seconds, failed, BURST_REQUESTS)
    rows.extend(_burst_rows(burst))
    return rows


def _fails(point: _Point, name: str) -> str:
    if name not in point.requests:
        return "not run (quick mode)"
    return f"{point.failures.get(name, 0)} failed/{point.requests.get(name, 0)}"


def _point_row(concurrency: int, point: _Point) -> Row:
    s = point.samples
    ai = s.median(HONCHO_AI)
    ai_ratio = paired_ratio(s, HONCHO_AI, RAW)
    other = "not run (quick mode)" if honcho_ai_available() else "n/a"
    if honcho_ai_available() and concurrency > HONCHO_AI_MAX_CONCURRENCY:
        other = "not run (bounded run)"
    if ai is not None:
        other = f"{ai:,.0f}/s ({ai_ratio or 0:.2f}x), {_fails(point, HONCHO_AI)}"
    return Row(
        part="3 throughput",
        figure=f"async creates at concurrency {concurrency:,}: req/s [{s.rounds()} rounds]",
        ours=f"{s.median(OURS) or 0:,.0f}/s, {_fails(point, OURS)}",
        baseline=(
            f"{s.median(RAW):,.0f}/s, {_fails(point, RAW)} raw httpx"
            if RAW in point.requests
            else "not run (quick mode)"
        ),
        ratio=paired_ratio(s, OURS, RAW),
        other=other,
        budget=at_least(1.5 if concurrency >= 1000 else 0.9),
    )


def _burst_rows(burst: _Point) -> list[Row]:
    s = burst.samples
    raw = s.median(RAW)
    figure = f"cold burst: fresh client, {BURST_REQUESTS:,} creates at {BURST_CONCURRENCY:,}"
    ai_fails = "not run (bounded run)" if honcho_ai_available() else "n/a"
    return [
        Row(
            part="3 throughput",
            figure=f"{figure}: failures [{len(s.by_name.get(OURS, []))} rounds]",
            ours=_fails(burst, OURS),
            baseline=f"{_fails(burst, RAW)} raw httpx"
            if RAW in burst.requests
            else _fails(burst, RAW),
            other=ai_fails,
            budget=NO_FAILURES,
            value=float(burst.failures.get(OURS, 0)),
        ),
        Row(
            part="3 throughput",
            figure=f"{figure}: duration",
            ours=f"{s.median(OURS) or 0:.2f} s",
            baseline="—" if raw is None else f"{raw:.2f} s raw httpx",
            ratio=paired_ratio(s, OURS, RAW),
            other="—",
        ),
    ]


def run_throughput(base_url: str, settings: Settings) -> list[Row]:
    """All throughput rows, against the server at `base_url`."""
    return asyncio.run(_run(base_url, settings))
