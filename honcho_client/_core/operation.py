"""Each API operation, and one call of it, as plain data: codegen writes one `Operation[T]` per
route of openapi.yaml (`T` is its result type), and a generated method returns a `Call[T]`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Generic, Literal, TypeVar

from .options import RequestOptions

if TYPE_CHECKING:
    from pydantic import BaseModel

T = TypeVar("T")

Annotations = Mapping[str, object]
"""Parameter wire name -> its annotation, rules included (`Annotated[int, Field(ge=1)]`)."""

_NONE: Annotations = MappingProxyType({})


def no_content(content: bytes) -> None:
    """The result of an operation whose success response has no body (204)."""
    return None


@dataclass(frozen=True)
class Operation(Generic[T]):
    """One route of the API, as the SDK calls it; `T` is its result."""

    name: str  # dotted SDK name, e.g. "apps.users.metamessages.create"
    method: str
    path: str  # template, e.g. "/v1/apps/{app_id}/users"
    safe: bool  # may be sent again after a failure whose outcome is unknown
    parse: Callable[[bytes], T]
    path_params: Annotations = field(default_factory=lambda: _NONE)
    query: Annotations = field(default_factory=lambda: _NONE)
    headers: Annotations = field(default_factory=lambda: _NONE)
    cookies: Annotations = field(default_factory=lambda: _NONE)
    body: type[BaseModel] | None = None
    body_encoding: Literal["json", "multipart", "form"] = "json"
    files: tuple[str, ...] = ()  # multipart body fields that carry files
    deprecated: bool = False
    accept: str = "application/json"  # the media types its success responses declare
    json_query: tuple[str, ...] = ()  # query parameters sent as JSON text (`content` in the spec)
    stream_text: str | None = None  # streamed call answered with JSON: the attribute with the text
    events: bool = False  # the body is a Server-Sent Event stream; `parse` reads one event's data
    # The path split once into literal text and parameter names; validators, built on first use.
    segments: tuple[tuple[str, str | None], ...] = field(init=False, repr=False, compare=False)
    cache: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts: list[tuple[str, str | None]] = []
        rest = self.path
        while "{" in rest:
            head, _, tail = rest.partition("{")
            name, _, rest = tail.partition("}")
            parts.append((head, name))
        parts.append((rest, None))
        object.__setattr__(self, "segments", tuple(parts))
        object.__setattr__(self, "cache", {})


@dataclass(frozen=True)
class Call(Generic[T]):
    """One call of `op`: the caller's arguments by location (`omit` ones are dropped before
    validation), and the caller's `**options`."""

    op: Operation[T]
    path: Mapping[str, object] = field(default_factory=lambda: _NONE)
    query: Mapping[str, object] = field(default_factory=lambda: _NONE)
    headers: Mapping[str, object] = field(default_factory=lambda: _NONE)
    cookies: Mapping[str, object] = field(default_factory=lambda: _NONE)
    body: object = None  # the body's fields, or the whole value of a non-object body
    options: RequestOptions = field(default_factory=lambda: RequestOptions())
