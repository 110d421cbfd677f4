"""Part 1: per-call overhead over `httpx.MockTransport` (no network).

For create (one metamessage) and list (one page of 100), sync and async, each contender makes
calls against a mock transport that answers with canned bytes prepared once:

- honcho_client: `client.apps.users.metamessages.create(...)` / `.list(..., size=100)`;
- raw httpx, the floor: `client.post(url, json=body).json()`;
- honcho-ai 0.2.0, when installed, with the same call shapes.

A round times `n` back-to-back calls of each contender, `n` chosen per contender so a round
lasts about `round_seconds`; rounds are interleaved and the figure is the median of the
per-call times over rounds.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable
from typing import Any, Final

import httpx

from honcho_client import AsyncHoncho, Honcho

from ._contenders import API_KEY, HONCHO_AI, OURS, RAW, honcho_ai_available
from ._payloads import APP_ID, CREATE_BODY, CREATE_RESPONSE, LIST_PAGE_100, PAGE_SIZE, USER_ID
from ._rounds import Samples, interleave, paired_ratio
from ._table import Row, at_most

__all__ = ["run_overhead"]

BASE_URL: Final = "http://bench.invalid"
CREATE_URL: Final = f"{BASE_URL}/v1/apps/{APP_ID}/users/{USER_ID}/metamessages"
LIST_URL: Final = f"{CREATE_URL}/list"
_JSON: Final = {"content-type": "application/json"}
_AUTH: Final = {"Authorization": f"Bearer {API_KEY}"}
_LIST_PARAMS: Final = {"size": PAGE_SIZE}

SyncCall = Callable[[], object]
AsyncCall = Callable[[], Awaitable[object]]


def _handler(request: httpx.Request) -> httpx.Response:
    body = LIST_PAGE_100 if request.url.path.endswith("/list") else CREATE_RESPONSE
    return httpx.Response(200, content=body, headers=_JSON)


def _mock() -> httpx.MockTransport:
    return httpx.MockTransport(_handler)


def sync_calls(op: str) -> dict[str, SyncCall]:
    """One zero-argument call per contender, for `op` in ("create", "list")."""
    ours = Honcho(api_key=API_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=_mock()))
    raw = httpx.Client(transport=_mock(), headers=_AUTH)
    mm = ours.apps.users.metamessages
    calls: dict[str, SyncCall]
    if op == "create":
        calls = {
            OURS: lambda: mm.create(
                user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
            ),
            RAW: lambda: raw.post(CREATE_URL, json=CREATE_BODY).json(),
        }
    else:
        calls = {
            OURS: lambda: mm.list(user_id=USER_ID, app_id=APP_ID, size=PAGE_SIZE),
            RAW: lambda: raw.post(LIST_URL, params=_LIST_PARAMS, json={}).json(),
        }
    if honcho_ai_available():
        import honcho

        ai = honcho.Honcho(
            api_key=API_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=_mock())
        )
        ai_mm = ai.apps.users.metamessages
        if op == "create":
            calls[HONCHO_AI] = lambda: ai_mm.create(
                user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
            )
        else:
            calls[HONCHO_AI] = lambda: ai_mm.list(user_id=USER_ID, app_id=APP_ID, size=PAGE_SIZE)
    return calls


def async_calls(op: str) -> dict[str, AsyncCall]:
    ours = AsyncHoncho(
        api_key=API_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient(transport=_mock())
    )
    raw = httpx.AsyncClient(transport=_mock(), headers=_AUTH)
    mm = ours.apps.users.metamessages

    async def raw_create() -> object:
        return (await raw.post(CREATE_URL, json=CREATE_BODY)).json()

    async def raw_list() -> object:
        return (await raw.post(LIST_URL, params=_LIST_PARAMS, json={})).json()

    async def ours_list() -> object:
        return await mm.list(user_id=USER_ID, app_id=APP_ID, size=PAGE_SIZE)

    calls: dict[str, AsyncCall]
    if op == "create":
        calls = {
            OURS: lambda: mm.create(
                user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
            ),
            RAW: raw_create,
        }
    else:
        calls = {OURS: ours_list, RAW: raw_list}
    if honcho_ai_available():
        import honcho

        ai = honcho.AsyncHoncho(
            api_key=API_KEY, base_url=BASE_URL, http_client=httpx.AsyncClient(transport=_mock())
        )
        ai_mm = ai.apps.users.metamessages

        async def ai_list() -> object:
            return await ai_mm.list(user_id=USER_ID, app_id=APP_ID, size=PAGE_SIZE)

        if op == "create":
            calls[HONCHO_AI] = lambda: ai_mm.create(
                user_id=USER_ID, app_id=APP_ID, metamessage_type="note", content="hello from bench"
            )
        else:
            calls[HONCHO_AI] = ai_list
    return calls


def _time_sync(call: SyncCall, n: int) -> float:
    """Seconds per call over `n` calls."""
    gc.collect()
    start = time.perf_counter()
    for _ in range(n):
        call()
    return (time.perf_counter() - start) / n


def _time_async(loop: asyncio.AbstractEventLoop, call: AsyncCall, n: int) -> float:
    async def run() -> float:
        start = time.perf_counter()
        for _ in range(n):
            await call()
        return (time.perf_counter() - start) / n

    gc.collect()
    return loop.run_until_complete(run())


def _calls_per_round(per_call: float, round_seconds: float) -> int:
    return max(3, min(20_000, int(round_seconds / max(per_call, 1e-7))))


def _measure_case(
    timer: Callable[[Any, int], float],
    calls: dict[str, Any],
    rounds: int,
    round_seconds: float,
    deadline: float,
) -> Samples:
    """Warm each contender up, size its rounds, then interleave the rounds."""
    contenders: list[tuple[str, Callable[[], float]]] = []
    for name, call in calls.items():
        per_call = timer(call, 5)  # first calls: lazy imports, schema builds, pools
        per_call = timer(call, max(5, int(0.05 / max(per_call, 1e-7))))
        n = _calls_per_round(per_call, round_seconds)
        contenders.append((name, _microseconds(timer, call, n)))
    return interleave(contenders, rounds, deadline)


def _microseconds(timer: Callable[[Any, int], float], call: Any, n: int) -> Callable[[], float]:
    """A measure function for one round: µs per call over `n` calls."""
    return lambda: timer(call, n) * 1e6


def run_overhead(rounds: int, round_seconds: float, time_limit: float) -> list[Row]:
    """Measure the four cases; return their table rows (µs per call, ratio to raw httpx)."""
    rows: list[Row] = []
    cases = [("create", "sync"), ("list", "sync"), ("create", "async"), ("list", "async")]
    started = time.monotonic()
    loop = asyncio.new_event_loop()
    try:
        for i, (op, flavour) in enumerate(cases):
            # Each case gets an equal share of what is left of the part's time.
            deadline = time.monotonic() + (time_limit - (time.monotonic() - started)) / (
                len(cases) - i
            )
            if flavour == "sync":
                samples = _measure_case(_time_sync, sync_calls(op), rounds, round_seconds, deadline)
            else:

                def timer(call: AsyncCall, n: int) -> float:
                    return _time_async(loop, call, n)

                samples = _measure_case(timer, async_calls(op), rounds, round_seconds, deadline)
            rows.append(_row(op, flavour, samples))
    finally:
        loop.close()
    return rows


def _row(op: str, flavour: str, samples: Samples) -> Row:
    ours = samples.median(OURS)
    raw = samples.median(RAW)
    ai = samples.median(HONCHO_AI)
    ai_ratio = paired_ratio(samples, HONCHO_AI, RAW)
    what = "create (1 metamessage)" if op == "create" else "list (page of 100)"
    return Row(
        part="1 overhead",
        figure=f"{what}, {flavour}: µs/call [{samples.rounds()} rounds]",
        ours=_us(ours),
        baseline=f"{_us(raw)} raw httpx",
        ratio=paired_ratio(samples, OURS, RAW),
        other="n/a" if ai is None else f"{_us(ai)} ({ai_ratio:.2f}x)" if ai_ratio else _us(ai),
        budget=at_most(1.3 if op == "create" else 1.6),
    )


def _us(x: float | None) -> str:
    return "n/a" if x is None else f"{x:,.0f} µs" if x >= 100 else f"{x:.1f} µs"
