"""Streams over real sockets: an open stream holds one of the client's `max_concurrency` slots
until it is closed, one dropped unclosed is closed by its finalizer (with a ResourceWarning
naming the call), and one read twice says so. Sync and async, on every async transport.
"""

from __future__ import annotations

import asyncio
import gc
import threading
import time
from collections.abc import Iterator

import _sockets
import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer

from honcho_client import (
    APITimeoutError,
    AsyncChatStream,
    AsyncHoncho,
    ChatStream,
    ClientClosedError,
    Honcho,
    StreamConsumedError,
)

CHAT = "/v1/apps/a/users/u/sessions/s/chat"
APPS_LIST = "/v1/apps/list"
PAGE = {"items": [], "total": 0, "page": 1, "size": 50, "pages": 0}
needs_proc = pytest.mark.skipif(not _sockets.available(), reason="needs /proc to count sockets")


@pytest.fixture
def slow_chat(fault_server: FaultServer) -> Iterator[FaultServer]:
    """A chat answer that takes 10 s to stream (40 chunks, 0.25 s apart); a list that answers."""
    fault_server.route("POST", CHAT, Fault.stream([f"w{i} " for i in range(40)], interval=0.25))
    fault_server.route("POST", APPS_LIST, json_body=PAGE)
    yield fault_server


def _open_chat(client: Honcho) -> ChatStream:
    return client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True)


async def _open_chat_async(client: AsyncHoncho) -> AsyncChatStream:
    return await client.apps.users.sessions.chat(
        "s", app_id="a", user_id="u", queries="q", stream=True
    )


# Open streams count against max_concurrency ------------------------------------------------


def test_open_streams_hold_their_slots_sync(slow_chat: FaultServer) -> None:
    with Honcho(base_url=slow_chat.url, max_concurrency=2) as client:
        first, second = _open_chat(client), _open_chat(client)
        with pytest.raises(APITimeoutError, match="all 2 slots of max_concurrency") as caught:
            client.apps.list(timeout=0.3)
        assert "pool timeout" in caught.value.reason
        assert slow_chat.count("POST", APPS_LIST) == 0  # it waited in the client, unsent
        first.close()
        assert client.apps.list(timeout=5).items == []
        with client.apps.with_streaming_response.list() as response:
            assert response.status_code == 200
            with pytest.raises(APITimeoutError, match="max_concurrency"):
                client.apps.list(timeout=0.3)  # the streaming response holds the other slot
        assert client.apps.list(timeout=5).items == []
        second.close()
        permits = [client._limiter.acquire(0), client._limiter.acquire(0)]
        assert None not in permits  # both slots are free
        for permit in permits:
            assert permit is not None
            permit.release()


