# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DocumentQuery`: A semantic search over a collection."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["DocumentQuery"]


class DocumentQuery(BaseModel):
    """A semantic search over a collection.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    query: Annotated[str, Field(min_length=1, max_length=1000)]
    """Text to search for, 1 to 1000 characters."""

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""

    top_k: Annotated[int, Field(ge=1, le=50)] = 5
    """Largest number of documents to return (1 to 50)."""
