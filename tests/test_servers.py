"""Self-tests of the test servers (tests/_servers) over raw httpx."""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from _servers.faults import Fault, FaultServer, http_date
from _servers.prism import REPO_SPEC, PrismNotInstalledError, PrismServer
from _shared import shared_dir

APPS = "/v1/apps"
FAST = httpx.Timeout(5.0, read=0.2)


def fresh_client(base_url: str = "") -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=httpx.Timeout(5.0))


# -- routing, recording, keep-alive ---------------------------------------------------------


def test_route_default_fallback_and_recording(fault_server: FaultServer) -> None:
    fault_server.route("POST", APPS, json_body={"id": "app_1"}, status=201)
    with fresh_client(base_url=fault_server.url) as client:
        created = client.post(APPS, params={"x": "1"}, json={"name": "a"})
        missing = client.get("/nowhere")
    assert created.status_code == 201
    assert created.json() == {"id": "app_1"}
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not Found"}
    assert fault_server.count("POST", APPS) == 1
    assert fault_server.count("GET", "/nowhere") == 1
    assert fault_server.count("GET", APPS) == 0
    first = fault_server.requests[0]
    assert (first.method, first.target, first.path, first.query) == (
        "POST",
        "/v1/apps?x=1",
        APPS,
        "x=1",
    )
    assert first.headers["content-type"] == "application/json"
    assert first.json() == {"name": "a"}
    assert first.received_at <= time.monotonic()
    assert fault_server.errors == []


def test_enqueued_actions_are_consumed_in_order(fault_server: FaultServer) -> None:
    fault_server.route("GET", APPS, json_body={"ok": True})
    fault_server.enqueue("GET", APPS, Fault.status(500), Fault.status(503, retry_after=1))
    assert fault_server.pending("GET", APPS) == 2
    with fresh_client(base_url=fault_server.url) as client:
        statuses = [client.get(APPS).status_code for _ in range(3)]
    assert statuses == [500, 503, 200]
    assert fault_server.pending("GET", APPS) == 0
    assert fault_server.count("GET", APPS) == 3


def test_keep_alive_three_requests_on_one_connection(fault_server: FaultServer) -> None:
    fault_server.route("GET", APPS, json_body=[])
    with fresh_client(base_url=fault_server.url) as client:
        for _ in range(3):
            assert client.get(APPS).status_code == 200
    assert fault_server.connections_accepted == 1
    assert {r.connection_id for r in fault_server.requests} == {0}


def test_chunked_request_body_is_decoded(fault_server: FaultServer) -> None:
    def parts() -> Iterator[bytes]:
        yield b'{"name": '
        yield b'"chunked"}'

    with fresh_client(base_url=fault_server.url) as client:
        response = client.post(APPS, content=parts())
    assert response.status_code == 404
    received = fault_server.requests[0]
    assert received.headers["transfer-encoding"] == "chunked"
    assert received.json() == {"name": "chunked"}


def test_wait_for_requests(fault_server: FaultServer) -> None:
    statuses: list[int] = []
    thread = threading.Thread(
        target=lambda: statuses.append(httpx.get(f"{fault_server.url}/ping").status_code)
    )
    thread.start()
    assert fault_server.wait_for_requests(1, timeout=5)[0].path == "/ping"
    with pytest.raises(TimeoutError):
        fault_server.wait_for_requests(2, timeout=0.1)
    thread.join(5)
    assert statuses == [404]


# -- hangs and drops ------------------------------------------------------------------------


def test_read_hang_triggers_read_timeout(fault_server: FaultServer) -> None:
    fault_server.enqueue("GET", APPS, Fault.read_hang())
    started = time.monotonic()
    with httpx.Client(timeout=FAST) as client, pytest.raises(httpx.ReadTimeout):
        client.get(f"{fault_server.url}{APPS}")
    assert time.monotonic() - started < 3.0
    assert fault_server.count("GET", APPS) == 1
    with fresh_client() as client:  # the hang was one-shot
        assert client.get(f"{fault_server.url}{APPS}").status_code == 404


def test_read_hang_with_seconds_then_answers(fault_server: FaultServer) -> None:
    fault_server.enqueue("GET", APPS, Fault.read_hang(0.3, then=Fault.status(204)))
    started = time.monotonic()
    with fresh_client() as client:
        response = client.get(f"{fault_server.url}{APPS}")
    assert response.status_code == 204
    assert time.monotonic() - started >= 0.3


def test_drop_after_read_gives_remote_protocol_error(fault_server: FaultServer) -> None:
    fault_server.enqueue("POST", APPS, Fault.drop_after_read())
    with fresh_client() as client, pytest.raises(httpx.RemoteProtocolError):
        client.post(f"{fault_server.url}{APPS}", json={"name": "a"})
    assert fault_server.count("POST", APPS) == 1
    assert fault_server.requests[0].json() == {"name": "a"}


