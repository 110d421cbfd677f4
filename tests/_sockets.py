"""Counting this process's open sockets (Linux /proc), to show that a client leaks none.

On Python 3.10 (with any anyio release tested, 4.13 to 4.16), a connect cancelled at the moment
it succeeds can leave its socket behind with nothing referring to it: the garbage collector
closes it, not the connect. So there, `settle` and `settle_async` collect
garbage before they count. On 3.11 and later every socket must be closed without its help.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from pathlib import Path

import anyio

FD_DIR = Path(f"/proc/{os.getpid()}/fd")
# Closing is not instant: the test server's threads notice a closed connection within 50 ms,
# and an event loop closes a transport on its next turn.
SETTLE_SECONDS = 5.0


def available() -> bool:
    return FD_DIR.is_dir()


def open_sockets() -> int:
    """Number of socket file descriptors this process holds (clients and test servers)."""
    count = 0
    for fd in FD_DIR.iterdir():
        try:
            if os.readlink(fd).startswith("socket:"):
                count += 1
        except OSError:  # closed while listing
            continue
    return count


def baseline() -> int:
    """The sockets open now, once those that earlier tests left to the garbage collector are
    gone and the count holds still."""
    gc.collect()
    deadline = time.monotonic() + SETTLE_SECONDS
    count = open_sockets()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        again = open_sockets()
        if again == count:
            break
        count = again
    return count


def settle(expected: int) -> int:
    """`open_sockets()` once it equals `expected`, or its last value after SETTLE_SECONDS."""
    _collect_dropped_sockets()
    deadline = time.monotonic() + SETTLE_SECONDS
    while (count := open_sockets()) != expected and time.monotonic() < deadline:
        time.sleep(0.02)
    return count


async def settle_async(expected: int) -> int:
    """`settle`, letting the event loop (asyncio, uvloop or trio) run while it waits."""
    _collect_dropped_sockets()
    deadline = time.monotonic() + SETTLE_SECONDS
    while (count := open_sockets()) != expected and time.monotonic() < deadline:
        await anyio.sleep(0.02)
    return count


def _collect_dropped_sockets() -> None:
    """On Python 3.10, close the sockets that only garbage holds (see the module docstring)."""
    if sys.version_info < (3, 11):
        gc.collect()
