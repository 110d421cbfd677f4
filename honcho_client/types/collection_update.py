# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`CollectionUpdate`: Fields to change on a collection; leave a field out to keep its value."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["CollectionUpdate"]


class CollectionUpdate(BaseModel):
    """Fields to change on a collection; leave a field out to keep its value.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    name: str | None = None
    """New name."""

    metadata: dict[str, object] | None = None
    """New metadata object."""