def test_reset_after_read_gives_read_error(fault_server: FaultServer) -> None:
    fault_server.enqueue("POST", APPS, Fault.reset_after_read())
    with fresh_client() as client, pytest.raises(httpx.ReadError):
        client.post(f"{fault_server.url}{APPS}", json={})
    assert fault_server.count("POST", APPS) == 1


def test_drop_before_read_gives_remote_protocol_error(fault_server: FaultServer) -> None:
    fault_server.enqueue_connection(Fault.drop_before_read())
    with fresh_client() as client:
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(f"{fault_server.url}{APPS}")
        assert client.get(f"{fault_server.url}{APPS}").status_code == 404  # new connection
    assert fault_server.connections_accepted == 2
    assert fault_server.count("GET", APPS) == 1


def test_reset_before_read_gives_read_error(fault_server: FaultServer) -> None:
    fault_server.enqueue_connection(Fault.reset_before_read())
    with fresh_client() as client, pytest.raises(httpx.ReadError):
        client.get(f"{fault_server.url}{APPS}")
    assert fault_server.count("GET", APPS) == 0


def test_hang_before_read_gives_read_timeout(fault_server: FaultServer) -> None:
    fault_server.enqueue_connection(Fault.hang_before_read())
    with httpx.Client(timeout=FAST) as client, pytest.raises(httpx.ReadTimeout):
        client.get(f"{fault_server.url}{APPS}")
    assert fault_server.count("GET", APPS) == 0


def test_refused_url_gives_connect_error(refused_url: str) -> None:
    with fresh_client() as client, pytest.raises(httpx.ConnectError):
        client.get(f"{refused_url}{APPS}")


# -- error statuses -------------------------------------------------------------------------


def test_error_statuses(fault_server: FaultServer) -> None:
    date = http_date(1)
    fault_server.enqueue(
        "GET",
        APPS,
        Fault.status(429, retry_after=1),
        Fault.status(503, retry_after=date),
        Fault.status(429, retry_after_ms=250),
        Fault.status(409, json_body={"detail": "App already exists"}),
        Fault.status(502, html=True),
        Fault.status(418, body="short and stout"),
        Fault.validation_error(("body", "name"), "Field required"),
        Fault.status(500, html=True, headers={"X-Request-Id": "r1"}),
    )
    with fresh_client(base_url=fault_server.url) as client:
        responses = [client.get(APPS) for _ in range(8)]
    too_many, unavailable, too_many_ms, conflict, bad_gateway, teapot, invalid, crash = responses
    assert (too_many.status_code, too_many.headers["retry-after"]) == (429, "1")
    assert too_many.json() == {"detail": "Too Many Requests"}
    assert (unavailable.status_code, unavailable.headers["retry-after"]) == (503, date)
    assert too_many_ms.headers["retry-after-ms"] == "250"
    assert "retry-after" not in too_many_ms.headers
    assert (conflict.status_code, conflict.json()) == (409, {"detail": "App already exists"})
    assert bad_gateway.status_code == 502
    assert bad_gateway.headers["content-type"] == "text/html"
    assert "<title>502 Bad Gateway</title>" in bad_gateway.text
    assert (teapot.status_code, teapot.text) == (418, "short and stout")
    assert invalid.status_code == 422
    assert invalid.json() == {
        "detail": [
            {"type": "missing", "loc": ["body", "name"], "msg": "Field required", "input": None}
        ]
    }
    assert (crash.status_code, crash.headers["x-request-id"]) == (500, "r1")
    assert "500 Internal Server Error" in crash.text
    assert fault_server.connections_accepted == 1  # error answers keep the connection alive


# -- broken bodies --------------------------------------------------------------------------


def test_truncated_body_raises_on_read(fault_server: FaultServer) -> None:
    fault_server.enqueue("GET", APPS, Fault.truncated_body(b'{"id": "ap', declared_length=100))
    with fresh_client() as client, client.stream("GET", f"{fault_server.url}{APPS}") as response:
        assert response.status_code == 200
        assert response.headers["content-length"] == "100"
        with pytest.raises(httpx.RemoteProtocolError):
            response.read()


def test_malformed_json_has_correct_length(fault_server: FaultServer) -> None:
    fault_server.enqueue("GET", APPS, Fault.malformed_json())
    with fresh_client() as client:
        response = client.get(f"{fault_server.url}{APPS}")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert int(response.headers["content-length"]) == len(response.content)
    with pytest.raises(json.JSONDecodeError):
        response.json()


# -- chunked streaming ----------------------------------------------------------------------


def test_stream_arrives_chunk_by_chunk(fault_server: FaultServer) -> None:
    chunks = [f"data: {i}\n\n".encode() for i in range(5)]
    stream = Fault.stream(chunks, interval=0.1)
    fault_server.route("GET", "/stream", stream)
    received: list[tuple[float, bytes]] = []
    with fresh_client() as client, client.stream("GET", f"{fault_server.url}/stream") as response:
        assert response.headers["content-type"] == "text/event-stream"
        assert response.headers["transfer-encoding"] == "chunked"
        for piece in response.iter_raw():
            received.append((time.monotonic(), piece))
    assert [piece for _, piece in received] == chunks
    sent = stream.sent_at
    assert len(sent) == 5
    assert all(b - a >= 0.09 for a, b in itertools.pairwise(sent)), sent
    got = [at for at, _ in received]
    assert all(g >= s for g, s in zip(got, sent, strict=True))
    # Each chunk reached the client before the server even wrote the next one.
    assert all(g < s for g, s in zip(got, sent[1:], strict=False)), (got, sent)


