# Generated from honcho_client/_client/async_pages.py by `python -m codegen`. Do not edit: change that file.
"""Sync twin of `honcho_client/_client/async_pages.py`; read that file for the documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Generic, TypeVar

import httpx

from .._core.errors import UsageError
from .._core.paging import check_progress

if TYPE_CHECKING:
    from .._core.page import Page

T = TypeVar("T")


class SyncPage(Generic[T]):
    """A page of results: `items`, `total`, `page`, `size` and `pages`.

    Iterating it yields every item from this page on, fetching each later page (with the
    original call's filter, size and order) only when the loop reaches it; one page is held in
    memory. A server that ignores `page` and answers the same page again stops the iteration
    with an APIError instead of looping forever.
    """

    def __init__(
        self,
        data: Page[T],
        fetch: Callable[[int], SyncPage[T]],
        request: httpx.Request | None = None,
    ) -> None:
        self.items: list[T] = data.items if isinstance(data.items, list) else []
        self.total: int = data.total
        self.page: int = data.page
        self.size: int = data.size
        self.pages: int | None = data.pages
        self._fetch = fetch
        self._request = request

    def has_next_page(self) -> bool:
        page, size, total, pages = self.page, self.size, self.total, self.pages
        # A lenient page may lack a number, or hold one as received: it is then the last.
        if not self.items or not isinstance(page, int) or not isinstance(size, int):
            return False
        if isinstance(pages, int):
            return page < pages
        return isinstance(total, int) and page * size < total

    def next_page_info(self) -> dict[str, int] | None:
        """The query that fetches the next page, or None on the last page."""
        return {"page": self.page + 1} if self.has_next_page() else None

    def get_next_page(self) -> SyncPage[T]:
        info = self.next_page_info()
        if info is None:
            raise UsageError("this is the last page; check has_next_page() first")
        page = self._fetch(info["page"])
        check_progress(self, page, page._request or self._request)
        return page

    def iter_pages(self) -> Iterator[SyncPage[T]]:
        """This page and every later one."""
        page = self
        yield page
        while page.has_next_page():
            page = page.get_next_page()
            yield page

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            for item in page.items:
                yield item

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(page={self.page}, size={self.size}, pages={self.pages}, "
            f"total={self.total}, items=<{len(self.items)} items>)"
        )
