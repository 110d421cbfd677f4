"""Streams dropped without being closed: closed by a finalizer, with a ResourceWarning.

A streamed response holds a connection and a permit until it is closed. A guard closes it when the
object the caller got is garbage-collected while still open: not in the collector, which may fire
while the HTTP library holds a lock, but on the call's event loop, or (sync) in a new thread.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
import weakref

import httpx

from .runner import close_soon, running


class StreamGuard:
    """Closes `response` if `owner` is collected first; `detach()` once it was closed."""

    def __init__(self, owner: object, response: httpx.Response, call: str) -> None:
        self._finalizer = weakref.finalize(owner, _dropped, self._runner(), response, call)
        self._finalizer.atexit = False

    def _runner(self) -> object:
        return None  # no event loop: the close runs in a thread

    def detach(self) -> None:
        self._finalizer.detach()


class AsyncStreamGuard(StreamGuard):
    """`StreamGuard` of the async clients: the close runs on the event loop of the call."""

    def _runner(self) -> object:
        return running()


def _dropped(runner: object, response: httpx.Response, call: str) -> None:
    """Warn, and close `response` on `runner` (from `running()`), or in a thread without one."""
    warnings.warn(
        f"{call}: a streamed response was garbage-collected without being closed, and has been "
        "closed now; close it (`with`, `.close()`) or read it to the end",
        ResourceWarning,
        stacklevel=1,
    )
    if runner is not None:
        close_soon(runner, response)
        return
    threading.Thread(
        target=_close_quietly, args=(response,), name="honcho-close-dropped-stream", daemon=True
    ).start()


def _close_quietly(response: httpx.Response) -> None:
    with contextlib.suppress(Exception):  # nobody is left to tell: the stream was dropped
        response.close()
