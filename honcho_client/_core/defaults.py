"""Default settings of the clients, and the named environments."""

from __future__ import annotations

from typing import Final, Literal

import httpx

Environment = Literal["local", "demo", "production"]

ENVIRONMENTS: Final[dict[str, str]] = {
    "local": "http://localhost:8000",
    "demo": "https://demo.honcho.dev",
    "production": "https://api.honcho.dev",
}
DEFAULT_ENVIRONMENT: Final = "demo"
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
# Also the clients' bound on requests in flight: extra calls wait in the client's own queue
# rather than time out in the pool.
DEFAULT_MAX_CONCURRENCY: Final = 100


def make_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    """A float means the whole budget of one attempt, with connect capped at 5 s."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if timeout is None:
        return httpx.Timeout(None)
    return httpx.Timeout(timeout, connect=min(timeout, 5.0))
