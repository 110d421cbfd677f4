"""`Page[T]`: the one model every list response is parsed with."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: its items and where it stands among all pages (`pages` is optional,
    as in the spec; fields a newer server adds are kept in `model_extra`)."""

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    items: list[T]
    total: int
    page: int
    size: int
    pages: int | None = None