def test_stream_cut_mid_way(fault_server: FaultServer) -> None:
    fault_server.enqueue(
        "GET", "/stream", Fault.stream(["a", "b", "c"], interval=0.01, cut_after=2)
    )
    pieces: list[bytes] = []
    with (
        fresh_client() as client,
        client.stream("GET", f"{fault_server.url}/stream") as response,
        pytest.raises(httpx.RemoteProtocolError),
    ):
        for piece in response.iter_raw():
            pieces.append(piece)
    assert b"".join(pieces) == b"ab"


# -- shutdown -------------------------------------------------------------------------------


def test_stop_is_prompt_with_hanging_and_idle_connections() -> None:
    errors: list[BaseException] = []
    with FaultServer() as server:
        server.route("GET", "/hang", Fault.read_hang())
        idle = fresh_client()
        assert idle.get(f"{server.url}/idle").status_code == 404  # leaves a keep-alive conn

        def hang() -> None:
            try:
                httpx.get(f"{server.url}/hang", timeout=10)
            except httpx.HTTPError as exc:
                errors.append(exc)

        thread = threading.Thread(target=hang, daemon=True)
        thread.start()
        server.wait_for_requests(2)
        started = time.monotonic()
    assert time.monotonic() - started < 3.0
    thread.join(2)
    idle.close()
    assert len(errors) == 1
    assert isinstance(errors[0], httpx.RemoteProtocolError)


# -- async ----------------------------------------------------------------------------------


async def test_async_hang_and_concurrent_counts(fault_server: FaultServer) -> None:
    fault_server.route("POST", APPS, json_body={"id": "app_1"})
    fault_server.enqueue("POST", APPS, Fault.read_hang())
    async with httpx.AsyncClient(base_url=fault_server.url, timeout=FAST) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.post(APPS, json={})
        responses = await asyncio.gather(*(client.post(APPS, json={"n": i}) for i in range(10)))
    assert [r.status_code for r in responses] == [200] * 10
    assert fault_server.count("POST", APPS) == 11
    assert sorted(r.json()["n"] for r in fault_server.requests[1:]) == list(range(10))


async def test_async_stream(fault_server: FaultServer) -> None:
    stream = Fault.stream(
        ["one", "two", "three"], interval=0.05, content_type="application/x-ndjson"
    )
    fault_server.route("GET", "/stream", stream)
    async with (
        httpx.AsyncClient(timeout=5) as client,
        client.stream("GET", f"{fault_server.url}/stream") as response,
    ):
        pieces = [piece async for piece in response.aiter_raw()]
    assert pieces == [b"one", b"two", b"three"]
    assert response.headers["content-type"] == "application/x-ndjson"


# -- Prism ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def prism_selftest_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """Prism on the repo's openapi.yaml; on the published reference while it is missing."""
    if REPO_SPEC.is_file():
        yield request.getfixturevalue("prism_url")
        return
    shared = shared_dir()
    reference = shared / "reference" / "honcho-openapi-1.1.0.json" if shared else None
    if reference is None or not reference.is_file():
        pytest.skip("neither openapi.yaml nor the reference spec is available")
    try:
        with PrismServer(reference) as prism:
            yield prism.url
    except PrismNotInstalledError as exc:
        pytest.skip(str(exc))


@pytest.mark.prism
def test_prism_valid_and_invalid_requests(prism_selftest_url: str) -> None:
    metamessages = "/v1/apps/a/users/u/metamessages"
    headers = {"Authorization": "Bearer test"}
    with httpx.Client(base_url=prism_selftest_url, headers=headers, timeout=10) as client:
        listed = client.post("/v1/apps/list", json={})
        created = client.post(metamessages, json={"metamessage_type": "t", "content": "c"})
        missing = client.post(metamessages, json={"content": "c"})
        too_long = client.post(metamessages, json={"metamessage_type": "x" * 51, "content": "c"})
        bad_size = client.post("/v1/apps/list", params={"size": 0}, json={})
        preferred = client.post("/v1/apps/list", json={}, headers={"Prefer": "code=422"})
    assert listed.status_code == 200
    assert len(listed.json()["items"]) >= 1
    assert created.status_code == 200
    for invalid in (missing, too_long, bad_size):
        assert invalid.status_code == 422, invalid.text
        assert isinstance(invalid.json()["detail"], list)
        assert "sl-violations" in invalid.headers
    assert "metamessage_type" in missing.headers["sl-violations"]
    assert preferred.status_code == 422
    assert "sl-violations" not in preferred.headers
