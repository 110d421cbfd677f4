# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`AppCreate`: Fields for creating an app."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["AppCreate"]


class AppCreate(BaseModel):
    """Fields for creating an app.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    name: Annotated[str, Field(min_length=1, max_length=100)]
    """Name for the app, 1 to 100 characters."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
