# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `MessageCreate` model: Fields for adding a message."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["MessageCreate"]


class MessageCreate(BaseModel):
    """Fields for adding a message.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    content: Annotated[str, Field(min_length=0, max_length=50000)]
    """Text of the message, up to 50000 characters."""

    is_user: bool
    """True when the user wrote the message, false for the agent."""

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
