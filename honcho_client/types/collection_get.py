# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`CollectionGet`: Filter for listing collections."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict
from typing_extensions import NotRequired, TypedDict

__all__ = ["CollectionGet", "CollectionGetParam"]


class CollectionGet(BaseModel):
    """Filter for listing collections.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""


class CollectionGetParam(TypedDict):
    """`CollectionGet` as a plain dict, for type checkers: the keys and values a request accepts."""

    filter: NotRequired[Mapping[str, object] | None]
