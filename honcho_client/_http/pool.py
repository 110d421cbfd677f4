"""Removing connections that a cancellation stranded in httpcore's pool (encode/httpcore#1093),
and finishing a response close that a cancellation cut short. docs/internals.md says why.

Reads httpx's `Client._transport`/`_mounts` and httpcore's pool, connection and stream internals
(`_connections`, `_requests`, `_optional_thread_lock`, `_assign_requests_to_connections`,
`_connection`, `_connect_failed`, `_state`, `_request_count`, `_pool_request`, `_pool`, `_closed`,
`_stream`, `_httpcore_stream`); tested with httpx 0.27.0 and 0.28.1, httpcore 1.0.5 and 1.0.9. On
a transport that is not httpcore's, or internals that differ, every function here does nothing.
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
