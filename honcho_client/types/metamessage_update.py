# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`MetamessageUpdate`: Fields to change on a metamessage; leave a field out to keep its value."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict
from typing_extensions import NotRequired, TypedDict

__all__ = ["MetamessageUpdate", "MetamessageUpdateParam"]


class MetamessageUpdate(BaseModel):
    """Fields to change on a metamessage; leave a field out to keep its value.

    Unknown fields are rejected, so a misspelt field fails here instead of on the server.
    """

    model_config = ConfigDict(extra="forbid", cache_strings="keys")

    session_id: str | None = None
    """Session to attach it to."""

    message_id: str | None = None
    """Message to attach it to."""

    metamessage_type: str | None = None
    """New kind."""

    metadata: dict[str, object] | None = None
    """New metadata object."""


class MetamessageUpdateParam(TypedDict):
    """`MetamessageUpdate` as a plain dict, for type checkers: the keys and values a request accepts."""

    session_id: NotRequired[str | None]

    message_id: NotRequired[str | None]

    metamessage_type: NotRequired[str | None]

    metadata: NotRequired[Mapping[str, object] | None]
