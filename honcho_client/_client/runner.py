"""The event loop an async client runs on (asyncio, uvloop or trio), and closing things there.

`running()` names what the current call runs on: the asyncio loop, or the trio run's token. Its
connections belong to it. Closing there runs `await closeable.aclose()` in a task of its own,
which no cancellation of the caller reaches, and drops errors (nobody is left to tell).
"""

from __future__ import annotations

import contextlib
from typing import Any


def running() -> Any:
    """The running asyncio loop, or the token of the running trio run."""
    import sniffio  # here: a sync program never needs it

    if sniffio.current_async_library() == "trio":
        import trio

        return trio.lowlevel.current_trio_token()
    import asyncio

    return asyncio.get_running_loop()


def close_soon(runner: Any, closeable: Any) -> None:
    """Close `closeable` on `runner` (from `running()`), from any thread (a garbage-collector
    finalizer included); a no-op once it ended."""
    with contextlib.suppress(RuntimeError):  # that loop or run has ended, and its sockets with it
        schedule = getattr(runner, "run_sync_soon", None) or runner.call_soon_threadsafe
        schedule(_spawn, runner, closeable)


def close_in_background(closeable: Any) -> None:
    """Close `closeable` on the running loop, off the current (perhaps cancelled) task."""
    _spawn(running(), closeable)


_closing: set[object] = set()  # close tasks in flight (a task nobody holds may be collected)


def _spawn(runner: Any, closeable: Any) -> None:
    if hasattr(runner, "run_sync_soon"):  # a trio run
        import trio

        trio.lowlevel.spawn_system_task(_aclose_quietly, closeable)
        return
    task = runner.create_task(_aclose_quietly(closeable))
    _closing.add(task)
    task.add_done_callback(_closing.discard)


async def _aclose_quietly(closeable: Any) -> None:
    with contextlib.suppress(Exception):
        await closeable.aclose()
