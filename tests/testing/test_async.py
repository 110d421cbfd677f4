"""The async in-process transport: CRUD, streamed chat, non-blocking delays, concurrency."""

from __future__ import annotations

import asyncio
import time

import httpx

from honcho_client.testing import ChatContext, FakeHoncho

from .conftest import assert_record


async def make_session(http: httpx.AsyncClient) -> str:
    app = (await http.post("/v1/apps", json={"name": "a"})).json()
    user = (await http.post(f"/v1/apps/{app['id']}/users", json={"name": "alice"})).json()
    base = f"/v1/apps/{app['id']}/users/{user['id']}/sessions"
    session = (await http.post(base, json={})).json()
    return f"{base}/{session['id']}"


async def test_async_crud(async_http: httpx.AsyncClient, fake: FakeHoncho) -> None:
    response = await async_http.post("/v1/apps", json={"name": "a"})
    assert response.status_code == 200
    assert_record(response.json(), "App")
    missing = await async_http.get("/v1/apps", params={"app_id": "x"})
    assert (missing.status_code, missing.json()) == (404, {"detail": "App with ID x not found"})
    assert fake.request_count() == 2


async def test_async_streamed_chat(async_http: httpx.AsyncClient) -> None:
    path = await make_session(async_http)
    await async_http.post(f"{path}/messages", json={"content": "I like tea", "is_user": True})
    body = {"queries": "What does alice drink?", "stream": True}
    async with async_http.stream("POST", f"{path}/chat", json=body) as response:
        assert response.headers["content-type"] == "text/event-stream; charset=utf-8"
        chunks = [chunk async for chunk in response.aiter_raw()]
    assert len(chunks) >= 3
    assert (
        b"".join(chunks)
        .decode()
        .startswith('Based on 1 message from alice: the latest was "I like tea"')
    )


async def test_delay_does_not_block_the_loop(
    async_http: httpx.AsyncClient, fake: FakeHoncho
) -> None:
    fake.delay(0.4, path="/v1/apps/list")
    finished: list[str] = []

    async def slow() -> None:
        await async_http.post("/v1/apps/list")
        finished.append("slow")

    async def fast() -> None:
        await async_http.get("/v1/apps/get_or_create/x")
        finished.append("fast")

    started = time.perf_counter()
    await asyncio.gather(slow(), fast())
    assert finished == ["fast", "slow"]
    assert time.perf_counter() - started >= 0.4


async def test_slow_responder_does_not_block_the_loop(
    async_http: httpx.AsyncClient, fake: FakeHoncho
) -> None:
    path = await make_session(async_http)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        for _ in range(10):
            await asyncio.sleep(0.01)
            ticks += 1

    def responder(context: ChatContext) -> str:
        time.sleep(0.2)  # a blocking responder runs in a worker thread
        return "slow answer"

    fake.responder = responder
    results = await asyncio.gather(async_http.post(f"{path}/chat", json={"queries": "q"}), ticker())
    assert results[0].json() == {"content": "slow answer"}
    assert ticks == 10


async def test_async_fail_next_and_concurrency(
    async_http: httpx.AsyncClient, fake: FakeHoncho
) -> None:
    fake.fail_next(status=503, retry_after=3)
    failed = await async_http.post("/v1/apps", json={"name": "x"})
    assert (failed.status_code, failed.headers["retry-after"]) == (503, "3")
    responses = await asyncio.gather(
        *(async_http.post("/v1/apps", json={"name": f"app{i}"}) for i in range(50))
    )
    assert {r.status_code for r in responses} == {200}
    assert len({r.json()["id"] for r in responses}) == 50
    assert len(fake.apps) == 50
