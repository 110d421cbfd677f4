# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`User`: A person (or other end user) of an app."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["User"]


class User(BaseModel):
    """A person (or other end user) of an app.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the user."""

    name: str
    """Name of the user."""

    app_id: str
    """App it belongs to."""

    created_at: datetime
    """When the user was created."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
