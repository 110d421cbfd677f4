"""Turns a successful response body into the operation's result type, without I/O. A JSON body
that breaks the schema gives a lenient result and a WARNING (never the body), or with `strict=True`
raises `APIResponseValidationError`, as a body that is not JSON always does."""

from __future__ import annotations

import functools
import json
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, TypeVar, Union, get_args, get_origin

import httpx
import pydantic

from .errors import APIResponseValidationError
from .log import logger

if TYPE_CHECKING:
    from .operation import Operation

T = TypeVar("T")


class JsonOf(Generic[T]):
    """Reads a JSON body as `tp`, a type that is not a model, and keeps `tp` for `lenient`."""

    __slots__ = ("_adapter", "type")

    def __init__(self, tp: Any) -> None:
        self.type: Any = tp
        self._adapter = pydantic.TypeAdapter[T](tp)

    def __call__(self, content: bytes) -> T:
        return self._adapter.validate_json(content)


def parse_response(op: Operation[T], response: httpx.Response, strict: bool = True) -> T:
    """`op`'s typed result from the body of `response` (already read)."""
    return _parse(op, response, None, strict)


def parse_stream_text(
    op: Operation[object] | None, response: httpx.Response, strict: bool = True
) -> str:
    """The text of a call asked to stream but answered with JSON: the result's `op.stream_text`
    attribute, else (no such attribute, or a lenient result without it) the whole body."""
    if op is None or op.stream_text is None:
        return response.text
    text = getattr(parse_response(op, response, strict), op.stream_text)
    return text if isinstance(text, str) else response.text


def event_data(content: bytes) -> object:
    """The data of a Server-Sent Event whose schema says nothing: its JSON value, else its text."""
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", "replace")


def parse_event(op: Operation[T], data: str, response: httpx.Response, strict: bool = True) -> T:
    """One event's data as the operation's event type."""
    return _parse(op, response, data.encode(), strict)


def _parse(op: Operation[T], response: httpx.Response, content: bytes | None, strict: bool) -> T:
    """`content` (one event's data), else the body, parsed. pydantic's error is kept on
    `validation_error`, never chained: its text lists every failing item."""
    body = response.content if content is None else content
    try:
        return op.parse(body)
    except pydantic.ValidationError as error:
        first = error.errors(include_url=False)[0]
        loc = ".".join(str(p) for p in first["loc"]) or "body"
        detail = f"{error.error_count()} error(s), first at {loc}: {first['msg']}"
        if first["type"] == "json_invalid":
            detail = f"not JSON: {detail}"
        elif not strict:
            logger.warning(
                "%s %s: the response does not match the schema (%s); the parts that do not "
                "match are kept as received",
                response.request.method,
                response.request.url.path,
                detail,
            )
            return lenient(json.loads(body), _result_type(op.parse))  # type: ignore[no-any-return]  # built to the result type
        failure = APIResponseValidationError(response, detail, content=content)
        failure.validation_error = error
    except (ValueError, RecursionError) as error:
        failure = APIResponseValidationError(response, f"not JSON: {error}", content=content)
    raise failure from None


def _result_type(parse: Callable[[bytes], object]) -> object:
    """The model of `Model.model_validate_json`, the type of a `JsonOf`, else `object`."""
    if isinstance(parse, JsonOf):
        return parse.type
    owner = getattr(parse, "__self__", None)
    return owner if isinstance(owner, type) else object


@functools.lru_cache(maxsize=256)
def _adapter(tp: Any) -> pydantic.TypeAdapter[Any]:
    return pydantic.TypeAdapter(tp)


def lenient(value: object, tp: Any) -> Any:
    """`value` (parsed JSON) as type `tp`, each part that does not fit kept as received: a model
    is built with `model_construct`, a missing field gets its default or None."""
    try:
        return _adapter(tp).validate_python(value)
    except (pydantic.ValidationError, pydantic.PydanticSchemaGenerationError, TypeError):
        pass
    origin = get_origin(tp)
    if origin is Union or origin is types.UnionType:
        models = [
            a for a in get_args(tp) if isinstance(a, type) and issubclass(a, pydantic.BaseModel)
        ]
        return lenient(value, models[0]) if models and isinstance(value, dict) else value
    if origin is list and isinstance(value, list):
        (item,) = get_args(tp) or (object,)
        return [lenient(v, item) for v in value]
    if isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        data = value if isinstance(value, dict) else {}
        fields: dict[str, object] = {}
        sent: set[str] = set()
        names = set()
        for name, info in tp.model_fields.items():
            key = info.alias or name
            names.add(key)
            if key in data:
                fields[name] = lenient(data[key], info.annotation)
                sent.add(name)
            elif info.is_required():
                fields[name] = None
            else:
                fields[name] = info.get_default(call_default_factory=True)
        model = tp.model_construct(_fields_set=sent, **fields)
        if model.model_config.get("extra") == "allow":
            extra = {k: v for k, v in data.items() if k not in names}
            object.__setattr__(model, "__pydantic_extra__", extra)
        return model
    return value
