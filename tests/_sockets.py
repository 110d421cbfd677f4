"""Counting this process's open sockets (Linux /proc), to show that a client leaks none."""

from __future__ import annotations

import gc
import os
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
    deadline = time.monotonic() + SETTLE_SECONDS
    while (count := open_sockets()) != expected and time.monotonic() < deadline:
        time.sleep(0.02)
    return count


async def settle_async(expected: int) -> int:
    """`settle`, letting the event loop (asyncio, uvloop or trio) run while it waits."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while (count := open_sockets()) != expected and time.monotonic() < deadline:
        await anyio.sleep(0.02)
    return count
