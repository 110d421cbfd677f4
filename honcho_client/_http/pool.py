"""What the clients do to httpx's pool beyond its API; docs/internals.md says why.

Reads httpx's `Client._transport`/`_mounts`, private attributes of httpcore's pool, connections
and streams, and h11's `Connection._cstate.process_keep_alive_disabled`; tested with httpx 0.27.0
to 0.29.0, httpcore 1.0.6 and 1.0.9, h11 0.14 and 0.16. On a transport that is not httpcore's, or
internals that differ, every function here does nothing.
"""

from __future__ import annotations

import contextlib
import socket
from typing import Any

import httpx

from .._client.runner import close_in_background


def pool_limits(max_concurrency: int) -> httpx.Limits:
    """No limit on connections (the permits bound requests), few idle ones: httpcore 1.0 hands one
    idle connection to several waiting requests at once, and re-queues the losers."""
    return httpx.Limits(max_connections=None, max_keepalive_connections=min(max_concurrency, 20))


def recycle_stranded(http: httpx.Client | httpx.AsyncClient) -> int:
    """Remove connections a cancellation stranded (encode/httpcore#1093); return how many."""
    removed: list[Any] = []
    for pool in _pools(http):
        connections = getattr(pool, "_connections", None)
        requests = getattr(pool, "_requests", None)
        lock = getattr(pool, "_optional_thread_lock", None)
        if not isinstance(connections, list) or not isinstance(requests, list) or lock is None:
            continue
        with lock:
            in_use = {id(getattr(r, "connection", None)) for r in requests}
            for connection in list(connections):
                if id(connection) not in in_use and _never_used(connection):
                    connections.remove(connection)
                    removed.append(connection)
    for connection in removed:
        if getattr(connection, "_connection", None) is None:
            continue
        if isinstance(http, httpx.Client):
            with contextlib.suppress(Exception):
                connection.close()
        else:
            close_in_background(connection)
    return len(removed)


def _never_used(connection: object) -> bool:
    """Not connected (and not failed), or connected with no request started on it."""
    if getattr(connection, "_connect_failed", True) is not False:
        return False
    inner = getattr(connection, "_connection", False)
    if inner is None:
        return True
    state = getattr(getattr(inner, "_state", None), "name", None)
    return state == "NEW" and getattr(inner, "_request_count", None) == 0


def finish_interrupted_close(response: httpx.Response) -> None:
    """After a cancellation cut short reading or closing `response`, give its connection back to
    the pool closed, as httpcore would have. (A sync response is just closed.)"""
    if isinstance(response.stream, httpx.SyncByteStream):
        with contextlib.suppress(Exception):
            response.close()
        return
    pool_stream = _pool_stream(response.stream)
    pool = getattr(pool_stream, "_pool", None)
    pool_request = getattr(pool_stream, "_pool_request", None)
    requests = getattr(pool, "_requests", None)
    lock = getattr(pool, "_optional_thread_lock", None)
    assign = getattr(pool, "_assign_requests_to_connections", None)
    if not isinstance(requests, list) or lock is None or assign is None:
        return
    if not getattr(pool_stream, "_closed", False):
        close_in_background(response)  # the close had not begun: all of it, off the task
        return
    with lock:
        if pool_request not in requests:
            return  # the close had finished
        requests.remove(pool_request)
        closing = assign()
    for connection in [getattr(pool_request, "connection", None), *closing]:
        if connection is not None:
            close_in_background(connection)


def _pool_stream(stream: object) -> object | None:
    """httpcore's body stream under httpx's (and our) wrappers, if there is one."""
    for _ in range(6):
        if hasattr(stream, "_pool_request"):
            return stream
        stream = getattr(stream, "_stream", None) or getattr(stream, "_httpcore_stream", None)
        if stream is None:
            return None
    return None


def _transports(http: httpx.Client | httpx.AsyncClient) -> list[Any]:
    mounts = getattr(http, "_mounts", None)
    mounted = list(mounts.values()) if isinstance(mounts, dict) else []
    return [t for t in [getattr(http, "_transport", None), *mounted] if t is not None]


def _pools(http: httpx.Client | httpx.AsyncClient) -> list[Any]:
    return [p for t in _transports(http) if (p := getattr(t, "_pool", None)) is not None]


def server_may_close(status: int, content_type: str) -> bool:
    """Whether the server may close the connection after this answer without saying so (uvicorn
    does after a 5xx or an event stream)."""
    return status >= 500 or content_type.startswith("text/event-stream")


def close_when_done(response: httpx.Response) -> None:
    """When `server_may_close`, mark the exchange not keep-alive, as h11 does on `Connection:
    close`: httpcore closes the connection when the response ends, no other request takes it."""
    if not server_may_close(response.status_code, response.headers.get("content-type", "")):
        return
    pool_request = getattr(_pool_stream(response.stream), "_pool_request", None)
    connection = getattr(getattr(pool_request, "connection", None), "_connection", None)
    state = getattr(getattr(connection, "_h11_state", None), "_cstate", None)
    disable = getattr(state, "process_keep_alive_disabled", None)
    if callable(disable):
        with contextlib.suppress(Exception):
            disable()


def interrupt(http: httpx.Client | httpx.AsyncClient) -> None:
    """Shut down a sync pool's sockets: unlike a close, that wakes threads blocked reading them."""
    if not isinstance(http, httpx.Client):
        return
    for pool in _pools(http):
        for connection in list(getattr(pool, "_connections", None) or ()):
            stream = getattr(getattr(connection, "_connection", None), "_network_stream", None)
            sock = getattr(stream, "get_extra_info", lambda _: None)("socket")
            if isinstance(sock, socket.socket):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def forget_connections(http: httpx.Client | httpx.AsyncClient) -> None:
    """In a child after fork(): drop the parent's connections unclosed (closing could end its TLS
    sessions) and renew the pool lock (a parent's thread may have held it)."""
    for pool in _pools(http):
        for name in ("_connections", "_requests"):
            if isinstance(getattr(pool, name, None), list):
                setattr(pool, name, [])
        lock = getattr(pool, "_optional_thread_lock", None)
        if lock is not None:
            with contextlib.suppress(Exception):
                pool._optional_thread_lock = type(lock)()
    for transport in _transports(http):
        after_fork = getattr(transport, "forget_connections", None)
        if callable(after_fork):
            after_fork()
