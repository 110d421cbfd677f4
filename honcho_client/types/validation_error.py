# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`ValidationError`: One problem found in the request."""

from __future__ import annotations

from pydantic import ConfigDict

from honcho_client._core.models import BaseModel

__all__ = ["ValidationError"]


class ValidationError(BaseModel):
    """One problem found in the request.

    Fields the schema does not name are kept (`model_extra`), so a newer server does not break it.
    """

    model_config = ConfigDict(extra="allow", cache_strings="keys")

    loc: list[str | int]
    """Where the problem is: the part of the request, then the field path."""

    msg: str
    """Human-readable explanation."""

    type: str
    """Machine-readable error code."""