async def test_open_streams_hold_their_slots_async(
    slow_chat: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    async with async_honcho(base_url=slow_chat.url, max_concurrency=2) as client:
        first, second = await _open_chat_async(client), await _open_chat_async(client)
        with pytest.raises(APITimeoutError, match="all 2 slots of max_concurrency"):
            await client.apps.list(timeout=0.3)
        assert slow_chat.count("POST", APPS_LIST) == 0
        await first.close()
        assert (await client.apps.list(timeout=5)).items == []
        async with client.apps.with_streaming_response.list() as response:
            assert response.status_code == 200
            with pytest.raises(APITimeoutError, match="max_concurrency"):
                await client.apps.list(timeout=0.3)
        assert (await client.apps.list(timeout=5)).items == []
        await second.close()
        assert client._limiter.in_use == 0


# A dropped stream is closed by its finalizer ------------------------------------------------


@needs_proc
def test_a_dropped_stream_frees_its_connection_sync(slow_chat: FaultServer) -> None:
    baseline = _sockets.baseline()
    with Honcho(base_url=slow_chat.url, max_concurrency=2) as client:
        streams = [_open_chat(client), _open_chat(client)]
        responses = [stream.response for stream in streams]
        with pytest.warns(ResourceWarning, match=r"apps\.users\.sessions\.chat \(POST /v1/apps"):
            del streams
            gc.collect()
        deadline = time.monotonic() + 5
        while not all(r.is_closed for r in responses) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert all(r.is_closed for r in responses)
        assert _sockets.settle(baseline) == baseline  # both connections are gone
        assert client.apps.list(timeout=5).items == []  # and both slots are free again
    assert _sockets.settle(baseline) == baseline


@needs_proc
async def test_a_dropped_stream_frees_its_connection_async(
    slow_chat: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    baseline = _sockets.baseline()
    async with async_honcho(base_url=slow_chat.url, max_concurrency=2) as client:
        streams = [await _open_chat_async(client), await _open_chat_async(client)]
        responses = [stream.response for stream in streams]
        with pytest.warns(ResourceWarning, match=r"apps\.users\.sessions\.chat \(POST /v1/apps"):
            del streams
            gc.collect()
        for _ in range(500):
            if all(r.is_closed for r in responses):
                break
            await asyncio.sleep(0.01)
        assert all(r.is_closed for r in responses)
        assert client._limiter.in_use == 0
        assert await _sockets.settle_async(baseline) == baseline
        assert (await client.apps.list(timeout=5)).items == []
    assert await _sockets.settle_async(baseline) == baseline


def test_a_dropped_streaming_response_is_closed_too(slow_chat: FaultServer) -> None:
    with Honcho(base_url=slow_chat.url, max_concurrency=1) as client:
        response = client.apps.users.sessions.with_streaming_response.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        http_response = response.http_response
        with pytest.warns(ResourceWarning, match=r"sessions\.chat"):
            del response
            gc.collect()
        assert client.apps.list(timeout=5).items == []
        assert http_response.is_closed


def test_a_closed_stream_warns_nothing(
    slow_chat: FaultServer, recwarn: pytest.WarningsRecorder
) -> None:
    with Honcho(base_url=slow_chat.url) as client:
        with _open_chat(client) as stream:
            next(iter(stream))
        del stream
        gc.collect()
    assert not [w for w in recwarn if issubclass(w.category, ResourceWarning)]


# A stream is read once ---------------------------------------------------------------------


def test_reading_a_stream_again_raises_stream_consumed_sync(fault_server: FaultServer) -> None:
    fault_server.route("POST", CHAT, Fault.stream(["a", "b"], interval=0.01))
    fault_server.route("POST", APPS_LIST, json_body=PAGE)
    with Honcho(base_url=fault_server.url) as client:
        stream = _open_chat(client)
        assert stream.text() == "ab"
        with pytest.raises(StreamConsumedError, match="read once"):
            stream.text()
        with pytest.raises(StreamConsumedError):
            list(stream)
        closed = _open_chat(client)
        closed.close()
        with pytest.raises(StreamConsumedError):
            closed.text()
        with client.apps.with_streaming_response.list() as response:
            assert b"".join(response.iter_bytes())
            with pytest.raises(StreamConsumedError, match="read once"):
                list(response.iter_bytes())
        response = client.apps.with_streaming_response.list()
        assert response.read() == response.read()  # read() keeps the body
        assert response.parse().items == []


async def test_reading_a_stream_again_raises_stream_consumed_async(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("POST", CHAT, Fault.stream(["a", "b"], interval=0.01))
    fault_server.route("POST", APPS_LIST, json_body=PAGE)
    async with async_honcho(base_url=fault_server.url) as client:
        stream = await _open_chat_async(client)
        assert await stream.text() == "ab"
        with pytest.raises(StreamConsumedError, match="read once"):
            await stream.text()
        async with client.apps.with_streaming_response.list() as response:
            assert b"".join([chunk async for chunk in response.iter_bytes()])
            with pytest.raises(StreamConsumedError, match="read once"):
                [chunk async for chunk in response.iter_text()]


# close() with calls in flight -----------------------------------------------------------------

IN_FLIGHT_ASYNC, IN_FLIGHT_SYNC = 50, 8
# A bound on the behaviour, not a speed target: the calls end when close() cuts their sockets,
# where before they waited for the server (here 60 s).
PROMPT_SECONDS = 1.0


@needs_proc
async def test_close_ends_async_calls_in_flight_with_client_closed(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("POST", APPS_LIST, Fault.read_hang(60))
    baseline = _sockets.baseline()
    async with async_honcho(base_url=fault_server.url, max_retries=0) as client:
        calls = [asyncio.ensure_future(client.apps.list()) for _ in range(IN_FLIGHT_ASYNC)]
        await asyncio.to_thread(fault_server.wait_for_requests, IN_FLIGHT_ASYNC, 10.0)
        started = time.monotonic()
        await client.close()
        if client._http is not None and not client._owns_http:
            await client._http.aclose()  # the fast path: the caller closes its own pool
        results = await asyncio.wait_for(
            asyncio.gather(*calls, return_exceptions=True), PROMPT_SECONDS * 5
        )
        took = time.monotonic() - started
    assert [type(r) for r in results] == [ClientClosedError] * IN_FLIGHT_ASYNC, results[:3]
    assert took < PROMPT_SECONDS, took
    assert await _sockets.settle_async(baseline) == baseline


@needs_proc
def test_close_ends_sync_calls_in_flight_in_other_threads_with_client_closed(
    fault_server: FaultServer,
) -> None:
    fault_server.route("POST", APPS_LIST, Fault.read_hang(60))
    baseline = _sockets.baseline()
    ended: list[tuple[float, BaseException | None]] = []

    def call(client: Honcho) -> None:
        try:
            client.apps.list()
        except BaseException as error:
            ended.append((time.monotonic(), error))
        else:
            ended.append((time.monotonic(), None))

    client = Honcho(base_url=fault_server.url, max_retries=0)
    threads = [threading.Thread(target=call, args=(client,)) for _ in range(IN_FLIGHT_SYNC)]
    for thread in threads:
        thread.start()
    fault_server.wait_for_requests(IN_FLIGHT_SYNC, 10.0)
    started = time.monotonic()
    client.close()
    for thread in threads:
        thread.join(PROMPT_SECONDS * 5)
    assert [type(e) for _, e in ended] == [ClientClosedError] * IN_FLIGHT_SYNC, ended[:3]
    assert max(t for t, _ in ended) - started < PROMPT_SECONDS
    assert "server" not in str(ended[0][1]) or "closed" in str(ended[0][1])
    assert _sockets.settle(baseline) == baseline


def test_close_ends_a_sync_call_waiting_to_retry(fault_server: FaultServer) -> None:
    fault_server.route("POST", APPS_LIST, Fault.status(503, retry_after=30))
    ended: list[tuple[float, BaseException | None]] = []
    client = Honcho(base_url=fault_server.url, max_retries=2)

    def call() -> None:
        try:
            client.apps.list()
        except BaseException as error:
            ended.append((time.monotonic(), error))

    thread = threading.Thread(target=call)
    thread.start()
    fault_server.wait_for_requests(1, 10.0)
    time.sleep(0.2)  # now in its 30 s wait before the second attempt
    started = time.monotonic()
    client.close()
    thread.join(PROMPT_SECONDS * 5)
    assert [type(e) for _, e in ended] == [ClientClosedError]
    assert ended[0][0] - started < PROMPT_SECONDS
    assert len(fault_server.requests) == 1


async def test_close_ends_an_async_call_waiting_to_retry(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("POST", APPS_LIST, Fault.status(503, retry_after=30))
    async with async_honcho(base_url=fault_server.url, max_retries=2) as client:
        call = asyncio.ensure_future(client.apps.list())
        await asyncio.to_thread(fault_server.wait_for_requests, 1, 10.0)
        await asyncio.sleep(0.2)  # now in its 30 s wait before the second attempt
        started = time.monotonic()
        await client.close()
        results = await asyncio.wait_for(
            asyncio.gather(call, return_exceptions=True), PROMPT_SECONDS * 5
        )
        took = time.monotonic() - started
    assert [type(r) for r in results] == [ClientClosedError]
    assert took < PROMPT_SECONDS, took
    assert len(fault_server.requests) == 1
