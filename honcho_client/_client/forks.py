"""Clients used before `os.fork()` keep working in the child, on connections of its own.

In the child, right after a fork, every pool registered here forgets the connections it inherited
(they are the parent's to close, and a request sent on one could read an answer meant for the
parent) and every set of permits starts afresh. Without `os.register_at_fork` (Windows), no fork.
"""

from __future__ import annotations

import os
import weakref
from typing import Any

import httpx

from .._http.pool import forget_connections

_pools: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()
_permits: weakref.WeakSet[Any] = weakref.WeakSet()


def renew_after_fork(http: httpx.Client | httpx.AsyncClient, permits: Any) -> None:
    """In a child forked after this call, forget `http`'s connections and reset `permits`."""
    _pools.add(http)
    _permits.add(permits)


def _in_child() -> None:
    for http in list(_pools):
        forget_connections(http)
    for permits in list(_permits):
        permits.reset()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_child)
