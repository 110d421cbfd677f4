# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`HTTPValidationError`: Returned when the request does not match what the endpoint expects."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel
from honcho_client.types.validation_error import ValidationError

__all__ = ["HTTPValidationError"]


class HTTPValidationError(BaseModel):
    """Returned when the request does not match what the endpoint expects.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    detail: list[ValidationError] | None = None
    """One entry per problem found."""
