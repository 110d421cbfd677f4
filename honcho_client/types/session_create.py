# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`SessionCreate`: Fields for creating a session."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import NotRequired, TypedDict

__all__ = ["SessionCreate", "SessionCreateParam"]


class SessionCreate(BaseModel):
    """Fields for creating a session.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""


class SessionCreateParam(TypedDict):
    """`SessionCreate` as a plain dict, for type checkers: the keys and values a request accepts."""

    metadata: NotRequired[Mapping[str, object]]
