"""The cancellation chaos run, on any event loop anyio knows (asyncio, uvloop, trio).

`route(server)` makes a fault server answer in 0-10 ms (the list body and the chat answer in
pieces over ~10 ms). `cancel_at_random` then starts `calls` calls, `IN_FLIGHT` at a time, each
cancelled after 0-20 ms, seeded: waiting for a permit, connecting, sending, waiting for the
headers, reading a body or reading a stream. `hundred_calls` checks that the client still works.
"""

from __future__ import annotations

import json
import random
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
import httpx
from _bodies import CHAT, CREATE, GET, LIST, METAMESSAGE, PAGE
from _servers.faults import Fault, FaultServer

from honcho_client import AsyncHoncho

SEED = 20_240_506
CALLS = 2_000
IN_FLIGHT = 25  # calls started before waiting for one to end


def route(server: FaultServer) -> FaultServer:
    answer = Fault.status(200, json_body=METAMESSAGE)
    server.route("GET", GET, Fault.jitter(0.0, 0.01, then=answer, seed=1))
    server.route("POST", CREATE, Fault.jitter(0.0, 0.01, then=answer, seed=2))
    body = json.dumps(PAGE).encode()
    pieces = [body[i : i + 64] for i in range(0, len(body), 64)]
    server.route(
        "POST", LIST, Fault.stream(pieces, interval=0.002, content_type="application/json")
    )
    server.route(
        "POST", CHAT, Fault.stream(["one ", "two ", "three"], interval=0.004, first_delay=0.002)
    )
    return server


async def get(client: AsyncHoncho) -> object:
    return await client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


async def create(client: AsyncHoncho) -> object:
    return await client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content="c"
    )


async def list_all(client: AsyncHoncho) -> object:
    return [m async for m in client.apps.users.metamessages.list(app_id="a", user_id="u")]


async def chat(client: AsyncHoncho) -> object:
    stream = await client.apps.users.sessions.chat(
        "s", app_id="a", user_id="u", queries="q", stream=True
    )
    return await stream.text()


async def streamed(client: AsyncHoncho) -> object:
    manager = client.apps.users.metamessages.with_streaming_response.list(app_id="a", user_id="u")
    async with manager as response:
        return b"".join([chunk async for chunk in response.iter_bytes()])


ASYNC_CALLS: list[Callable[[AsyncHoncho], Awaitable[object]]] = [
    get,
    create,
    list_all,
    chat,
    streamed,
]


async def cancel_at_random(
    client: AsyncHoncho, rng: random.Random, calls: int = CALLS
) -> tuple[int, int]:
    """`calls` calls, each cancelled after 0-20 ms; return how many ended and how many were
    cancelled. Any exception fails the run (it leaves the task group)."""
    outcomes = {"ended": 0, "cancelled": 0}
    window = anyio.Semaphore(IN_FLIGHT)

    async def one(call: Callable[[AsyncHoncho], Awaitable[object]], delay: float) -> None:
        try:
            with anyio.move_on_after(delay) as scope:
                await call(client)
            outcomes["cancelled" if scope.cancelled_caught else "ended"] += 1
        finally:
            window.release()

    async with anyio.create_task_group() as tasks:
        for _ in range(calls):
            await window.acquire()
            tasks.start_soon(one, rng.choice(ASYNC_CALLS), rng.uniform(0.0, 0.02))
    return outcomes["ended"], outcomes["cancelled"]


async def hundred_calls(client: AsyncHoncho) -> None:
    """100 calls at once, all answered within 5 s."""
    results: list[object] = []

    async def one() -> None:
        results.append(await get(client))

    with anyio.fail_after(5.0):
        async with anyio.create_task_group() as tasks:
            for _ in range(100):
                tasks.start_soon(one)
    assert [getattr(r, "id", None) for r in results] == ["m1"] * 100


def pool_connections(http: httpx.AsyncClient | httpx.Client) -> list[Any]:
    """The connections of an httpx client's pool (none for a transport without one)."""
    pool = getattr(getattr(http, "_transport", None), "_pool", None)
    return list(getattr(pool, "connections", []))
