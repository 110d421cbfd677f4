# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`Deleted`: The server's confirmation that something was deleted."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["Deleted"]


class Deleted(BaseModel):
    """The server's confirmation that something was deleted.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    message: str
    """What was deleted, e.g. "Session deleted successfully"."""
