# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MetamessageUpdate`: Fields to change on a metamessage; leave a field out to keep its value."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["MetamessageUpdate"]


class MetamessageUpdate(BaseModel):
    """Fields to change on a metamessage; leave a field out to keep its value.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    session_id: str | None = None
    """Session to attach it to."""

    message_id: str | None = None
    """Message to attach it to."""

    metamessage_type: str | None = None
    """New kind."""

    metadata: dict[str, object] | None = None
    """New metadata object."""
