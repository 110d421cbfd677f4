# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `App` model: An app: the top-level tenant that holds users."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["App"]


class App(BaseModel):
    """An app: the top-level tenant that holds users.

    Fields a newer server adds are kept (`model_extra`), so an older client does not break.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the app."""

    name: str
    """Name of the app."""

    metadata: dict[str, Any] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the app was created."""
