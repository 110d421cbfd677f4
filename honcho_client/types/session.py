# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`Session`: A conversation between a user and an agent."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["Session"]


class Session(BaseModel):
    """A conversation between a user and an agent.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the session."""

    is_active: bool
    """False once the session has been deleted."""

    user_id: str
    """User it belongs to."""

    app_id: str
    """App it belongs to."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the session was created."""
