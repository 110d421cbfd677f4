"""The connection pool the clients create, and the removal of connections a cancellation stranded.

The pool has no connection limit: the clients' permits (`_concurrency`) are the bound on requests
in flight, so a connection that httpcore 1.0.x strands after a cancellation (encode/httpcore#1093)
cannot take a slot that a later request needs. `recycle_stranded` then takes such connections out
of the pool, so they do not pile up either; it runs after an attempt that ended in a cancellation
or an error, on the SDK's pool and on a caller's own httpx client alike (whose limits may be
small).

A stranded connection is one the pool created for a request that went away before the
connection was used: it has no socket yet (nothing to close), has not failed, and no request of
the pool refers to it. The check reads httpcore's pool state under the pool's own lock; on a
transport that is not httpcore's (aiohttp, a mock), or an httpcore whose internals differ, it does
nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx

__all__ = ["MAX_IDLE_CONNECTIONS", "pool_limits", "recycle_stranded"]

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
    """Remove the pool's stranded connections; return how many were removed."""
    removed = 0
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
                    removed += 1
    return removed


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
    """Created for a request but never connected, and not failed (so never reclaimed)."""
    return (
        hasattr(connection, "_connect_failed")
        and getattr(connection, "_connection", True) is None
        and getattr(connection, "_connect_failed", True) is False
    )
