"""What the generated resources know about each API operation, as plain data.

codegen writes one `Operation` per route of openapi.yaml into the resource modules; the request
builder, the validator, the retry policy and the response parser read it. Nothing here does I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Field", "Operation", "Schema"]

Kind = Literal["string", "integer", "boolean", "object", "array", "date-time", "any"]


@dataclass(frozen=True, slots=True)
class Field:
    """One value of a request: a path or query parameter, or a property of a JSON body."""

    name: str
    kinds: tuple[Kind, ...]
    required: bool = False
    nullable: bool = False
    min_length: int | None = None
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    max_items: int | None = None
    max_properties: int | None = None
    items: Field | Schema | None = None


@dataclass(frozen=True, slots=True)
class Schema:
    """A JSON object with known properties (a request body, or an item of one)."""

    name: str
    fields: tuple[Field, ...]


ResponseKind = Literal["model", "page", "json", "chat"]


@dataclass(frozen=True, slots=True)
class Operation:
    """One route of the API, as the SDK calls it."""

    name: str  # dotted SDK name, e.g. "apps.users.metamessages.create"
    method: str
    path: str  # template, e.g. "/v1/apps/{app_id}/users"
    path_params: tuple[str, ...]
    query: tuple[Field, ...]
    body: Schema | None
    # Safe to send again after a failure whose outcome is unknown (reads, PUT, DELETE, read-only POSTs).
    safe: bool
    response: ResponseKind
    parse: Callable[[bytes], object]
    # The path split once into literal text and parameter names, for fast formatting.
    segments: tuple[tuple[str, str | None], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts: list[tuple[str, str | None]] = []
        rest = self.path
        while "{" in rest:
            head, _, tail = rest.partition("{")
            name, _, rest = tail.partition("}")
            parts.append((head, name))
        parts.append((rest, None))
        object.__setattr__(self, "segments", tuple(parts))
