"""`RequestOptions`: the per-call options every method takes as `**options`."""

from __future__ import annotations

from collections.abc import Mapping

import httpx
from typing_extensions import TypedDict


class RequestOptions(TypedDict, total=False):
    """Options of one call, on top of the client's settings, taken by every method as keywords:
    `client.apps.get(app_id, timeout=5, extra_headers={"X-Trace": "1"})`."""

    extra_headers: Mapping[str, str] | None
    """Headers to add; they replace the client's headers of the same name (any case)."""
    extra_query: Mapping[str, object] | None
    """Query parameters to add to the URL."""
    extra_body: Mapping[str, object] | None
    """JSON properties to add to the body, or to replace in it."""
    timeout: float | httpx.Timeout | None
    """This call's timeout, instead of the client's (see docs/retries-and-timeouts.md)."""
    max_retries: int
    """How often this call may be retried, instead of the client's `max_retries`."""
