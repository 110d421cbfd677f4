"""Turns a successful response body into the operation's result type, without I/O."""

from __future__ import annotations

from typing import TypeVar

import httpx
import pydantic

from ._errors import APIResponseValidationError
from ._operation import Operation

__all__ = ["parse_response"]

T = TypeVar("T")


def parse_response(op: Operation[T], response: httpx.Response) -> T:
    """`op`'s typed result from the body of `response` (already read)."""
    try:
        return op.parse(response.content)
    except pydantic.ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"]) or "body"
        raise APIResponseValidationError(
            response, f"{error.error_count()} error(s), first at {loc}: {first['msg']}"
        ) from error
    except ValueError as error:
        raise APIResponseValidationError(response, f"not JSON: {error}") from error
