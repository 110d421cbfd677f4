"""The client over real sockets, against the fault-injecting server: retries, timeouts, paths,
bad responses, streamed chat, logging. Every scenario runs on the sync client and on the async
client over each transport (httpx's, and aiohttp's when the `aiohttp` extra is installed).

The unsafe scenarios assert the point of the retry policy: a create is received at most once.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import pytest
from _bodies import CHAT, CREATE, GET, LIST, METAMESSAGE, PAGE
from _clients import ASYNC_TRANSPORTS, async_honcho_factory
from _servers.faults import Fault, FaultServer

from honcho_client import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncHoncho,
    ConflictError,
    Honcho,
    InternalServerError,
    NotFoundError,
    RequestValidationError,
)

MODES = ["sync", "async", *(["aiohttp"] if "aiohttp" in ASYNC_TRANSPORTS else [])]


def run(mode: str, call: Callable[[Any], Any], **client_args: Any) -> Any:
    """Make a client of the given mode, run `call(client)` (awaiting it on the async one), close."""
    if mode == "sync":
        with Honcho(**client_args) as client:
            return call(client)

    async def main() -> Any:
        transport = "aiohttp" if mode == "aiohttp" else "httpx"
        async with async_honcho_factory(transport)(**client_args) as client:
            result = call(client)
            return await result if inspect.isawaitable(result) else result

    return asyncio.run(main())


def create(client: Any) -> Any:
    return client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content="c"
    )


def get(client: Any) -> Any:
    return client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


def first_page(client: Any) -> Any:
    return client.apps.users.metamessages.list(app_id="a", user_id="u")


@pytest.fixture
def server(fault_server: FaultServer) -> FaultServer:
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)
    fault_server.route("GET", GET, json_body=METAMESSAGE)
    fault_server.route("POST", LIST, json_body=PAGE)
    return fault_server


# Unsafe operations: never sent twice when the server may have acted ---------------------------


@pytest.mark.parametrize("mode", MODES)
def test_create_read_timeout_is_not_retried(mode: str, server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.read_hang(3))
    with pytest.raises(APITimeoutError) as caught:
        run(mode, create, base_url=server.url, timeout=0.3, max_retries=2)
    assert caught.value.attempts == 1
    assert server.count("POST", CREATE) == 1


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (Fault.status(500), InternalServerError),
        (Fault.status(502, html=True), InternalServerError),
        (Fault.status(504), InternalServerError),
        (
            Fault.status(409, json_body={"detail": "Collection with name 'c1' already exists"}),
            ConflictError,
        ),
        (Fault.drop_after_read(), APIConnectionError),
        (Fault.reset_after_read(), APIConnectionError),
        (Fault.truncated_body(b'{"id": "m1", "la'), APIResponseValidationError),
    ],
    ids=[
        "500",
        "502-html",
        "504",
        "409",
        "dropped-after-read",
        "reset-after-read",
        "truncated-body",
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_create_is_received_once(
    mode: str, fault: Any, error: type[Exception], server: FaultServer
) -> None:
    server.enqueue("POST", CREATE, fault)
    with pytest.raises(error):
        run(mode, create, base_url=server.url, max_retries=2)
    time.sleep(0.1)  # let a (wrong) second attempt arrive before counting
    assert server.count("POST", CREATE) == 1


@pytest.mark.parametrize("mode", MODES)
def test_create_retried_after_429_with_retry_after(mode: str, server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.status(429, retry_after=1))
    result = run(mode, create, base_url=server.url)
    assert result.id == "m1"
    first, second = server.requests
    assert second.received_at - first.received_at >= 1.0
    assert server.count("POST", CREATE) == 2


@pytest.mark.parametrize("mode", MODES)
def test_create_retried_after_503(mode: str, server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.status(503, retry_after_ms=50))
    assert run(mode, create, base_url=server.url).id == "m1"
    assert server.count("POST", CREATE) == 2


@pytest.mark.parametrize("mode", MODES)
def test_create_retried_when_the_connection_was_closed_before_reading(
    mode: str, server: FaultServer
) -> None:
    server.enqueue_connection(Fault.drop_before_read())
    with pytest.raises(APIConnectionError):
        run(mode, create, base_url=server.url)
    # The server closed the connection before reading: nothing was processed.
    assert server.count("POST", CREATE) == 0


# Safe operations: retried after any transient failure ----------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_list_502_then_200(mode: str, server: FaultServer) -> None:
    server.enqueue("POST", LIST, Fault.status(502, html=True))
    page = run(mode, first_page, base_url=server.url)
    assert [m.id for m in page.items] == ["m1"]
    assert server.count("POST", LIST) == 2


@pytest.mark.parametrize("mode", MODES)
def test_get_connection_dropped_then_200(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.drop_after_read())
    assert run(mode, get, base_url=server.url).id == "m1"
    assert server.count("GET", GET) == 2


@pytest.mark.parametrize("mode", MODES)
def test_get_read_timeout_then_200(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.read_hang(2))
    assert run(mode, get, base_url=server.url, timeout=0.3).id == "m1"
    assert server.count("GET", GET) == 2


@pytest.mark.parametrize("mode", MODES)
def test_get_truncated_body_is_retried(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.truncated_body(b'{"id": "m1"'))
    assert run(mode, get, base_url=server.url).id == "m1"
    assert server.count("GET", GET) == 2


@pytest.mark.parametrize("mode", MODES)
def test_retries_run_out(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, *[Fault.status(503, retry_after_ms=10)] * 4)
    with pytest.raises(InternalServerError) as caught:
        run(mode, get, base_url=server.url, max_retries=2)
    assert caught.value.attempts == 3
    assert "(after 3 attempts)" in str(caught.value)
    assert server.count("GET", GET) == 3


@pytest.mark.parametrize("mode", MODES)
def test_connection_refused(mode: str, refused_url: str) -> None:
    with pytest.raises(APIConnectionError) as caught:
        run(mode, create, base_url=refused_url, max_retries=2)
    assert not isinstance(caught.value, APITimeoutError)
    assert caught.value.attempts == 3


# Paths, validation and bad responses ---------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
def test_ids_cannot_climb_to_another_route(mode: str, server: FaultServer) -> None:
    def call(client: Any) -> Any:
        return client.apps.users.metamessages.create(
            user_id="u", app_id="../../keys", metamessage_type="x", content="c"
        )

    with pytest.raises(APIStatusError):
        run(mode, call, base_url=server.url, max_retries=0)
    [request] = server.requests
    assert request.target == "/v1/apps/..%2F..%2Fkeys/users/u/metamessages"
    assert server.count("POST", "/v1/keys") == 0


@pytest.mark.parametrize(
    "call",
    [
        lambda c: c.apps.users.metamessages.create(
            user_id="u", app_id="a", metamessage_type="", content="c"
        ),
        lambda c: c.apps.users.metamessages.create(
            user_id="u", app_id="a", metamessage_type="t" * 51, content="c"
        ),
        lambda c: c.apps.users.metamessages.create(
            user_id="u", app_id="a", metamessage_type="t", content="c" * 50_001
        ),
        lambda c: c.apps.users.sessions.messages.batch(
            session_id="s",
            app_id="a",
            user_id="u",
            messages=[{"content": "m", "is_user": True}] * 101,
        ),
        lambda c: c.apps.users.collections.documents.query(
            collection_id="c", app_id="a", user_id="u", query="q", top_k=0
        ),
        lambda c: c.apps.users.metamessages.get("m1", app_id="", user_id="u"),
    ],
    ids=[
        "empty-type",
        "51-char-type",
        "50001-char-content",
        "batch-of-101",
        "top_k-0",
        "empty-path-param",
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_invalid_requests_send_nothing(
    mode: str, call: Callable[[Any], Any], server: FaultServer
) -> None:
    with pytest.raises(RequestValidationError):
        run(mode, call, base_url=server.url)
    assert server.requests == []
    assert server.connections_accepted == 0


@pytest.mark.parametrize("mode", MODES)
def test_non_json_2xx(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.malformed_json())
    with pytest.raises(APIResponseValidationError) as caught:
        run(mode, get, base_url=server.url)
    assert caught.value.status_code == 200
    assert '{"id": "app_1", "name": }' in str(caught.value)


@pytest.mark.parametrize("mode", MODES)
def test_unexpected_status(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.status(418, body="I'm a teapot"))
    with pytest.raises(APIStatusError) as caught:
        run(mode, get, base_url=server.url)
    assert type(caught.value) is APIStatusError
    assert caught.value.status_code == 418
    assert "I'm a teapot" in str(caught.value)


# Streamed chat -------------------------------------------------------------------------------


def _chat(client: Any) -> Any:
    return client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True)


def _chat_text(client: Any) -> Any:
    """The whole streamed answer: `.text()` on the stream, awaited twice on the async client."""
    stream = _chat(client)
    if inspect.isawaitable(stream):

        async def text() -> str:
            return await (await stream).text()

        return text()
    return stream.text()


def test_chat_stream_yields_chunks_as_they_arrive_sync(server: FaultServer) -> None:
    stream_action = Fault.stream([f"part{i} " for i in range(5)], interval=0.1)
    server.enqueue("POST", CHAT, stream_action)
    received: list[tuple[str, float]] = []
    with Honcho(base_url=server.url) as client, _chat(client) as stream:
        for chunk in stream:
            received.append((chunk, time.monotonic()))
    assert "".join(c for c, _ in received) == "part0 part1 part2 part3 part4 "
    assert received[0][1] < stream_action.sent_at[-1]


async def test_chat_stream_yields_chunks_as_they_arrive_async(server: FaultServer) -> None:
    stream_action = Fault.stream([f"part{i} " for i in range(5)], interval=0.1)
    server.enqueue("POST", CHAT, stream_action)
    received: list[tuple[str, float]] = []
    async with AsyncHoncho(base_url=server.url) as client:
        stream = await _chat(client)
        async for chunk in stream:
            received.append((chunk, time.monotonic()))
    assert "".join(c for c, _ in received) == "part0 part1 part2 part3 part4 "
    assert received[0][1] < stream_action.sent_at[-1]


def _chat_events(client: Any) -> Any:
    """The data of each Server-Sent Event of the streamed answer (`events()`, the opt-in)."""
    stream = _chat(client)
    if inspect.isawaitable(stream):

        async def data() -> list[str]:
            return [event.data async for event in (await stream).events()]

        return data()
    return [event.data for event in stream.events()]


@pytest.mark.parametrize("mode", MODES)
def test_chat_stream_with_sse_framing(mode: str, server: FaultServer) -> None:
    server.enqueue(
        "POST",
        CHAT,
        Fault.stream(
            [": hi\n\n", "data: Alice\n", "data: likes tea\n\n", "data: [DONE]\n\n"], interval=0.01
        ),
    )

    assert run(mode, _chat_events, base_url=server.url) == ["Alice\nlikes tea"]


@pytest.mark.parametrize("mode", MODES)
def test_chat_stream_cut_mid_answer_raises(mode: str, server: FaultServer) -> None:
    server.enqueue(
        "POST", CHAT, Fault.stream(["one ", "two ", "three "], interval=0.02, cut_after=2)
    )

    with pytest.raises(APIConnectionError, match="cut before it ended"):
        run(mode, _chat_text, base_url=server.url)


def test_breaking_out_of_the_stream_closes_the_connection(server: FaultServer) -> None:
    server.enqueue("POST", CHAT, Fault.stream([f"w{i} " for i in range(20)], interval=0.05))
    with Honcho(base_url=server.url) as client:
        stream = _chat(client)
        for _chunk in stream:
            break
        assert stream.response.is_closed


# Logging -------------------------------------------------------------------------------------


def test_debug_log_never_carries_the_key(server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.status(503, retry_after_ms=10))
    script = (
        "from honcho_client import Honcho\n"
        f"c = Honcho(base_url={server.url!r})\n"
        "c.apps.users.metamessages.create(user_id='u', app_id='a', metamessage_type='x', content='secret-content')\n"
    )
    env = {**os.environ, "HONCHO_LOG": "debug", "HONCHO_API_KEY": "sk-very-secret-123"}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    output = done.stdout + done.stderr
    assert "POST http://127.0.0.1" in output and "-> 503" in output and "-> 200" in output
    assert "retrying in" in output
    assert "sk-very-secret-123" not in output
    assert "Bearer" not in output
    assert "secret-content" not in output
    assert json.loads(server.requests[0].body)["content"] == "secret-content"


# A body cut short: a connection error for a call safe to repeat, a bad response otherwise ------


@pytest.mark.parametrize("mode", MODES)
def test_a_read_whose_body_is_always_cut_is_a_connection_error(
    mode: str, server: FaultServer
) -> None:
    server.enqueue("GET", GET, *[Fault.truncated_body(b'{"id": "m1"')] * 3)
    with pytest.raises(APIConnectionError) as caught:
        run(mode, get, base_url=server.url, max_retries=2)
    assert type(caught.value) is APIConnectionError
    assert caught.value.attempts == 3
    assert "received 11 bytes, expected 75" in str(caught.value)
    assert str(caught.value).endswith("(after 3 attempts)")
    assert server.count("GET", GET) == 3


@pytest.mark.parametrize("mode", MODES)
def test_a_create_whose_body_is_cut_says_it_may_have_acted(mode: str, server: FaultServer) -> None:
    server.enqueue("POST", CREATE, Fault.truncated_body(b'{"id": "m1", "la'))
    with pytest.raises(APIResponseValidationError) as caught:
        run(mode, create, base_url=server.url, max_retries=2)
    assert caught.value.status_code == 200
    assert "the body was cut short" in str(caught.value)
    assert "the call may have taken effect, so it was not sent again" in str(caught.value)
    assert server.count("POST", CREATE) == 1


@pytest.mark.parametrize("mode", MODES)
def test_an_error_whose_body_is_cut_keeps_its_status(mode: str, server: FaultServer) -> None:
    server.enqueue("GET", GET, Fault.truncated_body(b'{"detail": "no s', status=404))
    server.enqueue("GET", GET, Fault.truncated_body(b"<html>", status=503))
    with pytest.raises(NotFoundError) as caught:
        run(mode, get, base_url=server.url)
    assert "(the body was cut short:" in str(caught.value)
    assert caught.value.body is None
    assert run(mode, get, base_url=server.url).id == "m1"  # a cut 503 is retried like a 503
    assert server.count("GET", GET) == 3
