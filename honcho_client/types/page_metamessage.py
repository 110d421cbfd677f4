# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `PageMetamessage` model: A page of metamessages."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from .metamessage import Metamessage

__all__ = ["PageMetamessage"]


class PageMetamessage(BaseModel):
    """A page of metamessages.

    Fields a newer server adds are kept (`model_extra`), so an older client does not break.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    items: list[Metamessage]
    """Items on this page."""

    total: Annotated[int, Field(ge=0)]
    """Number of matching items over all pages."""

    page: Annotated[int, Field(ge=1)]
    """Number of this page, counting from 1."""

    size: Annotated[int, Field(ge=1)]
    """Page size that was used."""

    pages: Annotated[int, Field(ge=0)] | None = None
    """Number of pages in total."""
