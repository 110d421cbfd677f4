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


def parse_stream_text(op: Operation[object] | None, response: httpx.Response) -> str:
    """The text of a call that was asked to stream but answered with JSON: the result's
    `op.stream_text` attribute, or the whole body when the operation names none."""
    if op is None or op.stream_text is None:
        return response.text
    return str(getattr(parse_response(op, response), op.stream_text))


def event_data(content: bytes) -> object:
    """The data of a Server-Sent Event whose schema says nothing: its JSON value, else its text."""
    import json

    try:
        value: object = json.loads(content)
    except ValueError:
        return content.decode("utf-8", "replace")
    return value


def parse_event(op: Operation[T], data: str, response: httpx.Response) -> T:
    """One event's data as the operation's event type."""
    return _parse(op.parse, response, data.encode())


def _parse(
    parse: Callable[[bytes], T], response: httpx.Response, content: bytes | None = None
) -> T:
    """`content` (one event's data), else the body, parsed."""
    try:
        return parse(response.content if content is None else content)
    except pydantic.ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"]) or "body"
        raise APIResponseValidationError(
            response,
            f"{error.error_count()} error(s), first at {loc}: {first['msg']}",
            content=content,
        ) from error
    except (ValueError, RecursionError) as error:
        raise APIResponseValidationError(response, f"not JSON: {error}", content=content) from error
