"""Connection errors say where and why: method, scheme://host:port, path, the reason (refused,
reset, name resolution, TLS, which timeout and its limit) and the number of attempts."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import httpx
import pytest
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer, RequestAction

from honcho_client import APIConnectionError, APITimeoutError, Honcho
from honcho_client._core.reasons import describe

GET = "/v1/apps/a/users/u/metamessages/m1"
CREATE = "/v1/apps/a/users/u/metamessages"


def _get(client: Honcho) -> object:
    return client.apps.users.metamessages.get("m1", app_id="a", user_id="u")


def test_refused_names_host_port_reason_and_attempts(refused_url: str) -> None:
    client = Honcho(base_url=refused_url, max_retries=2)
    client._retry = type(client._retry)(jitter=lambda: 0.0)
    with pytest.raises(APIConnectionError) as caught:
        _get(client)
    port = httpx.URL(refused_url).port
    assert str(caught.value) == (
        f"Connection error: GET http://127.0.0.1:{port}{GET}: connection refused (is a server "
        f"listening on 127.0.0.1:{port}? check base_url) (after 3 attempts)"
    )
    assert caught.value.attempts == 3


async def test_refused_async(refused_url: str, async_honcho: AsyncHonchoFactory) -> None:
    port = httpx.URL(refused_url).port
    async with async_honcho(base_url=refused_url, max_retries=0) as client:
        with pytest.raises(APIConnectionError) as caught:
            await client.apps.users.metamessages.get("m1", app_id="a", user_id="u")
    message = str(caught.value)
    assert f"GET http://127.0.0.1:{port}{GET}" in message
    assert "connection refused" in message and "(after 1 attempt)" in message


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        (Fault.reset_after_read(), "connection reset by the server"),
        (
            Fault.drop_after_read(),
            "the server broke off the HTTP exchange (server disconnected without sending a response)",
        ),
        (
            Fault.raw(b"HTTP/1.1 200 OK\r\nContent-Le", reset=True),
            "connection reset by the server",
        ),
        (Fault.raw(b"HTTP/1.1 2OO OK\r\n\r\n"), "the server broke off the HTTP exchange"),
    ],
    ids=["reset", "dropped", "reset-in-headers", "bad-status-line"],
)
def test_the_reason_is_named(fault_server: FaultServer, fault: RequestAction, reason: str) -> None:
    fault_server.route("POST", CREATE, fault)
    with Honcho(base_url=fault_server.url) as client, pytest.raises(APIConnectionError) as caught:
        client.apps.users.metamessages.create(
            user_id="u", app_id="a", metamessage_type="x", content="c"
        )
    assert reason in caught.value.reason
    assert f"POST {fault_server.url}{CREATE}: {reason}" in str(caught.value)
    assert "(after 1 attempt)" in str(caught.value)  # a create is not sent again


async def test_read_timeout_names_the_phase_and_limit(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    fault_server.route("GET", GET, Fault.read_hang(5))
    async with async_honcho(base_url=fault_server.url, timeout=0.2, max_retries=1) as client:
        with pytest.raises(APITimeoutError) as caught:
            await client.apps.users.metamessages.get("m1", app_id="a", user_id="u")
    assert str(caught.value) == (
        f"Request timed out: GET {fault_server.url}{GET}: read timeout: the server sent nothing "
        "for 0.2 s (after 2 attempts)"
    )


def test_name_resolution() -> None:
    with pytest.raises(APIConnectionError) as caught:
        _get(Honcho(base_url="http://no-such-host.invalid", max_retries=0))
    assert caught.value.reason.startswith("name resolution failed for 'no-such-host.invalid'")
    assert "GET http://no-such-host.invalid:80/v1/apps" in str(caught.value)


@pytest.fixture
def plain_http_server() -> Iterator[str]:
    """A server that answers a TLS handshake with plain HTTP (e.g. https:// on an http port)."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)

    def serve() -> None:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()
    thread.join(5)


def test_tls_failure(plain_http_server: str) -> None:
    with pytest.raises(APIConnectionError) as caught:
        _get(Honcho(base_url=plain_http_server, max_retries=0))
    assert caught.value.reason.startswith("TLS handshake failed (")
    assert "is the server speaking TLS?" in caught.value.reason
    assert f"GET {plain_http_server}{GET}" in str(caught.value)


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ConnectTimeout(""), "connect timeout: no connection within 5 s"),
        (httpx.WriteTimeout(""), "write timeout: the request could not be sent within 60 s"),
        (httpx.PoolTimeout(""), "pool timeout: no free connection within 60 s"),
        (httpx.ReadError(""), "ReadError"),
        (httpx.DecodingError("bad gzip"), "the body could not be decoded (bad gzip)"),
    ],
)
def test_describe(error: httpx.HTTPError, reason: str) -> None:
    request = httpx.Request(
        "GET",
        "https://api.example:8443/v1",
        extensions={"timeout": {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}},
    )
    assert describe(error, request) == reason
