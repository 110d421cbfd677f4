"""In-memory state of the fake: record tables, the lock guarding them, ids, clock and keys."""

from __future__ import annotations

import copy
import random
import string
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

Record = dict[str, Any]

ID_ALPHABET = string.ascii_letters + string.digits + "_-"
ID_LENGTH = 21
TABLES = ("apps", "users", "sessions", "messages", "metamessages", "collections", "documents")


@dataclass(frozen=True)
class KeyScope:
    """What a key created through ``POST /v1/keys`` is scoped to (all ``None``: admin)."""

    app_id: str | None = None
    user_id: str | None = None
    session_id: str | None = None
    collection_id: str | None = None
    expires_at: datetime | None = None

    @property
    def is_admin(self) -> bool:
        return not (self.app_id or self.user_id or self.session_id or self.collection_id)

    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at < datetime.now(timezone.utc)


class Store:
    """All records, one insertion-ordered table per resource; guard access with ``lock``.

    Records are stored exactly in their response shape, so handlers can return them as is.
    """

    def __init__(self, seed: int | None = None) -> None:
        self.lock = threading.RLock()
        self._seed = seed
        self.clear()

    def clear(self) -> None:
        """Forget every record and key and restart the id sequence."""
        self._rng: random.Random = (
            random.Random(self._seed) if self._seed is not None else random.SystemRandom()
        )
        self._last_time: datetime | None = None
        self.apps: dict[str, Record] = {}
        self.users: dict[str, Record] = {}
        self.sessions: dict[str, Record] = {}
        self.messages: dict[str, Record] = {}
        self.metamessages: dict[str, Record] = {}
        self.collections: dict[str, Record] = {}
        self.documents: dict[str, Record] = {}
        self.keys: dict[str, KeyScope] = {}

    def _random_text(self, length: int) -> str:
        # The alphabet has exactly 64 characters, so 6 random bits pick one uniformly.
        return "".join(ID_ALPHABET[byte & 63] for byte in self._rng.randbytes(length))

    def new_id(self) -> str:
        """A fresh 21-character URL-safe id (nanoid style)."""
        while True:
            candidate = self._random_text(ID_LENGTH)
            if not any(candidate in getattr(self, table) for table in TABLES):
                return candidate

    def new_key(self, scope: KeyScope) -> str:
        """Register and return a fresh URL-safe bearer token."""
        token = self._random_text(43)
        self.keys[token] = scope
        return token

    def now(self) -> str:
        """The current UTC time as ISO 8601 with microseconds and ``Z``, strictly increasing."""
        moment = datetime.now(timezone.utc)
        if self._last_time is not None and moment <= self._last_time:
            moment = self._last_time + timedelta(microseconds=1)
        self._last_time = moment
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def snapshot(self) -> dict[str, tuple[Record, ...]]:
        """Deep copies of every table, in creation order."""
        with self.lock:
            return {t: tuple(copy.deepcopy(list(getattr(self, t).values()))) for t in TABLES}


def json_contains(value: Any, pattern: Any) -> bool:
    """JSON containment like Postgres ``@>``: every part of ``pattern`` occurs in ``value``."""
    if isinstance(pattern, dict):
        return isinstance(value, dict) and all(
            key in value and json_contains(value[key], item) for key, item in pattern.items()
        )
    if isinstance(pattern, list):
        return isinstance(value, list) and all(
            any(json_contains(candidate, item) for candidate in value) for item in pattern
        )
    if isinstance(pattern, bool) or isinstance(value, bool):
        return isinstance(pattern, bool) and isinstance(value, bool) and pattern == value
    if isinstance(pattern, (int, float)) and isinstance(value, (int, float)):
        return bool(pattern == value)
    return type(pattern) is type(value) and bool(pattern == value)
