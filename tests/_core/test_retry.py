"""The retry policy: what is retried for safe and unsafe operations, and how long it waits."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from honcho_client._core.retry import RetryPolicy, is_retryable_error, is_retryable_status


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_safe_operations_retry_transient_statuses(status: int) -> None:
    assert is_retryable_status(status, safe=True)


@pytest.mark.parametrize(
    ("status", "retried"),
    [
        (429, True),
        (503, True),
        (408, False),
        (500, False),
        (502, False),
        (504, False),
        (409, False),
    ],
)
def test_unsafe_operations_retry_only_refusals(status: int, retried: bool) -> None:
    assert is_retryable_status(status, safe=False) is retried


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_never_retried(status: int) -> None:
    assert not is_retryable_status(status, safe=True)


REQUEST = httpx.Request("POST", "http://h/")


@pytest.mark.parametrize(
    ("error", "unsafe_retried"),
    [
        (httpx.ConnectError("refused", request=REQUEST), True),
        (httpx.ConnectTimeout("slow", request=REQUEST), True),
        (httpx.PoolTimeout("busy", request=REQUEST), True),
        (httpx.ReadTimeout("slow", request=REQUEST), False),
        (httpx.WriteTimeout("slow", request=REQUEST), False),
        (httpx.RemoteProtocolError("dropped", request=REQUEST), False),
        (httpx.ReadError("reset", request=REQUEST), False),
    ],
)
def test_errors(error: Exception, unsafe_retried: bool) -> None:
    assert is_retryable_error(error, safe=True)
    assert is_retryable_error(error, safe=False) is unsafe_retried


def test_backoff_is_exponential_with_full_jitter_and_capped() -> None:
    top = RetryPolicy(jitter=lambda: 1.0)
    assert [top.delay(n) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]
    assert RetryPolicy(jitter=lambda: 0.25).delay(3) == 0.5


def test_retry_after_seconds_and_ms() -> None:
    policy = RetryPolicy(jitter=lambda: 1.0)
    assert policy.delay(1, httpx.Headers({"Retry-After": "3"})) == 3.0
    assert policy.delay(1, httpx.Headers({"retry-after-ms": "1500", "Retry-After": "9"})) == 1.5
    assert policy.delay(1, httpx.Headers({"Retry-After": "3600"})) == 60.0
    assert policy.delay(2, httpx.Headers({"Retry-After": "soon"})) == 1.0


def test_retry_after_http_date() -> None:
    when = datetime.now(timezone.utc) + timedelta(seconds=10)
    delay = RetryPolicy().delay(
        1, httpx.Headers({"Retry-After": format_datetime(when, usegmt=True)})
    )
    assert 8.0 <= delay <= 10.0
