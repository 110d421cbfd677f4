# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DialecticOptions`: A question for the dialectic agent."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["DialecticOptions"]


class DialecticOptions(BaseModel):
    """A question for the dialectic agent.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    queries: str | list[str]
    """A question, or a list of questions, about the user."""

    stream: bool = False
    """Stream the answer as plain text, chunk by chunk."""
