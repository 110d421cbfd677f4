"""Turns a successful response body into the operation's result type, without I/O."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import httpx
import pydantic

from .errors import APIResponseValidationError

if TYPE_CHECKING:
    from .operation import Operation

T = TypeVar("T")


def parse_response(op: Operation[T], response: httpx.Response) -> T:
    """`op`'s typed result from the body of `response` (already read)."""
    return _parse(op.parse, response)


def parse_dialectic(response: httpx.Response) -> str:
    """The answer text of a chat call that was asked to stream but answered with JSON."""
    from ..types.dialectic_response import DialecticResponse

    return _parse(DialecticResponse.model_validate_json, response).content


def _parse(parse: Callable[[bytes], T], response: httpx.Response) -> T:
    try:
        return parse(response.content)
    except pydantic.ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"]) or "body"
        raise APIResponseValidationError(
            response, f"{error.error_count()} error(s), first at {loc}: {first['msg']}"
        ) from error
    except (ValueError, RecursionError) as error:
        raise APIResponseValidationError(response, f"not JSON: {error}") from error
