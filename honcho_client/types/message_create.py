# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MessageCreate`: Fields for adding a message."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import ConfigDict, Field
from typing_extensions import NotRequired, TypedDict

from honcho_client._core.models import BaseModel

__all__ = ["MessageCreate", "MessageCreateParam"]


class MessageCreate(BaseModel):
    """Fields for adding a message.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    content: Annotated[str, Field(min_length=0, max_length=50000)]
    """Text of the message, up to 50000 characters."""

    is_user: bool
    """True when the user wrote the message, false for the agent."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""


class MessageCreateParam(TypedDict):
    """`MessageCreate` as a plain dict, for type checkers: the keys and values a request accepts."""

    content: str

    is_user: bool

    metadata: NotRequired[Mapping[str, object]]
