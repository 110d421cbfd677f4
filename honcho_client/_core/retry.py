"""When a failed request may be sent again, and how long to wait first.

Safe operations (as codegen derives them from openapi.yaml) are retried after transport errors
and 408, 429, 500, 502, 503, 504; unsafe ones (create, chat...) only where the server provably
did not act: nothing was sent (connect errors, connect/pool timeouts), or 429 and 503. The wait is
exponential backoff with full jitter, unless `retry-after-ms` or `Retry-After` says otherwise.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

SAFE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
UNSAFE_STATUSES = frozenset({429, 503})
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)  # before any byte left


def is_retryable_status(status: int, safe: bool) -> bool:
    return status in (SAFE_STATUSES if safe else UNSAFE_STATUSES)


def is_retryable_error(error: Exception, safe: bool) -> bool:
    return isinstance(error, _NOT_SENT) or (safe and isinstance(error, httpx.TransportError))


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before attempt `n + 1` after attempt `n` failed."""

    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: Callable[[], float] = random.random

    def delay(self, attempt: int, headers: httpx.Headers | None = None) -> float:
        told = None if headers is None else self.server_delay(headers)
        if told is not None:
            return told
        backoff: float = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return backoff * self.jitter()

    def server_delay(self, headers: httpx.Headers) -> float | None:
        """The wait the server asked for (seconds or an HTTP date), capped; None if unsaid."""
        for name, unit in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
            value = headers.get(name)
            if value is not None:
                with suppress(ValueError):
                    return _clamp(float(value) / unit, self.max_retry_after)
        if value is None:
            return None
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return _clamp(when.timestamp() - time.time(), self.max_retry_after)


def _clamp(seconds: float, cap: float) -> float:
    return max(0.0, min(seconds, cap))
