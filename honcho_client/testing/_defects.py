"""Known defects of the real Honcho 1.1.0 server that the fake mirrors by default.

Each defect has a name, what the server does, and what it was meant to do. A fake built
with ``server_defects=False`` (or a set of names) behaves as intended for the others.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["SERVER_DEFECTS", "ServerDefect", "resolve_defects"]


@dataclass(frozen=True)
class ServerDefect:
    """One defect of the upstream server: what it does and what was intended."""

    name: str
    does: str
    intended: str
    cause: str


_ALL: Final = (
    ServerDefect(
        "path_in_sql",
        "500 on any route whose decoded path holds a quote (') or a NUL, or ends in a "
        "non-word character (space, '-', '.', an emoji, ...) once 21-character ids are removed",
        "the route's ordinary answer",
        "the server pastes the request path into a SQL statement before every request",
    ),
    ServerDefect(
        "nul_characters",
        "500 when a text or metadata value holding a NUL character (or a lone UTF-16 "
        "surrogate) is stored or looked up",
        "the value is stored and returned like any other text",
        "Postgres text and jsonb columns refuse these characters",
    ),
    ServerDefect(
        "non_finite_numbers",
        "a body holding NaN or Infinity is accepted as JSON; it then answers 500 when the "
        "value is stored or appears in a 422 answer (an ignored field passes unnoticed)",
        "422 json_invalid: NaN and Infinity are not JSON",
        "Python's JSON parser accepts them, but neither the database nor the JSON encoder does",
    ),
    ServerDefect(
        "empty_batch",
        "500 for a message batch with no messages",
        "200 with an empty list",
        "an INSERT of zero rows fails",
    ),
    ServerDefect(
        "empty_queries",
        "500 for a chat with queries: [] (an empty 200 stream when streaming)",
        "422: the list must hold at least one query",
        "the server reads the first query without checking there is one",
    ),
    ServerDefect(
        "long_metamessage_type_update",
        "500 when a metamessage update sets a type over 512 characters",
        "the type is stored (the update schema sets no limit)",
        "a database length check fails and is not caught",
    ),
    ServerDefect(
        "metamessage_unknown_session_update",
        "500 when a metamessage update names a session_id that does not exist",
        "404 'Session not found or does not belong to user'",
        "a foreign-key violation is not caught",
    ),
    ServerDefect(
        "get_or_create_long_name",
        "500 when get_or_create (apps or users) creates a name over 100 characters",
        "422 string_too_long on the name",
        "the name is validated inside the handler, where the error is not a request error",
    ),
    ServerDefect(
        "long_document_content",
        "500 for a document content of 65,536 to 100,000 characters",
        "the document is stored (the schema allows 100,000)",
        "the database allows 65,535 characters",
    ),
    ServerDefect(
        "huge_page",
        "500 for a list page so far out that its offset, (page - 1) * size, passes 2^63 - 1",
        "200 with an empty page",
        "the offset goes to the database as a 64-bit integer",
    ),
    ServerDefect(
        "empty_clone_lost",
        "a clone of a session with no messages (to copy) answers 200 with a new id, but the "
        "session is never saved: a later get or message create on it gives 404",
        "the cloned session is saved",
        "the server returns before committing when there is no message to copy",
    ),
    ServerDefect(
        "expiring_keys_rejected",
        "a key created with expires_at is always rejected with 401 'Invalid JWT'",
        "the key works until it expires, then 401 'JWT expired'",
        "the expiry is stored as a date string where the JWT library wants a number",
    ),
    ServerDefect(
        "document_update_500",
        "a document update that changes the content answers 500, though the change is saved",
        "200 with the updated document",
        "the response reads a timestamp the database has not sent back yet",
    ),
    ServerDefect(
        "stream_error_after_headers",
        "a streamed chat that fails before its first word (unknown user, queries: []) answers "
        "200 with an empty text/event-stream body",
        "the same error status and detail as without streaming",
        "the error happens inside the stream, after the 200 headers were sent",
    ),
    ServerDefect(
        "unannounced_close",
        "after a 500 (and after the empty stream of a failed streamed chat) the connection "
        "is closed without a Connection: close header, so a client that reuses it may see "
        "its next request fail",
        "the connection stays open for the next request",
        "uvicorn closes the connection when the application raised, without announcing it",
    ),
)

SERVER_DEFECTS: Final[Mapping[str, ServerDefect]] = {d.name: d for d in _ALL}


def resolve_defects(choice: bool | Iterable[str]) -> frozenset[str]:
    """The set of defect names to mirror: all (``True``), none (``False``) or those named."""
    if choice is True:
        return frozenset(SERVER_DEFECTS)
    if choice is False:
        return frozenset()
    if isinstance(choice, str):
        choice = (choice,)
    names = frozenset(choice)
    unknown = sorted(names - set(SERVER_DEFECTS))
    if unknown:
        known = ", ".join(SERVER_DEFECTS)
        raise ValueError(f"unknown server defect(s): {', '.join(unknown)} (known: {known})")
    return names


# -- the checks some defects need -----------------------------------------------------

_ID_SEGMENT = re.compile(r"/[A-Za-z0-9_-]{21}")
# A colon followed by a word, not preceded by a word character, colon or backslash: the
# server's SQL layer reads it as a bind parameter it was never given.
_BIND = re.compile(r"(?<![:\w\\]):(\w+)(?!:)")
_QUOTES = re.compile(r"'+")


@functools.lru_cache(maxsize=4096)
def path_breaks_sql(method: str, path: str) -> bool:
    """Whether the server's per-request SQL statement fails for this decoded path."""
    if "\x00" in path:
        return True
    endpoint = _ID_SEGMENT.sub("", path).replace("/", "_")
    context = f"api:{method}:{endpoint}:0a1b2c3d"
    if any(len(run) % 2 for run in _QUOTES.findall(context)):
        return True
    return _BIND.search(context) is not None


def has_unstorable_text(value: Any) -> bool:
    """Whether a JSON value holds text Postgres refuses: NUL or a lone surrogate."""
    if isinstance(value, str):
        if "\x00" in value:
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_unstorable_text(k) or has_unstorable_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_unstorable_text(item) for item in value)
    return False


def has_non_finite(value: Any) -> bool:
    """Whether a JSON value holds NaN or an infinity."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(has_non_finite(v) for v in value.values())
    if isinstance(value, list):
        return any(has_non_finite(item) for item in value)
    return False
