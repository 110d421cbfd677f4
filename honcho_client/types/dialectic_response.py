# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DialecticResponse`: The dialectic agent's answer."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["DialecticResponse"]


class DialecticResponse(BaseModel):
    """The dialectic agent's answer.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    content: str
    """The answer text."""
