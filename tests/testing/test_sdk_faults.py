"""The SDK's retry, timeout and connection-error handling, run against the served FakeHoncho.

The same scenarios as tests/_client/test_transport.py, driven by FakeHoncho's own fault knobs
(statuses, delays, and faults of the connection itself), so users can see that their
retry, timeout and ``APIConnectionError`` handling can be tested on it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from honcho_client import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    AsyncHoncho,
    Honcho,
    InternalServerError,
)
from honcho_client.testing import FakeHoncho, FakeServer

APPS = "/v1/apps"


@pytest.fixture
def served() -> Iterator[tuple[FakeHoncho, FakeServer]]:
    fake = FakeHoncho()
    with fake.serve() as server:
        yield fake, server


def test_create_retried_after_503_creates_once(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.fail_next(1, status=503, retry_after=0.2, method="POST", path=APPS)
    app = client.apps.create(name="retried")
    assert fake.request_count("POST", APPS) == 2
    assert [a["id"] for a in fake.apps] == [app.id]


def test_create_not_retried_after_500(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.fail_next(1, status=500, method="POST", path=APPS)
    with pytest.raises(InternalServerError):
        client.apps.create(name="once")
    assert fake.request_count("POST", APPS) == 1
    assert fake.apps == ()


def test_slow_create_times_out_and_is_not_sent_again(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url, timeout=0.2)
    fake.delay(0.6, method="POST", path=APPS)
    with pytest.raises(APITimeoutError):
        client.apps.create(name="slow")
    time.sleep(0.8)  # the fake logs a request once it has answered it
    assert fake.request_count("POST", APPS) == 1
    assert [a["name"] for a in fake.apps] == [
        "slow"
    ]  # the server acted: sending again would duplicate


def test_slow_read_is_retried(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url, timeout=0.3)
    app = client.apps.create(name="read-me")
    fake.fail_next(2, status=502, method="GET")
    assert client.apps.get_by_name("read-me").id == app.id
    assert fake.request_count("GET") == 3


# -- connection-level faults, over real sockets -----------------------------------------


def test_dropped_read_is_retried(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    app = client.apps.create(name="read-me")
    fake.drop_next(method="GET")
    assert client.apps.get_by_name("read-me").id == app.id
    assert fake.request_count("GET") == 2
    assert fake.pending_failures == 0


def test_dropped_create_is_a_connection_error_and_not_sent_again(
    served: tuple[FakeHoncho, FakeServer],
) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.drop_next(method="POST", path=APPS)
    where = re.escape(f"Connection error: POST {server.url}/v1/apps: ")
    with pytest.raises(APIConnectionError, match=where + ".*broke off"):
        client.apps.create(name="lost")
    assert fake.request_count("POST", APPS) == 1
    assert fake.apps == ()  # dropped before the server acted

    fake.drop_next(method="POST", path=APPS, applied=True)
    with pytest.raises(APIConnectionError):
        client.apps.create(name="made")
    assert [a["name"] for a in fake.apps] == ["made"]  # acted, then dropped: created once


def test_reset_mid_headers(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.reset_next(method="POST", path="/v1/apps/list")
    assert list(client.apps.list()) == []  # a read: sent again
    assert fake.request_count("POST", "/v1/apps/list") == 2
    fake.reset_next(method="POST", path=APPS)
    with pytest.raises(APIConnectionError) as caught:
        client.apps.create(name="x")
    assert not isinstance(caught.value, APITimeoutError)
    assert fake.apps == ()


def test_truncated_body(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.truncate_next(method="POST", path=APPS, after_bytes=10)
    with pytest.raises(APIResponseValidationError, match="cut short"):
        client.apps.create(name="cut")
    assert [a["name"] for a in fake.apps] == ["cut"]
    fake.truncate_next(method="GET", after_bytes=5)
    assert client.apps.get_by_name("cut").name == "cut"
    assert fake.request_count("GET") == 2


def test_truncated_chat_stream(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    ids = _chat_world(client)
    full = client.apps.users.sessions.chat(ids[2], app_id=ids[0], user_id=ids[1], queries="q")
    fake.truncate_next(path="/v1/apps/*/chat", after_bytes=12)
    stream = client.apps.users.sessions.chat(
        ids[2], app_id=ids[0], user_id=ids[1], queries="q", stream=True
    )
    received: list[str] = []
    with pytest.raises(APIConnectionError, match="cut"):
        for chunk in stream:
            received.append(chunk)
    assert "".join(received) == full.content.encode()[:12].decode()


def test_stalled_answer(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url, timeout=0.3)
    fake.stall_next(method="POST", path=APPS, seconds=0.8)
    with pytest.raises(APITimeoutError):
        client.apps.create(name="late")
    assert [a["name"] for a in fake.apps] == ["late"]  # handled before the wait
    fake.stall_next(method="GET", seconds=0.8)
    assert client.apps.get_by_name("late").name == "late"  # the second try is on time
    fake.stall_next(method="GET", seconds=0.1)
    assert client.apps.get_by_name("late").name == "late"  # within the timeout
    assert fake.request_count("GET") == 3


async def test_connection_faults_async(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = AsyncHoncho(base_url=server.url, timeout=0.3)
    app = await client.apps.create(name="a")
    fake.drop_next(method="GET")
    fake.reset_next(method="GET")
    assert (await client.apps.get_by_name("a")).id == app.id
    assert fake.request_count("GET") == 3
    fake.drop_next(method="POST", path=APPS)
    with pytest.raises(APIConnectionError):
        await client.apps.create(name="b")
    fake.stall_next(method="POST", path=APPS, seconds=0.8)
    with pytest.raises(APITimeoutError):
        await client.apps.create(name="c")
    fake.truncate_next(method="POST", path=APPS, after_bytes=3)
    with pytest.raises(APIResponseValidationError):
        await client.apps.create(name="d")
    assert [a["name"] for a in fake.apps] == ["a", "c", "d"]
    ids = await _async_chat_world(client)
    fake.truncate_next(path="/v1/apps/*/chat", after_bytes=4)
    stream = await client.apps.users.sessions.chat(
        ids[2], app_id=ids[0], user_id=ids[1], queries="q", stream=True
    )
    received: list[str] = []
    with pytest.raises(APIConnectionError):
        async for chunk in stream:
            received.append(chunk)
    assert len("".join(received).encode()) == 4
    await client.close()


def _chat_world(client: Honcho) -> tuple[str, str, str]:
    app = client.apps.create(name="chat")
    user = client.apps.users.create(app_id=app.id, name="alice")
    session = client.apps.users.sessions.create(user.id, app_id=app.id)
    messages = client.apps.users.sessions.messages
    messages.create(session.id, app_id=app.id, user_id=user.id, content="I like tea", is_user=True)
    return app.id, user.id, session.id


async def _async_chat_world(client: AsyncHoncho) -> tuple[str, str, str]:
    app = await client.apps.create(name="chat")
    user = await client.apps.users.create(app_id=app.id, name="alice")
    session = await client.apps.users.sessions.create(user.id, app_id=app.id)
    messages = client.apps.users.sessions.messages
    await messages.create(
        session.id, app_id=app.id, user_id=user.id, content="I like tea", is_user=True
    )
    return app.id, user.id, session.id
