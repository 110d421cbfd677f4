"""Streams dropped without being closed: closed by a finalizer, with a ResourceWarning.

A streamed response holds a connection and one of the client's permits until it is closed. If
the object the caller got (a chat stream, a streaming raw response) is garbage-collected while
still open, its guard warns (`ResourceWarning`, naming the call) and closes the response, which
frees the connection and the permit. The close never runs inside the garbage collector itself,
which may fire while the HTTP library holds a lock: the async guard schedules it on the event
loop (asyncio's or trio's), the sync guard hands it to a short-lived thread.
"""

from __future__ import annotations

import contextlib
import threading
import warnings
import weakref

import httpx

from .runner import close_soon, running


def _warn(call: str) -> None:
    warnings.warn(
        f"{call}: a streamed response was garbage-collected without being closed, and has been "
        "closed now; close it (`with`, `.close()`) or read it to the end",
        ResourceWarning,
        stacklevel=2,
    )


class AsyncStreamGuard:
    """Closes `response` if `owner` is collected first; `detach()` once it was closed."""

    def __init__(self, owner: object, response: httpx.Response, call: str) -> None:
        self._finalizer = weakref.finalize(owner, _close_later, running(), response, call)
        self._finalizer.atexit = False

    def detach(self) -> None:
        self._finalizer.detach()


def _close_later(runner: object, response: httpx.Response, call: str) -> None:
    _warn(call)
    close_soon(runner, response)


class StreamGuard:
    """The sync twin of `AsyncStreamGuard`."""

    def __init__(self, owner: object, response: httpx.Response, call: str) -> None:
        self._finalizer = weakref.finalize(owner, _close_in_thread, response, call)
        self._finalizer.atexit = False

    def detach(self) -> None:
        self._finalizer.detach()


def _close_in_thread(response: httpx.Response, call: str) -> None:
    _warn(call)
    threading.Thread(
        target=_close_quietly, args=(response,), name="honcho-close-dropped-stream", daemon=True
    ).start()


def _close_quietly(response: httpx.Response) -> None:
    with contextlib.suppress(Exception):  # nobody is left to tell: the stream was dropped
        response.close()
