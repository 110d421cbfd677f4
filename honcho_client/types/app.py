# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`App`: An app: the top-level tenant that holds users."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["App"]


class App(BaseModel):
    """An app: the top-level tenant that holds users.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the app."""

    name: str
    """Name of the app."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the app was created."""
