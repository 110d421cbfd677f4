"""When a failed request may be sent again, and how long to wait first.

What is retried depends on the operation's safety, which codegen derives from openapi.yaml:

- safe operations (GET, PUT, DELETE, and the read-only POSTs `list` and `query`) are retried after
  connection errors, timeouts, and the statuses 408, 429, 500, 502, 503, 504;
- unsafe operations (create, batch, chat, keys.create) only where the server provably did not act:
  connect errors and connect/pool timeouts (nothing was sent), 429 and 503 (the server refused).
  Never after a read or write timeout, a connection dropped after the request was sent, 500, 502,
  504 or 409: a create is never sent twice.

The wait is exponential backoff with full jitter (0.5 s base, 8 s cap) unless the server says how
long to wait with `retry-after-ms` or `Retry-After` (seconds or an HTTP date, capped at 60 s).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import httpx

SAFE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
UNSAFE_STATUSES = frozenset({429, 503})
# Failures that happen before any byte of the request left the machine.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def is_retryable_status(status: int, safe: bool) -> bool:
    return status in (SAFE_STATUSES if safe else UNSAFE_STATUSES)


def is_retryable_error(error: Exception, safe: bool) -> bool:
    if isinstance(error, _NOT_SENT):
        return True
    return safe and isinstance(error, httpx.TransportError)


@dataclass(frozen=True)
class RetryPolicy:
    """How long to wait before attempt `n + 1` after attempt `n` failed."""

    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    jitter: Callable[[], float] = random.random

    def delay(self, attempt: int, headers: httpx.Headers | None = None) -> float:
        if headers is not None:
            told = self.server_delay(headers)
            if told is not None:
                return told
        backoff: float = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return backoff * self.jitter()

    def server_delay(self, headers: httpx.Headers) -> float | None:
        """The wait the server asked for, capped; None when it did not say."""
        value = headers.get("retry-after-ms")
        if value is not None:
            try:
                return _clamp(float(value) / 1000.0, self.max_retry_after)
            except ValueError:
                pass
        value = headers.get("retry-after")
        if value is None:
            return None
        try:
            return _clamp(float(value), self.max_retry_after)
        except ValueError:
            pass
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        return _clamp(when.timestamp() - time.time(), self.max_retry_after)


def _clamp(seconds: float, cap: float) -> float:
    return max(0.0, min(seconds, cap))
