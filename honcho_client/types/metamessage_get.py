# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MetamessageGet`: Filters for listing metamessages; every field is optional."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict
from typing_extensions import NotRequired, TypedDict

__all__ = ["MetamessageGet", "MetamessageGetParam"]


class MetamessageGet(BaseModel):
    """Filters for listing metamessages; every field is optional.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    metamessage_type: str | None = None
    """Only metamessages of this kind."""

    session_id: str | None = None
    """Only metamessages attached to this session."""

    message_id: str | None = None
    """Only metamessages attached to this message."""

    filter: dict[str, object] | None = None
    """Only return items whose metadata matches this object."""


class MetamessageGetParam(TypedDict):
    """`MetamessageGet` as a plain dict, for type checkers: the keys and values a request accepts."""

    metamessage_type: NotRequired[str | None]

    session_id: NotRequired[str | None]

    message_id: NotRequired[str | None]

    filter: NotRequired[Mapping[str, object] | None]
