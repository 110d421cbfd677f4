"""Keeps iteration over pages from looping, for the sync and async pages: a server or proxy that
ignores `?page=` answers page 1 again and again, so each page fetched must move forward."""

from __future__ import annotations

from typing import Any, Protocol

import httpx

from .errors import APIError, UsageError
from .reasons import origin


class _Page(Protocol):
    items: list[Any]
    page: int


def check_progress(previous: _Page, page: _Page, request: httpx.Request | None) -> None:
    """Raise APIError when `page`, fetched after `previous`, has no higher number or the same
    items (UsageError without a request)."""
    asked = previous.page + 1
    if isinstance(page.page, int) and page.page <= previous.page:  # a lenient page may lack it
        problem = f"answered page {page.page} when asked for page {asked}"
    elif page.items and _keys(page.items) == _keys(previous.items):
        problem = f"answered page {asked} with the same items as page {previous.page}"
    else:
        return
    message = (
        f"Pagination stopped: the server {problem}; it seems to ignore the `page` query "
        "parameter, so iterating would never end. Check base_url (a proxy may drop the query)."
    )
    if request is None:
        raise UsageError(message)
    where = f"{origin(request)}{request.url.path}"  # never the user info of base_url
    raise APIError(f"{request.method} {where}: {message}", request)


def _keys(items: list[Any]) -> list[object]:
    return [getattr(item, "id", item) for item in items]
