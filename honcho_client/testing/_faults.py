"""Fault injection: queued faults (``fail_next`` and its connection-level kin) and delays.

A queued fault applies to the next ``n`` matching requests, in the order the faults were
queued; a delay applies to every matching request until it is removed. A rule's ``path`` matches the raw request path, its percent-decoded form, the route
template (``/v1/apps/{app_id}/users``) or an ``fnmatch`` glob (``/v1/apps/*/users``);
``method`` matches case-insensitively. ``None`` matches anything.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import unquote

from ._http import ConnectionFault, FakeResponse, json_response

FaultKind = Literal["status", "drop", "reset", "truncate", "stall", "delay"]


def request_matches(
    method: str | None, path: str | None, req_method: str, req_path: str, template: str | None
) -> bool:
    """Whether a (method, path) filter selects a request."""
    if method is not None and method.upper() != req_method.upper():
        return False
    if path is None:
        return True
    return path in (req_path, unquote(req_path), template) or fnmatchcase(req_path, path)


@dataclass(frozen=True)
class PendingFault:
    """One queued fault or delay rule, as ``FakeHoncho.pending_faults`` lists it.

    Attributes:
        kind: ``"status"`` (from ``fail_next``), ``"drop"``, ``"reset"``, ``"truncate"``,
            ``"stall"``, or ``"delay"`` (from ``delay``).
        remaining: how many more matching requests it applies to; ``None`` for a delay,
            which applies to every matching request until it is removed.
        method, path: the filter (``None`` matches anything).
        status: the status answered (``status`` faults).
        applied: whether the request changes the state before the connection fails
            (always for ``truncate`` and ``stall``; never for ``status``).
        after_bytes: body bytes sent before the cut (``truncate``).
        seconds: the wait before the first byte (``stall``), or before handling (``delay``).
    """

    kind: FaultKind
    remaining: int | None
    method: str | None = None
    path: str | None = None
    status: int | None = None
    applied: bool = False
    after_bytes: int = 0
    seconds: float = 0.0


@dataclass
class _Queued:
    fault: PendingFault
    retry_after: float | None = None
    body: Any = None

    def status_response(self) -> FakeResponse:
        status = self.fault.status or 503
        headers: list[tuple[str, str]] = []
        if self.retry_after is not None:
            seconds = float(self.retry_after)
            headers.append(
                ("retry-after", str(int(seconds)) if seconds.is_integer() else str(seconds))
            )
        body = self.body
        if body is None:
            try:
                body = {"detail": HTTPStatus(status).phrase}
            except ValueError:
                body = {"detail": "Injected failure"}
        if isinstance(body, (bytes, str)):
            data = body.encode("utf-8") if isinstance(body, str) else body
            headers[:0] = [("content-length", str(len(data))), ("content-type", "text/plain")]
            return FakeResponse(status, tuple(headers), data)
        return json_response(status, json.loads(json.dumps(body)), headers)

    def connection_fault(self) -> ConnectionFault:
        kind = self.fault.kind
        assert kind != "status" and kind != "delay"
        return ConnectionFault(kind, self.fault.after_bytes, self.fault.seconds)


@dataclass(frozen=True)
class Taken:
    """A fault consumed by a request: either a whole answer, or a connection fault."""

    answer: FakeResponse | None
    connection: ConnectionFault | None
    applied: bool


@dataclass(frozen=True)
class _Delay:
    seconds: float
    method: str | None
    path: str | None


class Faults:
    """The queued faults and the delay rules, safe to use from several threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: list[_Queued] = []
        self._delays: list[_Delay] = []

    def clear(self) -> None:
        with self._lock:
            self._queue.clear()
            self._delays.clear()

    def add(self, fault: PendingFault, retry_after: float | None = None, body: Any = None) -> None:
        if fault.remaining is None or fault.remaining < 1:
            raise ValueError("n must be at least 1")
        if fault.kind == "status" and not 100 <= (fault.status or 0) <= 599:
            raise ValueError("status must be an HTTP status code")
        if fault.after_bytes < 0 or fault.seconds < 0:
            raise ValueError("after_bytes and seconds must not be negative")
        with self._lock:
            self._queue.append(_Queued(fault, retry_after, body))

    def take(self, method: str, path: str, template: str | None) -> Taken | None:
        """Consume one queued fault matching this request, if any."""
        with self._lock:
            for queued in self._queue:
                fault = queued.fault
                if not request_matches(fault.method, fault.path, method, path, template):
                    continue
                if fault.remaining is None or fault.remaining == 1:
                    self._queue.remove(queued)
                else:
                    queued.fault = replace(fault, remaining=fault.remaining - 1)
                if fault.kind == "status":
                    return Taken(queued.status_response(), None, applied=False)
                return Taken(None, queued.connection_fault(), applied=fault.applied)
        return None

    @property
    def none_queued(self) -> bool:
        """Whether no fault is queued (a cheap check, without the lock)."""
        return not self._queue

    @property
    def no_delays(self) -> bool:
        """Whether no delay rule is set (a cheap check, without the lock)."""
        return not self._delays

    def pending(self) -> tuple[PendingFault, ...]:
        """The queued faults in the order they apply, then the delay rules in the order set."""
        with self._lock:
            delays = tuple(
                PendingFault("delay", None, d.method, d.path, applied=True, seconds=d.seconds)
                for d in self._delays
            )
            return tuple(q.fault for q in self._queue) + delays

    def queued_requests(self) -> int:
        """How many requests the queued faults (not the delays) still apply to."""
        with self._lock:
            return sum(q.fault.remaining or 0 for q in self._queue)

    def set_delay(self, seconds: float, method: str | None, path: str | None) -> None:
        """Set the delay rule for this (method, path) filter, replacing one set for the same
        filter. ``seconds <= 0`` removes every rule the filter covers (``None`` covering any
        method or path), so ``set_delay(0, None, None)`` removes them all."""
        with self._lock:
            if seconds > 0:
                self._delays = [d for d in self._delays if (d.method, d.path) != (method, path)]
                self._delays.append(_Delay(float(seconds), method, path))
                return
            self._delays = [
                d
                for d in self._delays
                if not (
                    (method is None or (d.method or "").upper() == method.upper())
                    and (path is None or d.path == path)
                )
            ]

    def delay_for(self, method: str, path: str, template: str | None) -> float:
        """Seconds to wait before answering (the most recently set matching rule wins)."""
        with self._lock:
            for rule in reversed(self._delays):
                if request_matches(rule.method, rule.path, method, path, template):
                    return rule.seconds
        return 0.0
