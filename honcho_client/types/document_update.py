# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DocumentUpdate`: Fields to change on a document; leave a field out to keep its value."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["DocumentUpdate"]


class DocumentUpdate(BaseModel):
    """Fields to change on a document; leave a field out to keep its value.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: Annotated[dict[str, object], Field(max_length=10000)] | None = None
    """New metadata object (at most 10000 keys)."""

    content: Annotated[str, Field(min_length=1, max_length=100000)] | None = None
    """New text, 1 to 100000 characters."""
