"""Calls in flight: permits that no cancellation can lose, a pool that cannot fill up with
stranded connections, and no socket left open after close().

The chaos tests cancel (async) or time out (sync) 2,000 calls at random moments, seeded, against
a server that answers in 0-10 ms over real sockets: waiting for a permit, connecting, sending,
waiting for the headers, reading a body or reading a stream. Afterwards 100 calls must complete
within 5 s, and once the client is closed the process holds exactly the sockets it held before.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import _sockets
import httpx
import pytest
from _bodies import CHAT, CREATE, GET, LIST, METAMESSAGE, PAGE
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer

from honcho_client import AsyncHoncho, Honcho, HonchoError, UsageError
from honcho_client._client.permits import AsyncPermits, Permits

SEED = 20_240_506
CALLS = 2_000
IN_FLIGHT = 25  # calls started before waiting for one to end

needs_proc = pytest.mark.skipif(not _sockets.available(), reason="needs /proc to count sockets")


@pytest.fixture
def chaos_server(fault_server: FaultServer) -> Iterator[FaultServer]:
    """Answers in 0-10 ms; the list body and the chat answer arrive in pieces over ~10 ms."""
    answer = Fault.status(200, json_body=METAMESSAGE)
    fault_server.route("GET", GET, Fault.jitter(0.0, 0.01, then=answer, seed=1))
    fault_server.route("POST", CREATE, Fault.jitter(0.0, 0.01, then=answer, seed=2))
    body = json.dumps(PAGE).encode()
    pieces = [body[i : i + 64] for i in range(0, len(body), 64)]
    fault_server.route(
        "POST", LIST, Fault.stream(pieces, interval=0.002, content_type="application/json")
    )
    fault_server.route(
        "POST", CHAT, Fault.stream(["one ", "two ", "three"], interval=0.004, first_delay=0.002)
    )
    yield fault_server


# The calls, async ------------------------------------------------------------------------------


async def _get(client: AsyncHoncho) -> object:
    return await client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


async def _create(client: AsyncHoncho) -> object:
    return await client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content="c"
    )


async def _list(client: AsyncHoncho) -> object:
    return [m async for m in client.apps.users.metamessages.list(app_id="a", user_id="u")]


async def _chat(client: AsyncHoncho) -> object:
    stream = await client.apps.users.sessions.chat(
        "s", app_id="a", user_id="u", queries="q", stream=True
    )
    return await stream.text()


async def _streamed(client: AsyncHoncho) -> object:
    manager = client.apps.users.metamessages.with_streaming_response.list(app_id="a", user_id="u")
    async with manager as response:
        return b"".join([chunk async for chunk in response.iter_bytes()])


ASYNC_CALLS: list[Callable[[AsyncHoncho], Awaitable[object]]] = [
    _get,
    _create,
    _list,
    _chat,
    _streamed,
]


async def _cancel_at_random(
    client: AsyncHoncho, rng: random.Random, calls: int = CALLS
) -> tuple[int, int]:
    """`calls` calls, each cancelled after 0-20 ms; return how many ended and how many were
    cancelled. Anything but a cancellation or a HonchoError fails the test."""
    outcomes = {"ended": 0, "cancelled": 0}

    async def one(call: Callable[[AsyncHoncho], Awaitable[object]], delay: float) -> None:
        try:
            await asyncio.wait_for(call(client), delay)
        except asyncio.TimeoutError:
            outcomes["cancelled"] += 1
        else:
            outcomes["ended"] += 1

    window: set[asyncio.Future[None]] = set()
    for _ in range(calls):
        window.add(asyncio.ensure_future(one(rng.choice(ASYNC_CALLS), rng.uniform(0.0, 0.02))))
        if len(window) >= IN_FLIGHT:
            done, window = await asyncio.wait(window, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()
    for task in await asyncio.gather(*window, return_exceptions=True):
        if task is not None:
            raise task
    return outcomes["ended"], outcomes["cancelled"]


async def _hundred_calls(client: AsyncHoncho) -> None:
    started = time.monotonic()
    results = await asyncio.wait_for(asyncio.gather(*(_get(client) for _ in range(100))), 5.0)
    assert [getattr(r, "id", None) for r in results] == ["m1"] * 100
    assert time.monotonic() - started < 5.0


def _pool_connections(http: httpx.AsyncClient | httpx.Client) -> list[Any]:
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    return list(getattr(pool, "connections", []))


@needs_proc
@pytest.mark.parametrize("max_concurrency", [5, None], ids=["max_concurrency=5", "default"])
async def test_cancelled_calls_leave_the_client_usable(
    chaos_server: FaultServer, async_honcho: AsyncHonchoFactory, max_concurrency: int | None
) -> None:
    baseline = _sockets.baseline()
    options: dict[str, Any] = {"base_url": chaos_server.url, "max_retries": 0}
    if max_concurrency is not None:
        options["max_concurrency"] = max_concurrency
    async with async_honcho(**options) as client:
        ended, cancelled = await _cancel_at_random(client, random.Random(SEED))
        assert ended + cancelled == CALLS
        assert cancelled >= CALLS // 10, (ended, cancelled)  # how many end depends on load
        await _hundred_calls(client)
        assert client._limiter.in_use == 0
        # Every connection left in the pool is idle: none is stranded.
        assert [c for c in _pool_connections(client._http) if not c.is_idle()] == []
    assert await _sockets.settle_async(baseline) == baseline
    assert chaos_server.errors == []


@needs_proc
async def test_a_callers_small_pool_survives_cancellations(chaos_server: FaultServer) -> None:
    """httpcore strands connections in a pool of 5 (encode/httpcore#1093); the client takes
    them out after each cancelled call, so the caller's pool never fills up."""
    baseline = _sockets.baseline()
    async with (
        httpx.AsyncClient(limits=httpx.Limits(max_connections=5)) as http,
        AsyncHoncho(base_url=chaos_server.url, http_client=http, max_retries=0) as client,
    ):
        await _cancel_at_random(client, random.Random(SEED + 1), calls=CALLS // 2)
        await _hundred_calls(client)
        assert all(c.is_idle() for c in _pool_connections(http))
    assert await _sockets.settle_async(baseline) == baseline


# The calls, sync: a thread cannot be cancelled, so random per-call timeouts end them instead --


def _get_sync(client: Honcho) -> object:
    return client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


def _create_sync(client: Honcho) -> object:
    return client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content="c"
    )


def _list_sync(client: Honcho) -> object:
    return list(client.apps.users.metamessages.list(app_id="a", user_id="u"))


def _chat_sync(client: Honcho) -> object:
    stream = client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True)
    return stream.text()


