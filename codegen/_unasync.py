"""Derives the sync twins `honcho_client/_client/sync_*.py` from the hand-written `async_*.py`.

The async code is written once; this rewrites it token by token (`async def` → `def`,
`await x` → `x`, `AsyncHoncho` → `Honcho`, `aread` → `read`, `asyncio.sleep` → `time.sleep`, …).
`python -m codegen --check` fails when a sync file no longer matches its async source.
"""

from __future__ import annotations

import re
from pathlib import Path

CLIENT_DIR = Path("honcho_client/_client")
# Modules with a sync twin (`async_x.py` -> `sync_x.py`). awaitables.py is async-only: a sync
# call returns its result directly.
FILES = ("async_client.py", "async_pages.py", "async_response.py", "async_streams.py")

_SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"\basync_(client|pages|response|streams)\b", r"sync_\1"),
    (r"\bAsyncHoncho\b", "Honcho"),
    (r"\bAsyncPage\b", "SyncPage"),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\bAsync\b", "Sync"),
    (r"\basync def\b", "def"),
    (r"\basync with\b", "with"),
    (r"\basync for\b", "for"),
    (r"\bawait\s+", ""),
    (r"\b__aenter__\b", "__enter__"),
    (r"\b__aexit__\b", "__exit__"),
    (r"\b__aiter__\b", "__iter__"),
    (r"\b__anext__\b", "__next__"),
    (r"\baiter_(bytes|text|lines|raw)\b", r"iter_\1"),
    (r"\baread\b", "read"),
    (r"\baclose\b", "close"),
    (r"\banyio\.sleep\b", "time.sleep"),
    (r"\basyncio\.Semaphore\b", "threading.Semaphore"),
    (r"^import asyncio$", "import threading"),
    (r"^[ \t]+import (asyncio|anyio)\b.*\n\n?", ""),  # imported where first needed
    (r"\bStopAsyncIteration\b", "StopIteration"),
]
_COMPILED = [(re.compile(p, re.MULTILINE), r) for p, r in _SUBSTITUTIONS]


def unasync_source(source: str, name: str) -> str:
    """The sync twin of one async module."""
    body = _drop_module_docstring(source)
    for pattern, replacement in _COMPILED:
        body = pattern.sub(replacement, body)
    body = _unwrap("Awaitable", body)
    return (
        f"# Generated from honcho_client/_client/{name} by `python -m codegen`. Do not edit: change that file.\n"
        f'"""Sync twin of `honcho_client/_client/{name}`; read that file for the documentation."""\n'
        + body
    )


def render() -> dict[Path, str]:
    return {
        CLIENT_DIR / ("sync_" + name.removeprefix("async_")): unasync_source(
            (CLIENT_DIR / name).read_text(), name
        )
        for name in FILES
    }


def _drop_module_docstring(source: str) -> str:
    match = re.match(r'\s*"""(.*?)"""\n', source, re.DOTALL)
    return source[match.end() :] if match else source


def _unwrap(name: str, text: str) -> str:
    """`Awaitable[X]` → `X`, with brackets balanced."""
    token = name + "["
    while (start := text.find(token)) >= 0:
        depth, i = 1, start + len(token)
        while depth:
            depth += {"[": 1, "]": -1}.get(text[i], 0)
            i += 1
        text = text[:start] + text[start + len(token) : i - 1] + text[i:]
    return text
