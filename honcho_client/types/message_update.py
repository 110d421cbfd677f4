# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MessageUpdate`: New metadata for a message."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict
from typing_extensions import TypedDict

__all__ = ["MessageUpdate", "MessageUpdateParam"]


class MessageUpdate(BaseModel):
    """New metadata for a message.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: dict[str, object]
    """New metadata object."""


class MessageUpdateParam(TypedDict):
    """`MessageUpdate` as a plain dict, for type checkers: the keys and values a request accepts."""

    metadata: Mapping[str, object]
