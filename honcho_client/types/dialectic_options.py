# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`DialecticOptions`: A question for the dialectic agent."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict
from typing_extensions import NotRequired, TypedDict

__all__ = ["DialecticOptions", "DialecticOptionsParam"]


class DialecticOptions(BaseModel):
    """A question for the dialectic agent.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    queries: str | list[str]
    """A question, or a list of questions, about the user."""

    stream: bool = False
    """Stream the answer as server-sent events."""


class DialecticOptionsParam(TypedDict):
    """`DialecticOptions` as a plain dict, for type checkers: the keys and values a request accepts."""

    queries: str | Sequence[str]

    stream: NotRequired[bool]
