"""Fault injection: queued failures (``fail_next``) and response delays (``delay``).

A rule's ``path`` matches the raw request path, its percent-decoded form, the route
template (``/v1/apps/{app_id}/users``) or an ``fnmatch`` glob (``/v1/apps/*/users``);
``method`` matches case-insensitively. ``None`` matches anything.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from fnmatch import fnmatchcase
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

from ._http import FakeResponse, json_response


def request_matches(
    method: str | None, path: str | None, req_method: str, req_path: str, template: str | None
) -> bool:
    """Whether a (method, path) filter selects a request."""
    if method is not None and method.upper() != req_method.upper():
        return False
    if path is None:
        return True
    return path in (req_path, unquote(req_path), template) or fnmatchcase(req_path, path)


@dataclass
class _Failure:
    remaining: int
    status: int
    retry_after: float | None
    body: Any
    method: str | None
    path: str | None

    def response(self) -> FakeResponse:
        headers: list[tuple[str, str]] = []
        if self.retry_after is not None:
            seconds = float(self.retry_after)
            headers.append(
                ("retry-after", str(int(seconds)) if seconds.is_integer() else str(seconds))
            )
        body = self.body
        if body is None:
            try:
                body = {"detail": HTTPStatus(self.status).phrase}
            except ValueError:
                body = {"detail": "Injected failure"}
        if isinstance(body, (bytes, str)):
            data = body.encode("utf-8") if isinstance(body, str) else body
            headers[:0] = [("content-length", str(len(data))), ("content-type", "text/plain")]
            return FakeResponse(self.status, tuple(headers), data)
        return json_response(self.status, json.loads(json.dumps(body)), headers)


@dataclass(frozen=True)
class _Delay:
    seconds: float
    method: str | None
    path: str | None


class Faults:
    """The pending failures and the delay rules, safe to use from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._failures: list[_Failure] = []
        self._delays: list[_Delay] = []

    def clear(self) -> None:
        with self._lock:
            self._failures.clear()
            self._delays.clear()

    def fail_next(
        self,
        n: int,
        status: int,
        retry_after: float | None,
        body: Any,
        method: str | None,
        path: str | None,
    ) -> None:
        if n < 1:
            raise ValueError("n must be at least 1")
        if not 100 <= status <= 599:
            raise ValueError("status must be an HTTP status code")
        with self._lock:
            self._failures.append(_Failure(n, status, retry_after, body, method, path))

    def take_failure(self, method: str, path: str, template: str | None) -> FakeResponse | None:
        """Consume one pending failure matching this request and return its response."""
        with self._lock:
            for failure in self._failures:
                if request_matches(failure.method, failure.path, method, path, template):
                    failure.remaining -= 1
                    if failure.remaining == 0:
                        self._failures.remove(failure)
                    return failure.response()
        return None

    def pending_failures(self) -> int:
        with self._lock:
            return sum(f.remaining for f in self._failures)

    def set_delay(self, seconds: float, method: str | None, path: str | None) -> None:
        """Replace the delay rule for this (method, path) filter; ``seconds <= 0`` removes it."""
        with self._lock:
            self._delays = [d for d in self._delays if (d.method, d.path) != (method, path)]
            if seconds > 0:
                self._delays.append(_Delay(float(seconds), method, path))

    def delay_for(self, method: str, path: str, template: str | None) -> float:
        """Seconds to wait before answering (the most recently set matching rule wins)."""
        with self._lock:
            for rule in reversed(self._delays):
                if request_matches(rule.method, rule.path, method, path, template):
                    return rule.seconds
        return 0.0