def _streamed_sync(client: Honcho) -> object:
    with client.apps.users.metamessages.with_streaming_response.list(
        app_id="a", user_id="u"
    ) as response:
        return b"".join(response.iter_bytes())


SYNC_CALLS: list[Callable[[Honcho], object]] = [
    _get_sync,
    _create_sync,
    _list_sync,
    _chat_sync,
    _streamed_sync,
]


@needs_proc
@pytest.mark.parametrize("max_concurrency", [5, None], ids=["max_concurrency=5", "default"])
def test_calls_that_time_out_leave_the_client_usable(
    chaos_server: FaultServer, max_concurrency: int | None
) -> None:
    rng = random.Random(SEED)
    plan = [(rng.choice(SYNC_CALLS), rng.uniform(0.001, 0.02)) for _ in range(CALLS)]
    baseline = _sockets.baseline()
    options: dict[str, Any] = {"base_url": chaos_server.url, "max_retries": 0}
    if max_concurrency is not None:
        options["max_concurrency"] = max_concurrency
    with Honcho(**options) as client:

        def one(item: tuple[Callable[[Honcho], object], float]) -> bool:
            call, timeout = item
            try:
                call(client.with_options(timeout=timeout))
            except HonchoError:
                return False
            return True

        with ThreadPoolExecutor(IN_FLIGHT) as threads:
            ended = sum(threads.map(one, plan))
        assert CALLS - ended >= CALLS // 10, ended  # how many end depends on load
        started = time.monotonic()
        with ThreadPoolExecutor(10) as threads:
            results = list(threads.map(lambda _: _get_sync(client), range(100)))
        assert time.monotonic() - started < 5.0
        assert [getattr(r, "id", None) for r in results] == ["m1"] * 100
        assert all(c.is_idle() for c in _pool_connections(client._http))
    assert _sockets.settle(baseline) == baseline
    assert chaos_server.errors == []


# The permits themselves --------------------------------------------------------------------


