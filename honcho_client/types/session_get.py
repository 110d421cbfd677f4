# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`SessionGet`: Filters for listing sessions."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["SessionGet"]


class SessionGet(BaseModel):
    """Filters for listing sessions.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""

    is_active: bool = False
    """Set to true to list only sessions that are still active."""
