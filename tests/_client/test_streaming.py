"""The streamed chat answer over real sockets: Honcho's plain text, byte for byte, and Server-Sent
Events only through `events()`. Sync and async, on every async transport.
"""

from __future__ import annotations

import time

import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer, RequestAction

from honcho_client import (
    APIConnectionError,
    APIResponseValidationError,
    ChatStream,
    Honcho,
    InternalServerError,
    ServerSentEvent,
)

CHAT = "/v1/apps/a/users/u/sessions/s/chat"
# Plain text that an SSE parser, or a guess that the body is SSE, would mangle.
TRICKY = [":) sure\n", "data: x\r", "\nevent: y\n\n"]


def _chat_sync(client: Honcho) -> ChatStream:
    return client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True)


def test_plain_text_comes_back_byte_for_byte_sync(fault_server: FaultServer) -> None:
    fault_server.enqueue("POST", CHAT, Fault.stream(TRICKY, interval=0.1))
    fault_server.enqueue("POST", CHAT, Fault.stream(TRICKY, interval=0.0))
    with Honcho(base_url=fault_server.url) as client:
        with client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        ) as stream:
            received = list(stream)
        assert "".join(received) == "".join(TRICKY)
        assert len(received) >= 2  # delivered as it arrived, not after the end
        assert (
            client.apps.users.sessions.chat(
                "s", app_id="a", user_id="u", queries="q", stream=True
            ).text()
            == ":) sure\ndata: x\r\nevent: y\n\n"
        )


async def test_plain_text_comes_back_byte_for_byte_async(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.enqueue("POST", CHAT, Fault.stream(TRICKY, interval=0.1))
    async with async_honcho(base_url=fault_server.url) as client:
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        received = [chunk async for chunk in stream]
    assert "".join(received) == ":) sure\ndata: x\r\nevent: y\n\n"
    assert len(received) >= 2


def test_a_character_split_between_chunks_arrives_whole(fault_server: FaultServer) -> None:
    answer = "Crème brûlée 😀".encode()
    cut = answer.index("😀".encode()) + 2  # inside the emoji
    fault_server.enqueue(
        "POST", CHAT, Fault.stream([answer[:3], answer[3:cut], answer[cut:]], interval=0.05)
    )
    with Honcho(base_url=fault_server.url) as client:
        chunks = list(_chat_sync(client))
    assert "".join(chunks) == "Crème brûlée 😀"
    assert all("\ufffd" not in chunk for chunk in chunks)


def test_received_as_they_arrive(fault_server: FaultServer) -> None:
    action = Fault.stream(["first ", "second"], interval=0.5)
    fault_server.enqueue("POST", CHAT, action)
    with Honcho(base_url=fault_server.url) as client:
        stream = client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        first = next(iter(stream))
        at = time.monotonic()
        stream.close()
    assert first == "first "
    assert len(action.sent_at) < 2 or at < action.sent_at[1]


async def test_events_parse_sse_only_when_asked(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    framed = ["event: answer\r", "\ndata: Alice\r\ndata: likes tea\r\n\r\n", "data: [DONE]\n\n"]
    fault_server.enqueue("POST", CHAT, Fault.stream(framed, interval=0.02))
    fault_server.enqueue("POST", CHAT, Fault.stream(framed, interval=0.02))
    async with async_honcho(base_url=fault_server.url) as client:
        stream = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        events = [event async for event in stream.events()]
        assert events == [ServerSentEvent(data="Alice\nlikes tea", event="answer")]
        raw = await client.apps.users.sessions.chat(
            "s", app_id="a", user_id="u", queries="q", stream=True
        )
        assert await raw.text() == "".join(framed)


def test_a_json_answer_to_a_stream_request(fault_server: FaultServer) -> None:
    fault_server.enqueue("POST", CHAT, Fault.status(200, json_body={"content": "whole answer"}))
    fault_server.enqueue("POST", CHAT, Fault.status(200, json_body={"answer": 1}))
    fault_server.enqueue("POST", CHAT, Fault.status(200, json_body={"answer": 1}))
    with Honcho(base_url=fault_server.url) as client:
        assert _chat_sync(client).text() == "whole answer"
        # Lenient: the answer lacks its text, so the body is given as received.
        assert _chat_sync(client).text() == '{"answer": 1}'
        with pytest.raises(APIResponseValidationError, match="content"):
            _chat_sync(client.with_options(strict_response_validation=True)).text()


@pytest.mark.parametrize(
    "cut",
    [
        Fault.raw(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nonly half"),
        Fault.raw(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", reset=True
        ),
    ],
    ids=["cut-mid-chunk", "reset-between-chunks"],
)
def test_a_stream_cut_short_raises_connection_error(
    fault_server: FaultServer, cut: RequestAction
) -> None:
    fault_server.enqueue("POST", CHAT, cut)
    with Honcho(base_url=fault_server.url) as client:
        stream = _chat_sync(client)
        with pytest.raises(APIConnectionError, match="the chat stream was cut before it ended"):
            stream.text()


def test_an_error_status_with_a_cut_body_keeps_the_status(fault_server: FaultServer) -> None:
    fault_server.enqueue("POST", CHAT, Fault.truncated_body(b'{"detail": "over', status=500))
    with (
        Honcho(base_url=fault_server.url) as client,
        pytest.raises(InternalServerError, match="the body was cut short") as caught,
    ):
        _chat_sync(client)
    assert caught.value.status_code == 500
    assert fault_server.count("POST", CHAT) == 1  # chat is not safe to send again
