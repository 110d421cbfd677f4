"""Which clients are compared, and how to build each one against a given transport or server.

honcho-ai 0.2.0 (imported as `honcho`) is optional: when it is not installed its column reads
"n/a" and the table footer says how to install it.
"""

from __future__ import annotations

import importlib.util
from typing import Final

__all__ = [
    "API_KEY",
    "HONCHO_AI",
    "HONCHO_AI_INSTALL",
    "OURS",
    "RAW",
    "honcho_ai_available",
]

OURS: Final = "honcho_client"
RAW: Final = "raw httpx"
HONCHO_AI: Final = "honcho-ai"
API_KEY: Final = "bench-key"
HONCHO_AI_INSTALL: Final = "pip install 'honcho-ai==0.2.0'  (or: pip install -e '.[bench]')"


def honcho_ai_available() -> bool:
    """True when the official SDK (`honcho-ai`, module `honcho`) can be imported."""
    return importlib.util.find_spec("honcho") is not None
