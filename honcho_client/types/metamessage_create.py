# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MetamessageCreate`: Fields for creating a metamessage."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["MetamessageCreate"]


class MetamessageCreate(BaseModel):
    """Fields for creating a metamessage.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metamessage_type: Annotated[str, Field(min_length=1, max_length=50)]
    """Kind of metamessage, 1 to 50 characters."""

    content: Annotated[str, Field(min_length=0, max_length=50000)]
    """Body of the metamessage, up to 50000 characters."""

    session_id: str | None = None
    """Session to attach it to."""

    message_id: str | None = None
    """Message to attach it to."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""
