"""A server error never breaks the next call: after a 5xx, an event stream (or `Connection:
close`) the connection is not reused, on every path, over real sockets.

The fault server answers the chat with a 500 and closes the connection 50 ms later without
having said `Connection: close`, as uvicorn does. A create sent on that connection in the
meantime would be lost with "connection reset by the server"; it must go out on a fresh one.
The same after an event stream that ends empty, as a streamed chat that failed does. Also live
against the real server (REAL_HONCHO), where `chat(queries=[])` fails in both ways.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from _bodies import CHAT, CREATE, METAMESSAGE
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer

from honcho_client import AsyncHoncho, Honcho, InternalServerError

ROUNDS = 20


# How the chat fails, as the fault server answers it: a 500, or a streamed chat that failed after
# its 200 headers (an empty event stream, as the real server sends); either way the connection is
# closed 50 ms later, unannounced.
FAILURES = {
    "500": Fault.status(500, close_after=0.05),
    "event stream": Fault.status(200, body="", content_type="text/event-stream", close_after=0.05),
}


@pytest.fixture(params=sorted(FAILURES))
def failing_chat(request: pytest.FixtureRequest, fault_server: FaultServer) -> str:
    """Which failure the fault server's chat answers with; creates succeed."""
    fault_server.route("POST", CHAT, FAILURES[request.param])
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)
    return str(request.param)


def _chat(client: Any, queries: Any = "q", **kwargs: Any) -> Any:
    return client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries=queries, **kwargs)


def _create(client: Any, content: str = "c") -> Any:
    return client.apps.users.metamessages.create(
        user_id="u", app_id="a", metamessage_type="x", content=content
    )


def _fail(chat: Callable[..., Any], failure: str) -> None:
    """Call `chat` (which takes `stream=`) and see it fail: a 500, else an empty stream."""
    if failure == "500":
        with pytest.raises(InternalServerError):
            chat()
        return
    with chat(stream=True) as stream:
        assert "".join(stream) == ""


async def _fail_async(chat: Callable[..., Any], failure: str) -> None:
    if failure == "500":
        with pytest.raises(InternalServerError):
            await chat()
        return
    stream = await chat(stream=True)
    async with stream:
        assert [text async for text in stream] == []


def _check(server: FaultServer) -> None:
    assert server.count("POST", CHAT) == ROUNDS
    assert server.count("POST", CREATE) == ROUNDS  # each create stored once
    chats = [r.connection_id for r in server.requests if r.path == CHAT]
    creates = [r.connection_id for r in server.requests if r.path == CREATE]
    assert all(a != b for a, b in zip(chats, creates, strict=True))  # not on the failure's one


def test_create_after_a_closing_failure_sync(fault_server: FaultServer, failing_chat: str) -> None:
    with Honcho(base_url=fault_server.url, max_retries=0) as client:
        for _ in range(ROUNDS):
            _fail(functools.partial(_chat, client), failing_chat)
            assert _create(client).id == "m1"
    _check(fault_server)


async def test_create_after_a_closing_failure_async(
    fault_server: FaultServer, failing_chat: str, async_honcho: AsyncHonchoFactory
) -> None:
    async with async_honcho(base_url=fault_server.url, max_retries=0) as client:
        for _ in range(ROUNDS):
            await _fail_async(functools.partial(_chat, client), failing_chat)
            assert (await _create(client)).id == "m1"
    _check(fault_server)


def test_connection_close_is_honoured(fault_server: FaultServer) -> None:
    fault_server.route(
        "POST", CHAT, Fault.status(200, json_body={"content": "x"}, headers={"Connection": "close"})
    )
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)
    with Honcho(base_url=fault_server.url, max_retries=0) as client:
        for _ in range(3):
            _chat(client)
            _create(client)
    assert fault_server.connections_accepted == 4  # each chat closes the one it went on


# Live: the real server closes after its failures ---------------------------------------------

REAL = os.environ.get("REAL_HONCHO")
live = pytest.mark.skipif(not REAL, reason="set REAL_HONCHO to run against the real server")


def _live_ids(client: Honcho) -> tuple[str, str, str]:
    app = client.apps.create(name=f"reuse-{uuid.uuid4().hex[:12]}")
    user = client.apps.users.create(app_id=app.id, name="u")
    session = client.apps.users.sessions.create(user_id=user.id, app_id=app.id)
    return app.id, user.id, session.id


@live
@pytest.mark.parametrize("failure", ["500", "cut stream"])
@pytest.mark.parametrize("path", ["sync", "async", "fast"])
def test_live_create_after_a_failed_chat(path: str, failure: str) -> None:
    """`chat(queries=[])` fails on the real server: a 500, or (streamed) an event stream that
    ends empty after its 200 headers; the server closes the connection after either."""
    import asyncio

    with Honcho(base_url=REAL, max_retries=0) as setup:
        app_id, user_id, session_id = _live_ids(setup)
    chat = dict(session_id=session_id, app_id=app_id, user_id=user_id, queries=[])
    failures: list[str] = []

    def message(i: int) -> dict[str, Any]:
        return dict(
            session_id=session_id, app_id=app_id, user_id=user_id, content=f"m{i}", is_user=True
        )

    if path == "sync":
        with Honcho(base_url=REAL, max_retries=0) as client:
            for i in range(ROUNDS):
                _fail(functools.partial(client.apps.users.sessions.chat, **chat), failure)
                try:
                    client.apps.users.sessions.messages.create(**message(i))
                except Exception as error:  # counted, reported below
                    failures.append(str(error))
    else:

        async def run() -> None:
            from honcho_client import DefaultAioHttpClient

            http = DefaultAioHttpClient() if path == "fast" else None
            async with AsyncHoncho(base_url=REAL, max_retries=0, http_client=http) as client:
                for i in range(ROUNDS):
                    send = functools.partial(client.apps.users.sessions.chat, **chat)
                    await _fail_async(send, failure)
                    try:
                        await client.apps.users.sessions.messages.create(**message(i))
                    except Exception as error:  # counted, reported below
                        failures.append(str(error))
            if http is not None:
                await http.aclose()

        asyncio.run(run())
    with Honcho(base_url=REAL) as client:
        stored = [
            m.content
            for m in client.apps.users.sessions.messages.list(
                session_id, app_id=app_id, user_id=user_id, size=100
            ).items
        ]
    print(
        f"{path}, {failure}: {ROUNDS - len(failures)}/{ROUNDS} creates succeeded, {len(stored)} stored"
    )
    assert failures == []
    assert sorted(stored) == sorted(f"m{i}" for i in range(ROUNDS))
