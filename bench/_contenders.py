"""Which clients are compared, and how to build each one against a given transport or server.

Optional contenders read "n/a" in the table when their packages are missing, and the footer
says how to install them:

- honcho-ai 0.2.0 (imported as `honcho`), the official SDK;
- the aiohttp-based ones (honcho_client on `DefaultAioHttpClient`, raw aiohttp, httpx over
  httpx-aiohttp), which need the `aiohttp` extra.
"""

from __future__ import annotations

import importlib.util
from typing import Final

__all__ = [
    "AIOHTTP_CONTENDERS",
    "AIOHTTP_INSTALL",
    "API_KEY",
    "HONCHO_AI",
    "HONCHO_AI_INSTALL",
    "HTTPX_AIOHTTP",
    "OURS",
    "OURS_FAST",
    "RAW",
    "RAW_AIOHTTP",
    "aiohttp_available",
    "honcho_ai_available",
]

OURS: Final = "honcho_client"
OURS_FAST: Final = "honcho_client on DefaultAioHttpClient"
RAW: Final = "raw httpx"
RAW_AIOHTTP: Final = "raw aiohttp"
HTTPX_AIOHTTP: Final = "httpx over httpx-aiohttp"
HONCHO_AI: Final = "honcho-ai"
AIOHTTP_CONTENDERS: Final = (OURS_FAST, RAW_AIOHTTP, HTTPX_AIOHTTP)
API_KEY: Final = "bench-key"
HONCHO_AI_INSTALL: Final = "pip install 'honcho-ai==0.2.0'  (or: pip install -e '.[bench]')"
AIOHTTP_INSTALL: Final = "pip install -e '.[aiohttp]'"


def honcho_ai_available() -> bool:
    """True when the official SDK (`honcho-ai`, module `honcho`) can be imported."""
    return importlib.util.find_spec("honcho") is not None


def aiohttp_available() -> bool:
    """True when the `aiohttp` extra (aiohttp and httpx-aiohttp) is installed."""
    return all(importlib.util.find_spec(m) is not None for m in ("aiohttp", "httpx_aiohttp"))
