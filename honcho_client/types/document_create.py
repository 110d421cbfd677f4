# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DocumentCreate`: Fields for creating a document."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["DocumentCreate"]


class DocumentCreate(BaseModel):
    """Fields for creating a document.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    content: Annotated[str, Field(min_length=1, max_length=100000)]
    """Text to store and embed, 1 to 100000 characters."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
