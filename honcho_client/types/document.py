# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`Document`: A stored piece of text with its embedding, inside a collection."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from honcho_client._core.models import BaseModel

__all__ = ["Document"]


class Document(BaseModel):
    """A stored piece of text with its embedding, inside a collection.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    id: str
    """Unique ID of the document."""

    content: str
    """The stored text."""

    metadata: dict[str, object] = Field(default_factory=dict)
    """Free-form JSON object for your own data."""

    created_at: datetime
    """When the document was created."""

    collection_id: str
    """Collection it belongs to."""

    app_id: str
    """App it belongs to."""

    user_id: str
    """User it belongs to."""
