"""The connection pool the clients create, and the removal of connections a cancellation stranded.

The pool has no connection limit: the clients' permits (`_concurrency`) are the bound on requests
in flight, so a connection that httpcore 1.0.x strands after a cancellation (encode/httpcore#1093)
cannot take a slot that a later request needs. `recycle_stranded` then takes such connections out
of the pool, so they do not pile up either; it runs after an attempt that ended in a cancellation
or an error, on the SDK's pool and on a caller's own httpx client alike (whose limits may be
small).

A stranded connection is one the pool created for a request that went away before using it,
and that no request of the pool refers to any more. httpcore leaves two kinds behind:

- cancelled before connecting: no socket yet, and not failed, so never reclaimed;
- cancelled after connecting but before the request started on it: the socket is open, and the
  connection stays in its NEW state (not idle, not closed, never expiring) for good.

Both are taken out of the pool; the second kind is also closed (on the event loop for an async
client).

A cancellation can also land while a response is being closed: httpcore marks the body closed
before it hands the connection back, and its shield does not stop `Task.cancel()`, so the request
would stay in the pool for good with its connection busy. `finish_interrupted_close` completes
that hand-back: the request leaves the pool and the half-closed connection is closed.

These read httpcore's pool state under the pool's own lock; on a transport that is not httpcore's
(aiohttp, a mock), or an httpcore whose internals differ, they do nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import httpx

from .._client.runner import close_in_background

# Few idle connections: with many, httpcore 1.0 hands one idle connection to several waiting
# requests at once and spends its time re-queueing the losers.
MAX_IDLE_CONNECTIONS = 20


def pool_limits(max_concurrency: int) -> httpx.Limits:
    """No limit on connections (the permits bound requests), few idle ones kept."""
    return httpx.Limits(
        max_connections=None,
        max_keepalive_connections=min(max_concurrency, MAX_IDLE_CONNECTIONS),
    )


def recycle_stranded(http: httpx.Client | httpx.AsyncClient) -> int:
    """Remove the pool's stranded connections, closing those with a socket; return how many."""
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
        if getattr(connection, "_connection", None) is not None:
            _close(http, connection)
    return len(removed)


def finish_interrupted_close(response: httpx.Response) -> None:
    """After a cancellation interrupted reading or closing `response`: hand its connection back
    to the pool as httpcore would have, closing it. (A sync response is just closed: nothing
    cancels a thread, only an interrupt such as KeyboardInterrupt.)"""
    if isinstance(response.stream, httpx.SyncByteStream):
        with contextlib.suppress(Exception):
            response.close()
        return
    pool_stream = _pool_stream(response.stream)
    if pool_stream is None:
        return
    pool = getattr(pool_stream, "_pool", None)
    pool_request = getattr(pool_stream, "_pool_request", None)
    requests = getattr(pool, "_requests", None)
    lock = getattr(pool, "_optional_thread_lock", None)
    assign = getattr(pool, "_assign_requests_to_connections", None)
    if not isinstance(requests, list) or lock is None or assign is None:
        return
    if not getattr(pool_stream, "_closed", False):
        # The close had not begun: do all of it, off the cancelled task.
        close_in_background(response)
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
        inner = getattr(stream, "_stream", None) or getattr(stream, "_httpcore_stream", None)
        if inner is None:
            return None
        stream = inner
    return None


def _pools(http: httpx.Client | httpx.AsyncClient) -> Iterator[object]:
    transports = [getattr(http, "_transport", None)]
    mounts = getattr(http, "_mounts", None)
    if isinstance(mounts, dict):
        transports.extend(mounts.values())
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if pool is not None:
            yield pool


def _never_used(connection: object) -> bool:
    """Created for a request that never ran on it: not connected (and not failed), or
    connected with no request started (NEW, none sent)."""
    if getattr(connection, "_connect_failed", True) is not False:
        return False
    inner = getattr(connection, "_connection", False)
    if inner is None:
        return True
    state = getattr(getattr(inner, "_state", None), "name", None)
    return state == "NEW" and getattr(inner, "_request_count", None) == 0


def _close(http: httpx.Client | httpx.AsyncClient, connection: Any) -> None:
    if isinstance(http, httpx.Client):
        with contextlib.suppress(Exception):
            connection.close()
    else:
        close_in_background(connection)
