# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`Metamessage`: Data about a conversation kept beside it, owned by a user."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["Metamessage"]


class Metamessage(BaseModel):
    """Data about a conversation kept beside it, owned by a user.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the metamessage."""

    label: str
    """Label the metamessage is stored under."""

    content: str
    """Body of the metamessage."""

    user_id: str
    """User it belongs to."""

    app_id: str
    """App it belongs to."""

    session_id: str | None
    """Session it is attached to, or null."""

    message_id: str | None
    """Message it is attached to, or null."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the metamessage was created."""

    metamessage_type: str
    """Kind of metamessage (read-only)."""
