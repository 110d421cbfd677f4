# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`SessionUpdate`: New metadata for a session."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["SessionUpdate"]


class SessionUpdate(BaseModel):
    """New metadata for a session.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: dict[str, object]
    """New metadata object."""