async def test_a_permit_granted_to_a_cancelled_waiter_is_passed_on() -> None:
    permits = AsyncPermits(1)
    held = await permits.acquire(None)
    assert held is not None
    second = asyncio.ensure_future(permits.acquire(None))
    third = asyncio.ensure_future(permits.acquire(None))
    await asyncio.sleep(0)  # both are queued now
    held.release()  # grants the second waiter...
    second.cancel()  # ...which is cancelled before it resumes
    permit = await asyncio.wait_for(third, 1.0)
    assert permit is not None and second.cancelled()
    assert permits.in_use == 1
    permit.release()
    permit.release()  # a second release gives nothing back twice
    assert permits.in_use == 0


async def test_a_waiter_cancelled_in_the_queue_leaves_it() -> None:
    permits = AsyncPermits(1)
    held = await permits.acquire(None)
    assert held is not None
    waiter = asyncio.ensure_future(permits.acquire(None))
    await asyncio.sleep(0)
    waiter.cancel()
    await asyncio.gather(waiter, return_exceptions=True)
    held.release()
    assert permits.in_use == 0
    assert await asyncio.wait_for(permits.acquire(None), 1.0) is not None


async def test_waiting_for_a_permit_is_bounded_and_fair() -> None:
    permits = AsyncPermits(1)
    held = await permits.acquire(None)
    assert held is not None
    assert await permits.acquire(0.01) is None  # timed out
    order: list[int] = []

    async def take(n: int) -> None:
        permit = await permits.acquire(None)
        assert permit is not None
        order.append(n)
        permit.release()

    waiters = [asyncio.ensure_future(take(n)) for n in range(5)]
    await asyncio.sleep(0)
    held.release()
    await asyncio.gather(*waiters)
    assert order == [0, 1, 2, 3, 4]
    assert permits.in_use == 0


def test_sync_permits_bound_threads_and_are_released_once() -> None:
    permits = Permits(2)
    first, second = permits.acquire(None), permits.acquire(None)
    assert first is not None and second is not None
    assert permits.acquire(0.01) is None  # timed out
    first.release()
    first.release()  # again: no effect
    assert permits.in_use == 1
    third = permits.acquire(0.01)
    assert third is not None
    assert permits.acquire(0.01) is None  # the double release gave back one permit, not two
    peak, running, count = 0, 0, threading.Lock()

    def work(_: int) -> None:
        nonlocal peak, running
        permit = permits.acquire(5)
        assert permit is not None
        with count:
            running += 1
            peak = max(peak, running)
        time.sleep(0.002)
        with count:
            running -= 1
        permit.release()

    second.release()
    third.release()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(work, range(40)))
    assert peak == 2
    assert permits.in_use == 0


def test_an_async_client_used_on_a_second_event_loop_says_so(fault_server: FaultServer) -> None:
    fault_server.route("GET", GET, json_body=METAMESSAGE)
    client = AsyncHoncho(base_url=fault_server.url)
    assert asyncio.run(_get(client)) is not None
    with pytest.raises(UsageError, match="another event loop"):
        asyncio.run(_get(client))
    assert fault_server.count("GET", GET) == 1


async def test_a_close_cut_short_by_a_cancellation_still_frees_the_connection(
    fault_server: FaultServer,
) -> None:
    """httpcore marks a body closed before it hands its connection back, and a cancellation in
    between used to leave the request in the pool for good, its connection busy."""
    fault_server.route("POST", CHAT, Fault.stream([f"w{i} " for i in range(40)], interval=0.25))
    fault_server.route("GET", GET, json_body=METAMESSAGE)
    async with AsyncHoncho(base_url=fault_server.url, max_concurrency=1) as client:
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        closing = asyncio.ensure_future(stream.close())
        await asyncio.sleep(0)  # the close has begun, and waits inside httpcore
        closing.cancel()
        with pytest.raises(asyncio.CancelledError):
            await closing
        pool = client._http._transport._pool  # type: ignore[attr-defined]
        for _ in range(200):  # the hand-back runs in a task of its own
            if not pool._requests:
                break
            await asyncio.sleep(0.01)
        assert pool._requests == []
        assert all(c.is_closed() or c.is_idle() for c in pool.connections)
        assert client._limiter.in_use == 0
        assert await asyncio.wait_for(_get(client), 5.0) is not None
