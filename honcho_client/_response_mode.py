"""Which shape a call returns: the parsed result, or the raw response (read, or streamed).

`.with_raw_response` and `.with_streaming_response` set this for the duration of one call; the
clients read it once per request.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Literal

__all__ = ["RESPONSE_MODE", "ResponseMode"]

ResponseMode = Literal["raw", "stream"]

RESPONSE_MODE: ContextVar[ResponseMode | None] = ContextVar("honcho_response_mode", default=None)
