"""`Page[T]`: the one model every list response is parsed with."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

__all__ = ["Page"]

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: its items and where it stands among all pages.

    `total` and `pages` are optional, so a server that leaves them out still parses; fields a
    newer server adds are kept (`model_extra`).
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    items: list[T]
    page: int = 1
    size: int | None = None
    total: int | None = None
    pages: int | None = None
