# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `DialecticResponse` model: The dialectic agent's answer."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["DialecticResponse"]


class DialecticResponse(BaseModel):
    """The dialectic agent's answer.

    Fields a newer server adds are kept (`model_extra`), so an older client does not break.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    content: str
    """The answer text."""
