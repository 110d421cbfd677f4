# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MetamessageGet`: Filters for listing metamessages; every field is optional."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["MetamessageGet"]


class MetamessageGet(BaseModel):
    """Filters for listing metamessages; every field is optional.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metamessage_type: str | None = None
    """Only metamessages of this kind."""

    session_id: str | None = None
    """Only metamessages attached to this session."""

    message_id: str | None = None
    """Only metamessages attached to this message."""

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""
