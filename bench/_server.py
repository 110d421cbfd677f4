"""A minimal loopback HTTP server for the throughput and pagination parts.

The app is a raw ASGI callable served by uvicorn in a separate process (pinned to its own core
where the machine has more than one):

- `POST .../metamessages` answers the canned metamessage;
- `POST .../metamessages/list?page=P&size=S` answers page P of a user whose id `n<total>` says
  how many items there are; the page's items are generated per request;
- `GET /healthz` answers 200, for the readiness check.

The parent creates the listening socket on 127.0.0.1 (port chosen by the kernel) and hands it to
the child, so there is no port race. The child exits by itself when the parent goes away or when
its lifetime runs out; `serve()` stops it at the end of its `with` block.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, MutableMapping
from typing import Any, Final
from urllib.parse import parse_qs

import httpx

from ._payloads import CREATE_RESPONSE, PAGE_SIZE, list_page

__all__ = ["app", "core_plan", "describe", "pinned", "serve"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]

_HEADERS: Final = [(b"content-type", b"application/json")]
_NOT_FOUND: Final = b'{"detail":"Not Found"}'
MAX_LIFETIME_S: Final = 1800.0


async def app(scope: Scope, receive: Receive, send: Send) -> None:
    """The ASGI application (HTTP only; lifespan is switched off in uvicorn)."""
    if scope["type"] != "http":
        return
    more = True
    while more:  # drain the request body, bounded by the client closing or finishing it
        message = await receive()
        if message["type"] == "http.disconnect":
            return
        more = bool(message.get("more_body"))
    status, body = _route(scope["method"], scope["path"], scope["query_string"])
    headers = [*_HEADERS, (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _route(method: str, path: str, query: bytes) -> tuple[int, bytes]:
    if method == "POST" and path.endswith("/metamessages"):
        return 200, CREATE_RESPONSE
    if method == "POST" and path.endswith("/metamessages/list"):
        user = path.split("/")[-3]
        total = int(user[1:]) if user.startswith("n") and user[1:].isdigit() else PAGE_SIZE
        params = parse_qs(query.decode())
        page = int(params.get("page", ["1"])[0])
        size = int(params.get("size", [str(PAGE_SIZE)])[0])
        return 200, list_page(max(page, 1), max(1, min(size, 100)), total)
    if method == "GET" and path == "/healthz":
        return 200, b"{}"
    return 404, _NOT_FOUND


# Running ----------------------------------------------------------------------------------------


def _pin(cpu: int | None) -> None:
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, {cpu})


def _main() -> None:
    """Child entry point: `python -m bench._server --fd N [--cpu C]`."""
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fd", type=int, required=True)
    parser.add_argument("--cpu", type=int, default=None)
    parser.add_argument("--lifetime", type=float, default=MAX_LIFETIME_S)
    args = parser.parse_args()
    _pin(args.cpu)
    sock = socket.socket(fileno=args.fd)
    config = uvicorn.Config(
        app,
        http=_http_parser(),
        loop="asyncio",
        log_level="warning",
        access_log=False,
        lifespan="off",
        backlog=4096,
        timeout_keep_alive=60,
    )
    server = uvicorn.Server(config)
    parent = os.getppid()
    deadline = time.monotonic() + args.lifetime

    def watchdog() -> None:
        while not server.should_exit:
            if os.getppid() != parent or time.monotonic() > deadline:
                server.should_exit = True
                return
            time.sleep(0.5)

    threading.Thread(target=watchdog, daemon=True).start()
    server.run(sockets=[sock])


def _http_parser() -> str:
    """httptools (the `bench` extra) where installed; h11 is slow enough to cap the clients."""
    import importlib.util

    return "httptools" if importlib.util.find_spec("httptools") else "h11"


def core_plan() -> tuple[int | None, int | None]:
    """(server core, client core): two different cores when this process may use two or more."""
    if not hasattr(os, "sched_getaffinity"):
        return None, None
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return cpus[-1], cpus[0]


@contextlib.contextmanager
def pinned(cpu: int | None) -> Iterator[None]:
    """Pin this process to `cpu` for the block (no-op for None or where unsupported)."""
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        yield
        return
    previous = os.sched_getaffinity(0)
    _pin(cpu)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(0, previous)


@contextlib.contextmanager
def serve(cpu: int | None = None) -> Iterator[str]:
    """Run the server in a child process (pinned to `cpu` if given); yield its base URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(4096)
    port = listener.getsockname()[1]
    fd = listener.fileno()
    cmd = [sys.executable, "-m", "bench._server", "--fd", str(fd)]
    if cpu is not None:
        cmd += ["--cpu", str(cpu)]
    try:
        proc = subprocess.Popen(cmd, pass_fds=(fd,), cwd=_project_root())
    finally:
        listener.close()
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_ready(base_url, proc)
        yield base_url
    finally:
        _stop(proc)


def describe() -> str:
    """Which uvicorn, HTTP parser and event loop the server runs with."""
    import uvicorn

    return (
        f"uvicorn {uvicorn.__version__} ({_http_parser()}, asyncio loop), raw ASGI app, 127.0.0.1"
    )


def _project_root() -> str:
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _wait_ready(base_url: str, proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(base_url=base_url, timeout=1.0) as client:
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError(f"bench server exited early with code {proc.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if client.get("/healthz").status_code == 200:
                    return
            time.sleep(0.05)
    raise RuntimeError(f"bench server not ready within {timeout:.0f} s")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


if __name__ == "__main__":
    _main()
