"""The served mode: real HTTP/1.1 framing, keep-alive, concurrency, and the command line."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from honcho_client.testing import SERVER_DEFECTS, FakeHoncho, FakeServer

from .conftest import ID_PATTERN, build_world, ok

REPO_ROOT = Path(__file__).resolve().parents[2]


def raw_exchange(server: FakeServer, request: bytes) -> bytes:
    """Send one raw HTTP/1.1 request (with ``Connection: close``) and read everything."""
    with socket.create_connection((server.host, server.port), timeout=5) as sock:
        sock.sendall(request)
        received = b""
        while chunk := sock.recv(65536):
            received += chunk
    return received


def test_server_object(served_fake: FakeServer) -> None:
    assert served_fake.url == f"http://127.0.0.1:{served_fake.port}"
    assert served_fake.port > 0
    assert "FakeServer" in repr(served_fake)


def test_content_length_and_keep_alive(served_fake: FakeServer) -> None:
    local_addresses = set()
    with httpx.Client(base_url=served_fake.url) as client:
        first = client.post("/v1/apps", json={"name": "a"})
        assert int(first.headers["content-length"]) == len(first.content)
        for _ in range(5):
            response = client.post("/v1/apps/list")
            assert response.status_code == 200
            stream = response.extensions["network_stream"]
            local_addresses.add(stream.get_extra_info("client_addr"))
    assert len(local_addresses) == 1  # one kept-alive connection served every request


def _keep_alive_exchange(sock: socket.socket, method: str, path: str) -> tuple[bytes, bytes]:
    """Send a keep-alive request on ``sock``; the head and body of the answer."""
    sock.sendall(f"{method} {path} HTTP/1.1\r\nHost: fake\r\nContent-Length: 0\r\n\r\n".encode())
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = sock.recv(65536)
        assert chunk, "closed before the answer"
        received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    length = int(
        next(
            line for line in head.lower().split(b"\r\n") if line.startswith(b"content-length")
        ).split(b":")[1]
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head, body


@pytest.mark.parametrize("defects", [True, False], ids=["mirrored", "intended"])
def test_connection_after_a_crash(defects: bool) -> None:
    """Mirrored: closed after the 500, unannounced (no Connection header). Intended: kept."""
    fake = FakeHoncho(server_defects=defects)
    with fake.serve() as server, socket.create_connection((server.host, server.port), 5) as sock:
        head, body = _keep_alive_exchange(sock, "GET", "/v1/apps/name/it's")
        assert head.startswith(b"HTTP/1.1 500 " if defects else b"HTTP/1.1 404 ")
        assert b"\r\nconnection:" not in head.lower()
        if defects:
            assert json.loads(body) == {"detail": "An unexpected error occurred"}
            assert sock.recv(1) == b""  # the server closed it
        else:
            head, _ = _keep_alive_exchange(sock, "GET", "/v1/apps/name/missing")
            assert head.startswith(b"HTTP/1.1 404 ")


def test_connection_after_a_crash_can_be_kept_alone() -> None:
    """Only ``unannounced_close`` switched off: the 500 comes, the connection stays."""
    fake = FakeHoncho(server_defects=set(SERVER_DEFECTS) - {"unannounced_close"})
    with fake.serve() as server, socket.create_connection((server.host, server.port), 5) as sock:
        for _ in range(3):
            head, _ = _keep_alive_exchange(sock, "GET", "/v1/apps/name/it's")
            assert head.startswith(b"HTTP/1.1 500 ")
            assert b"\r\nconnection:" not in head.lower()


def test_streamed_chat_uses_separate_http_chunks(fake: FakeHoncho, served_fake: FakeServer) -> None:
    with httpx.Client(base_url=served_fake.url) as client:
        world = build_world(client)
        body = {"content": "I love hiking", "is_user": True}
        ok(client.post(f"{world.session_path}/messages", json=body))
    payload = json.dumps({"queries": "what does alice like?", "stream": True}).encode()
    request = (
        f"POST {world.session_path}/chat HTTP/1.1\r\n"
        f"Host: {served_fake.host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
    ).encode() + payload
    head, _, rest = raw_exchange(served_fake, request).partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"transfer-encoding: chunked" in head.lower()
    assert b"content-type: text/event-stream" in head.lower()
    chunks = []
    while True:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        chunks.append(rest[:size])
        rest = rest[size + 2 :]
    assert len(chunks) >= 3
    assert b"".join(chunks).decode().startswith("Based on 1 message from alice")


def test_chunked_request_body(served_fake: FakeServer) -> None:
    payload = b'{"name": "chunky"}'
    request = (
        b"POST /v1/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + b"%x\r\n%s\r\n0\r\n\r\n"
        % (len(payload), payload)
    )
    response = raw_exchange(served_fake, request)
    assert response.startswith(b"HTTP/1.1 200")
    assert json.loads(response.partition(b"\r\n\r\n")[2])["name"] == "chunky"


def test_concurrent_creates(fake: FakeHoncho, served_fake: FakeServer) -> None:
    with httpx.Client(base_url=served_fake.url) as client:
        world = build_world(client)
    ids: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def worker(n: int) -> None:
        try:
            with httpx.Client(base_url=served_fake.url) as client:
                for i in range(50):
                    name = f"user-{n}-{i}"
                    user = ok(client.post(f"{world.app_path}/users", json={"name": name}))
                    with lock:
                        ids.append(user["id"])
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(ids) == len(set(ids)) == 400
    assert all(ID_PATTERN.fullmatch(i) for i in ids)
    assert len(fake.users) == 401
    with httpx.Client(base_url=served_fake.url) as client:
        page = ok(client.post(f"{world.app_path}/users/list", params={"size": 100, "page": 5}))
    assert (page["total"], page["pages"], len(page["items"])) == (401, 5, 1)


def test_close_is_idempotent_and_stops_serving(fake: FakeHoncho) -> None:
    server = fake.serve()
    with httpx.Client(base_url=server.url) as client:
        assert client.post("/v1/apps/list").status_code == 200
        server.close()
        server.close()
        with pytest.raises(httpx.TransportError):
            client.post("/v1/apps/list")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def cli_url() -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "honcho_client.testing", "--port", str(port), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}" in line, line + (
            process.stderr.read() if process.stderr else ""
        )
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_command_line_serves_http(cli_url: str) -> None:
    request = urllib.request.Request(
        f"{cli_url}/v1/apps",
        data=b'{"name": "from-cli"}',
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        assert json.loads(response.read())["name"] == "from-cli"
    curl = shutil.which("curl")
    if curl:
        output = subprocess.run(
            [curl, "-s", "-X", "POST", f"{cli_url}/v1/apps/list"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
        assert json.loads(output)["total"] == 1


def test_command_line_options() -> None:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT), "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "honcho_client.testing", "--port", str(port), "--quiet"]
    command += ["--require-auth", "--api-key", "k1", "--no-server-defects"]
    command += ["--request-log-size", "5", "--seed", "3"]
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=REPO_ROOT
    )
    try:
        assert process.stdout is not None
        assert f"http://127.0.0.1:{port}" in process.stdout.readline()
        assert "k1" in process.stdout.readline()
        headers = {"Authorization": "Bearer k1"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as client:
            assert client.get("/v1/apps/name/it's").status_code == 404  # no defects
            app = ok(client.post("/v1/apps", json={"name": "a"}))
            assert ok(client.post("/v1/keys", params={"app_id": app["id"]}))["key"]
            assert client.get("/v1/apps").status_code == 401  # the admin key names no app
    finally:
        process.terminate()
        process.wait(timeout=10)
    bad = subprocess.run(
        [sys.executable, "-m", "honcho_client.testing", "--request-log-size", "-1"],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=30,
    )
    assert bad.returncode == 2
    assert "--request-log-size must be at least 0" in bad.stderr


def test_responder_errors(fake: FakeHoncho, served_fake: FakeServer) -> None:
    def broken(context: object) -> str:
        raise RuntimeError("responder bug")

    fake.responder = broken
    with httpx.Client(base_url=served_fake.url) as client:
        world = build_world(client)
        response = client.post(f"{world.session_path}/chat", json={"queries": "q"})
        assert (response.status_code, response.text) == (500, "Internal Server Error")
        assert client.post("/v1/apps/list").status_code == 200  # still serving
    with (
        httpx.Client(transport=fake.transport(), base_url="http://t") as client,
        pytest.raises(RuntimeError, match="responder bug"),
    ):
        client.post(f"{world.session_path}/chat", json={"queries": "q"})
