# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `SessionCreate` model: Fields for creating a session."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["SessionCreate"]


class SessionCreate(BaseModel):
    """Fields for creating a session.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
