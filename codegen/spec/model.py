"""What the templates render: types, models, parameters, results, operations, the resource tree.

The passes of `codegen.spec` build these from the typed document (`document.py`); the templates
and `codegen/_render.py` only read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "NONE",
    "NO_DEFAULT",
    "OBJECT",
    "STREAM_FLAGS",
    "Api",
    "BodyEncoding",
    "Location",
    "Model",
    "ModelKind",
    "Op",
    "Param",
    "Prop",
    "Resource",
    "Result",
    "ResultKind",
    "SpecError",
    "StreamKind",
    "Type",
    "stream_flag",
]

ModelKind = Literal["model", "root", "alias"]
Location = Literal["path", "query", "header", "cookie", "body"]
BodyEncoding = Literal["json", "multipart", "form"]
# How a success body becomes the result: nothing; any JSON; a model (or Page of one); a value
# checked by a TypeAdapter; text; a download (read on demand); typed Server-Sent Events; a
# model or, with the call's `stream=True`, a stream.
ResultKind = Literal[
    "none", "json", "model", "adapter", "page", "text", "download", "events", "stream"
]
# What a streamed answer is read as: text chunks (the chat's plain-text stream) or typed events.
StreamKind = Literal["text", "events"]


STREAM_FLAGS = ("stream", "streaming")


def stream_flag(params: Iterable[Param]) -> Param | None:
    """The boolean body property that asks for the stream, if any."""
    return next(
        (
            p
            for p in params
            if p.location == "body" and p.wire in STREAM_FLAGS and p.type.model == "bool"
        ),
        None,
    )


class SpecError(ValueError):
    """The document uses a construct the generator cannot express."""


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: object = _NoDefault()


@dataclass(frozen=True)
class Type:
    """One schema, seen from Python."""

    model: str  # annotation in a pydantic model or a result, rules included
    param: str  # annotation of a method parameter: everything the model accepts
    refs: frozenset[str] = frozenset()  # generated names it mentions (model keys)
    nullable: bool = False
    rules: tuple[str, ...] = ()  # "min_length 1", for api.md and docstrings
    binary: bool = False  # a file (format: binary)
    doc: str = ""  # short form for api.md

    @property
    def plain(self) -> str:
        return self.doc or self.param


OBJECT = Type("object", "object", doc="object")
NONE = Type("None", "None", nullable=True, doc="None")


@dataclass(frozen=True)
class Prop:
    name: str  # Python name
    wire: str  # JSON name
    type: Type
    required: bool
    default: object  # NO_DEFAULT when none
    description: str
    read_only: bool = False
    deprecated: bool = False

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT


@dataclass(frozen=True)
class Model:
    """A generated name in `types/`: a pydantic class, a RootModel, or a type alias."""

    key: str  # schema key (or a synthetic one for inline schemas)
    class_name: str
    module: str
    description: str
    kind: ModelKind
    props: tuple[Prop, ...] = ()
    target: Type | None = None  # what a root model or alias stands for
    allows_extra: bool | None = None  # the schema's additionalProperties, None when not said
    request: bool = False  # part of a request body
    response: bool = False  # part of a result
    typed_dict: bool = False  # in a method parameter's annotation: also gets a TypedDict twin

    @property
    def param_name(self) -> str:
        return self.class_name + "Param"

    @property
    def extra(self) -> Literal["allow", "forbid"]:
        """A model only callers build rejects unknown fields (a misspelt field fails before
        sending), unless its schema allows more; one the server sends keeps them, so a newer
        server's fields do not break an older client."""
        closed = self.allows_extra is False or (
            self.allows_extra is None and self.request and not self.response
        )
        return "forbid" if closed else "allow"

    @property
    def refs(self) -> frozenset[str]:
        """The other generated names this one mentions."""
        out: set[str] = set()
        for p in self.props:
            out |= p.type.refs
        if self.target is not None:
            out |= self.target.refs
        return frozenset(out - {self.key})


@dataclass(frozen=True)
class Param:
    name: str  # Python name
    wire: str
    location: Location
    type: Type
    required: bool
    default: object
    description: str
    deprecated: bool = False
    json: bool = False  # a parameter given by `content: application/json`: sent as JSON text

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT


@dataclass(frozen=True)
class Result:
    kind: ResultKind
    type: Type  # the result annotation (for pages: the item's)
    page: str | None = None  # for "page": the envelope's schema key
    stream: StreamKind | None = None  # for "stream": how the streamed answer is read
    event: Type | None = None  # for "events" and a stream of events: each event's data
    stream_text: str | None = None  # for a text stream: the JSON answer's property holding text


@dataclass(frozen=True)
class Op:
    resource: str  # dotted; "" for the root
    name: str
    http_method: str
    path: str
    operation_id: str
    summary: str
    description: str
    deprecated: bool
    params: tuple[Param, ...]
    body: Model | None  # the request model
    body_encoding: BodyEncoding
    files: tuple[str, ...]
    safe: bool
    result: Result
    accept: str  # the media types of the success responses, for the Accept header

    @property
    def body_kind(self) -> Literal["fields", "root"] | None:
        """How the body is given: one keyword per property, or one value."""
        if self.body is None:
            return None
        return "root" if self.body.kind == "root" else "fields"

    def where(self, location: Location) -> list[Param]:
        return [p for p in self.params if p.location == location]

    @property
    def positional(self) -> str | None:
        """The innermost path parameter, which may also be given positionally."""
        path = self.where("path")
        return path[-1].name if path else None

    @property
    def constant(self) -> str:
        return "_" + self.name.upper()

    @property
    def dotted(self) -> str:
        return f"{self.resource}.{self.name}" if self.resource else self.name

    @property
    def stream_param(self) -> Param | None:
        """The boolean body property that asks for the stream (`stream`, `streaming`)."""
        return stream_flag(self.params)


@dataclass(frozen=True)
class Resource:
    path: tuple[str, ...]  # ("apps", "users"); () for the root
    class_name: str  # unique in the tree and among the models
    ops: tuple[Op, ...] = ()
    children: tuple[Resource, ...] = field(default=())

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""

    @property
    def dotted(self) -> str:
        return ".".join(self.path)

    @property
    def module(self) -> str:
        """Import path below `<package>.resources`; packages for resources with children."""
        if self.children:
            return ".".join((*self.path, self.path[-1]))
        return ".".join(self.path)

    def walk(self) -> Iterator[Resource]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    models: tuple[Model, ...]
    root: Resource
    docs: dict[str, str] = field(default_factory=dict)  # dotted resource -> one line about it

    @property
    def resources(self) -> list[Resource]:
        """Every resource below the root, depth first."""
        return [r for child in self.root.children for r in child.walk()]

    @property
    def ops(self) -> list[Op]:
        return [op for r in self.root.walk() for op in r.ops]
