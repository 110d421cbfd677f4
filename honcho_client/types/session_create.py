# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`SessionCreate`: Fields for creating a session."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["SessionCreate"]


class SessionCreate(BaseModel):
    """Fields for creating a session.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
