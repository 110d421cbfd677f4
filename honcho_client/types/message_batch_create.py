# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MessageBatchCreate`: Several messages to add in one request (no more than 100)."""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel
from honcho_client.types.message_create import MessageCreate

__all__ = ["MessageBatchCreate"]


class MessageBatchCreate(BaseModel):
    """Several messages to add in one request (no more than 100).

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    messages: Annotated[list[MessageCreate], Field(max_length=100)]
    """The messages, in the order they should be stored."""
