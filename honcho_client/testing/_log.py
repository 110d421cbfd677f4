"""The request log: the most recent requests, bounded so a long-running fake stays small."""

from __future__ import annotations

import threading
from collections import deque
from urllib.parse import unquote

from ._faults import request_matches
from ._http import RecordedRequest
from ._routes import template_of

DEFAULT_LOG_SIZE = 1000


class RequestLog:
    """The last ``size`` requests (oldest dropped first), plus a count of all requests seen.

    ``size=None`` keeps every request (memory then grows with each one); ``size=0`` keeps none.
    """

    def __init__(self, size: int | None = DEFAULT_LOG_SIZE) -> None:
        if size is not None and size < 0:
            raise ValueError("request_log_size must be None or at least 0")
        self._lock = threading.Lock()
        self._records: deque[RecordedRequest] = deque(maxlen=size)
        self._seen = 0

    @property
    def size(self) -> int | None:
        return self._records.maxlen

    @property
    def seen(self) -> int:
        """How many requests were recorded since the last :meth:`clear`, kept or not."""
        return self._seen

    def append(self, record: RecordedRequest) -> None:
        with self._lock:
            self._records.append(record)
            self._seen += 1

    def records(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._records)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()
            self._seen = 0

    def count(self, method: str | None, path: str | None) -> int:
        """How many kept records match ``method`` and ``path`` (see ``request_matches``)."""
        templates: dict[tuple[str, str], str | None] = {}
        total = 0
        for record in self.records():
            key = (record.method, record.path)
            if path is not None and key not in templates:
                templates[key] = template_of(record.method, _decoded(record.path))
            if request_matches(method, path, record.method, record.path, templates.get(key)):
                total += 1
        return total


def _decoded(path: str) -> str:
    return unquote(path) if "%" in path else path
