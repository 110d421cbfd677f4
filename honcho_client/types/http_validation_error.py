# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""The `HTTPValidationError` model: Returned when the request does not match what the endpoint expects."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .validation_error import ValidationError

__all__ = ["HTTPValidationError"]


class HTTPValidationError(BaseModel):
    """Returned when the request does not match what the endpoint expects.

    Fields a newer server adds are kept (`model_extra`), so an older client does not break.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    detail: list[ValidationError] | None = None
    """One entry per problem found."""
