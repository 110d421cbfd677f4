"""Canned request and response bodies, shared by the mock transport and the loopback server.

Everything here is prepared once at import; nothing is serialised per call, except the list
pages that the loopback server generates from the page number.
"""

from __future__ import annotations

import json
from typing import Final

__all__ = [
    "APP_ID",
    "CREATE_BODY",
    "CREATE_RESPONSE",
    "LIST_PAGE_100",
    "PAGE_SIZE",
    "USER_ID",
    "list_page",
    "user_for_total",
]

APP_ID: Final = "app-bench"
USER_ID: Final = "user-bench"
PAGE_SIZE: Final = 100

CREATE_BODY: Final[dict[str, object]] = {"metamessage_type": "note", "content": "hello from bench"}

_ITEM: Final[dict[str, object]] = {
    "id": "mm_0",
    "label": "note",
    "content": "hello from bench",
    "user_id": USER_ID,
    "app_id": APP_ID,
    "session_id": None,
    "message_id": None,
    "metadata": {},
    "created_at": "2024-06-01T12:00:00Z",
    "metamessage_type": "note",
}

CREATE_RESPONSE: Final[bytes] = json.dumps(_ITEM, separators=(",", ":")).encode()

# One item with its id left as a %-placeholder, so a server can stamp out pages cheaply.
_ITEM_TEMPLATE: Final[bytes] = CREATE_RESPONSE.replace(b'"mm_0"', b'"mm_%d"')
assert _ITEM_TEMPLATE != CREATE_RESPONSE


def list_page(page: int, size: int, total: int) -> bytes:
    """The JSON of page `page` (from 1) of `total` items, `size` a page; items made on the fly."""
    start = (page - 1) * size
    end = min(start + size, total)
    items = b",".join(_ITEM_TEMPLATE % (i,) for i in range(start, end)) if start < end else b""
    pages = (total + size - 1) // size
    return b'{"items":[%s],"total":%d,"page":%d,"size":%d,"pages":%d}' % (
        items,
        total,
        page,
        size,
        pages,
    )


def user_for_total(total: int) -> str:
    """A user id that tells the loopback server how many metamessages the user has."""
    return f"n{total}"


# The 100-item page the mock transport answers every list call with.
LIST_PAGE_100: Final[bytes] = list_page(1, PAGE_SIZE, 100_000)
