# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`Message`: One turn of a conversation, stored in a session."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["Message"]


class Message(BaseModel):
    """One turn of a conversation, stored in a session.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the message."""

    content: str
    """Text of the message."""

    is_user: bool
    """True when the user wrote the message, false when the agent did."""

    session_id: str
    """Session the message belongs to."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the message was created."""

    app_id: str
    """App it belongs to."""

    user_id: str
    """User it belongs to."""
