# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`UserGet`: Filter for listing users."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["UserGet"]


class UserGet(BaseModel):
    """Filter for listing users.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""
