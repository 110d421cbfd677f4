# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`KeyCreated`: A new API key."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["KeyCreated"]


class KeyCreated(BaseModel):
    """A new API key.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    key: str
    """The key (a JWT) to send as the bearer token."""
