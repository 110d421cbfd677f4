"""In-memory state of the fake: record tables, the lock guarding them, ids, clock and key secret."""

from __future__ import annotations

import base64
import copy
import random
import string
import threading
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone
from typing import Any

Record = dict[str, Any]

ID_ALPHABET = string.ascii_letters + string.digits + "_-"
ID_LENGTH = 21
TABLES = ("apps", "users", "sessions", "messages", "metamessages", "collections", "documents")
DUMP_FORMAT = "honcho_client.testing/1"


class Store:
    """All records, one insertion-ordered table per resource; guard access with ``lock``.

    Records are stored exactly in their response shape, so handlers can return them as is.
    """

    def __init__(self, seed: int | None = None) -> None:
        self.lock = threading.RLock()
        self._seed = seed
        self.clear()

    def clear(self) -> None:
        """Forget every record, restart the id sequence and draw a new key secret."""
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
        self.secret: bytes = self._rng.randbytes(32)
        # Stamped into every key, as the server stamps the time it started: the same scope
        # gets the same key until the next clear.
        self.key_stamp = datetime.now(timezone.utc).replace(tzinfo=None).isoformat()

    def _random_text(self, length: int) -> str:
        # The alphabet has exactly 64 characters, so 6 random bits pick one uniformly.
        return "".join(ID_ALPHABET[byte & 63] for byte in self._rng.randbytes(length))

    def new_id(self) -> str:
        """A fresh 21-character URL-safe id (nanoid style)."""
        while True:
            candidate = self._random_text(ID_LENGTH)
            if not any(candidate in getattr(self, table) for table in TABLES):
                return candidate

    def now(self) -> str:
        """The current UTC time as the server writes it, strictly increasing.

        ISO 8601 with ``Z``; microseconds are written unless they are zero.
        """
        moment = datetime.now(timezone.utc)
        if self._last_time is not None and moment <= self._last_time:
            moment = self._last_time + timedelta(microseconds=1)
        self._last_time = moment
        text = moment.strftime("%Y-%m-%dT%H:%M:%S")
        return f"{text}.{moment.microsecond:06d}Z" if moment.microsecond else f"{text}Z"

    def snapshot(self) -> dict[str, tuple[Record, ...]]:
        """Deep copies of every table, in creation order."""
        with self.lock:
            return {t: tuple(copy.deepcopy(list(getattr(self, t).values()))) for t in TABLES}

    # -- dump and load -----------------------------------------------------------------

    def dump(self) -> dict[str, Any]:
        """Every table and the key secret as plain JSON-able data."""
        with self.lock:
            data: dict[str, Any] = {"format": DUMP_FORMAT}
            for table in TABLES:
                data[table] = copy.deepcopy(list(getattr(self, table).values()))
            data["key_secret"] = base64.b64encode(self.secret).decode("ascii")
            return data

    def load(self, data: Mapping[str, Any]) -> None:
        """Replace every table with the records of ``data`` (as made by :meth:`dump`).

        Tables missing from ``data`` become empty; the key secret is kept unless given.
        Raises ``ValueError`` for data that is not a dump of this format.
        """
        if data.get("format", DUMP_FORMAT) != DUMP_FORMAT:
            raise ValueError(f"not a FakeHoncho dump (format {data.get('format')!r})")
        unknown = set(data) - {"format", "key_secret", *TABLES}
        if unknown:
            raise ValueError(f"unknown keys in the dump: {', '.join(sorted(unknown))}")
        tables: dict[str, dict[str, Record]] = {}
        for table in TABLES:
            rows = data.get(table, [])
            if not isinstance(rows, list) or not all(
                isinstance(row, dict) and isinstance(row.get("id"), str) for row in rows
            ):
                raise ValueError(f"{table} must be a list of records, each with a string id")
            tables[table] = {row["id"]: copy.deepcopy(row) for row in rows}
        secret = data.get("key_secret")
        with self.lock:
            for table, rows_by_id in tables.items():
                setattr(self, table, rows_by_id)
            if isinstance(secret, str):
                self.secret = base64.b64decode(secret)
