"""The base of the generated resource classes, and the decorators that make their methods calls.

A generated method only builds a `Call[T]`; its decorator (`@endpoint`, ...) makes it a descriptor
which, read from a resource, gives a function with the method's parameters that sends the call. It
returns what the resource's I/O kind `C` (`Sync`, `Async`) and view `W` call for: on `Parsed`
the typed result (`User`); on `Raw` and `Streaming` the response (`APIResponse[User]`), body read
or not.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Concatenate, Generic, Protocol, TypeVar, overload

from typing_extensions import ParamSpec

if TYPE_CHECKING:
    from .._core.operation import Call
    from .._core.page import Page
    from .async_pages import AsyncPage
    from .async_streams import AsyncChatStream, AsyncEventStream
    from .awaitables import AsyncPaginator, AsyncResponseManager
    from .sync_pages import SyncPage
    from .sync_response import APIResponse
    from .sync_streams import ChatStream, EventStream


class Sync:
    """I/O kind of the blocking client."""


class Async:
    """I/O kind of the asyncio client."""


class Parsed:
    """View whose methods return the typed result."""


class Raw:
    """View whose methods return the response with its body read."""


class Streaming:
    """View whose methods return the response with its body not yet read."""


C = TypeVar("C", Sync, Async)
W = TypeVar("W", Parsed, Raw, Streaming)
P = ParamSpec("P")
P2 = ParamSpec("P2")
T = TypeVar("T")
E = TypeVar("E")
T_co = TypeVar("T_co", covariant=True)
S_co = TypeVar("S_co", covariant=True)
# What a method returns on a Sync or Async resource, of the parsed view or a response one.
SP = TypeVar("SP")
AP = TypeVar("AP")
SR = TypeVar("SR")
AR = TypeVar("AR")
Coro = Coroutine[object, None, T]


class Resource(Generic[C, W]):
    """A node of the resource tree: a client, its I/O kind and a view."""

    _client: Any  # Honcho or AsyncHoncho, as `_io` says
    _io: type[C]
    _view: type[W]

    @overload
    def __init__(self, parent: Resource[C, W]) -> None: ...
    @overload
    def __init__(self, parent: Resource[C, Any], view: type[W]) -> None: ...
    def __init__(self, parent: Resource[C, Any], view: type[W] | None = None) -> None:
        self._client = parent._client
        self._io = parent._io
        self._view = parent._view if view is None else view

    def __repr__(self) -> str:
        return f"<{type(self).__name__}[{self._io.__name__}, {self._view.__name__}]>"


_RESPONSES = ("APIResponse[{}]", "AsyncResponseManager[{}]")


class _Descriptor:
    """What the descriptors do, of a builder of `Call[X]`s. The parsed view sends a call with the
    client's method `_send` (None: for the response, like the other views), and its signature
    returns `_shows` (Sync, Async) of `X`."""

    _send: str | None = "_call"
    _shows = ("{}", "Awaitable[{}]")
    _flag: str | None = None  # a keyword that the parsed view's signature types as `bool`
    _raw_says_bool = False  # whether the response views' signatures do too

    def __init__(self, build: Callable[..., Call[Any]]) -> None:
        self._build = build
        self.__doc__ = build.__doc__
        self.__wrapped__ = build

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _bind(self, obj: Resource[Any, Any]) -> Callable[..., object]:
        build, send, known = self._build, self._sender(obj), _known_names(self._build)

        def call(*args: object, **kwargs: object) -> object:
            if not known.issuperset(kwargs):
                raise _unknown_keyword(self._name, kwargs, known)
            return send(build(obj, *args, **kwargs))

        return self._dress(obj, call)

    def _sender(self, obj: Resource[Any, Any]) -> Callable[[Call[Any]], object]:
        if obj._view is Parsed and self._send is not None:
            send: Callable[[Call[Any]], object] = getattr(obj._client, self._send)
            return send
        client, stream = obj._client, obj._view is not Raw
        if obj._io is Sync:
            return lambda call: client._raw(call, stream=stream)
        from .awaitables import AsyncResponseManager

        return lambda call: AsyncResponseManager(lambda: client._raw(call, stream=stream))

    def _returns(self, obj: Resource[Any, Any], result: str) -> str:
        shows = self._shows if obj._view is Parsed else _RESPONSES
        return shows[obj._io is Async].format(result)

    def _dress(self, obj: Resource[Any, Any], call: Callable[..., object]) -> Callable[..., object]:
        """`call` dressed as the method it sends (name, docs, signature without `self` and with
        the result this view returns), cached on the resource: later reads skip the descriptor."""
        call.__name__ = call.__qualname__ = self._name
        call.__doc__ = self._build.__doc__
        call.__module__ = self._build.__module__
        signature = inspect.signature(self._build)
        result = _unwrapped(str(signature.return_annotation), "Call")
        parameters = list(signature.parameters.values())[1:]
        flag = self._flag if obj._view is Parsed or self._raw_says_bool else None
        call.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[p.replace(annotation="bool") if p.name == flag else p for p in parameters],
            return_annotation=self._returns(obj, result),
        )
        obj.__dict__[self._name] = call
        return call


@functools.cache
def _known_names(build: Callable[..., object]) -> frozenset[str]:
    """The keyword arguments a method takes: its parameters and the per-call options."""
    from .._core.options import RequestOptions

    params = inspect.signature(build).parameters.values()
    names = {p.name for p in params if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
    return frozenset(names.union(RequestOptions.__annotations__) - {"self"})


def _unknown_keyword(name: str, kwargs: Mapping[str, object], known: frozenset[str]) -> TypeError:
    import difflib  # only a mistake pays for it

    unknown = next(k for k in kwargs if k not in known)
    close = difflib.get_close_matches(unknown, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; it takes {', '.join(sorted(known))}"
    return TypeError(f"{name}() got an unexpected keyword argument {unknown!r}{hint}")


def _unwrapped(annotation: str, wrapper: str) -> str:
    """`X` from `wrapper[X]`; `annotation` itself when it is not one."""
    if annotation.startswith(wrapper + "["):
        return annotation[len(wrapper) + 1 : -1]
    return annotation


class _Endpoint(_Descriptor, Generic[P, SP, AP, SR, AR]):
    """A one-builder descriptor: read from a resource, a function of `P` that returns `SP` or `AP`
    on the parsed view (Sync, Async), the response of an `SR` or `AR` on the others."""

    @overload
    def __get__(self, obj: Resource[Sync, Parsed], owner: object) -> Callable[P, SP]: ...
    @overload
    def __get__(self, obj: Resource[Async, Parsed], owner: object) -> Callable[P, AP]: ...
    @overload
    def __get__(
        self, obj: Resource[Sync, Raw] | Resource[Sync, Streaming], owner: object
    ) -> Callable[P, APIResponse[SR]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Raw] | Resource[Async, Streaming], owner: object
    ) -> Callable[P, AsyncResponseManager[AR]]: ...
    def __get__(self, obj: Resource[Any, Any] | None, owner: object) -> object:
        return self._build if obj is None else self._bind(obj)


class endpoint(_Endpoint[P, SP, AP, SR, AR]):
    """Decorator of a generated method that builds a `Call[T]`."""

    def __init__(
        self: endpoint[P, T, Coro[T], T, T], build: Callable[Concatenate[Any, P], Call[T]]
    ) -> None:
        super().__init__(build)


class page_endpoint(_Endpoint[P, SP, AP, SR, AR]):
    """Decorator of a generated list method: the call's result is a page of `T`."""

    _send = "_page"
    _shows = ("SyncPage[{}]", "AsyncPaginator[{}]")

    def __init__(
        self: page_endpoint[P, SyncPage[T], AsyncPaginator[T], SyncPage[T], AsyncPage[T]],
        build: Callable[Concatenate[Any, P], Call[Page[T]]],
    ) -> None:
        super().__init__(build)

    def _sender(self, obj: Resource[Any, Any]) -> Callable[[Call[Any]], object]:
        if obj._view is not Parsed or obj._io is Sync:
            return super()._sender(obj)
        from .awaitables import AsyncPaginator

        client = obj._client
        return lambda call: AsyncPaginator(lambda: client._page(call))

    def _returns(self, obj: Resource[Any, Any], result: str) -> str:
        return super()._returns(obj, _unwrapped(result, "Page") if obj._view is Parsed else result)


class events_endpoint(_Endpoint[P, SP, AP, SR, AR]):
    """Decorator of a generated method whose answer is a Server-Sent Event stream of `E`s."""

    _send = "_events"
    _shows = ("EventStream[{}]", "Awaitable[AsyncEventStream[{}]]")

    def __init__(
        self: events_endpoint[P, EventStream[E], Coro[AsyncEventStream[E]], object, object],
        build: Callable[Concatenate[Any, P], Call[E]],
    ) -> None:
        super().__init__(build)


class download_endpoint(_Endpoint[P, SP, AP, SR, AR]):
    """Decorator of a generated method whose answer is a file: the call returns the response
    with its body not yet read (`write_to_file`, `iter_bytes`), to be closed (`with`)."""

    _send, _shows = None, _RESPONSES

    def __init__(
        self: download_endpoint[P, APIResponse[bytes], AsyncResponseManager[bytes], bytes, bytes],
        build: Callable[Concatenate[Any, P], Call[bytes]],
    ) -> None:
        super().__init__(build)


class _ChatStream(_Descriptor):
    """The streamed half of a `stream_endpoint`: a chat stream."""

    _send = "_stream"
    _shows = ("ChatStream", "Awaitable[AsyncChatStream]")


class _Either(Protocol[P, T_co, P2, S_co]):
    """A function with two signatures, e.g. `chat(...)` and `chat(..., stream=True)`."""

    @overload
    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T_co: ...
    @overload
    def __call__(self, *args: P2.args, **kwargs: P2.kwargs) -> S_co: ...


class _Streamable(_Descriptor, Generic[P, T, P2, SP, AP, SR, AR]):
    """A two-builder descriptor: `x(...)` sends the first builder's call (of a `T`), and
    `x(..., <flag>=True)` the second's through `streamed`; the caller's flag alone chooses."""

    _flag: str

    def __init__(self, build: Callable[..., Call[Any]], streamed: _Descriptor, flag: str) -> None:
        super().__init__(build)
        self._streamed, self._flag = streamed, flag
        del self.__wrapped__

    def __set_name__(self, owner: type, name: str) -> None:
        super().__set_name__(owner, name)
        self._streamed.__set_name__(owner, name)

    @overload
    def __get__(self, obj: Resource[Sync, Parsed], owner: object) -> _Either[P, T, P2, SP]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Parsed], owner: object
    ) -> _Either[P, Coro[T], P2, AP]: ...
    @overload
    def __get__(
        self, obj: Resource[Sync, Raw] | Resource[Sync, Streaming], owner: object
    ) -> _Either[P, APIResponse[T], P2, APIResponse[SR]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Raw] | Resource[Async, Streaming], owner: object
    ) -> _Either[P, AsyncResponseManager[T], P2, AsyncResponseManager[AR]]: ...
    def __get__(self, obj: Resource[Any, Any] | None, owner: object) -> object:
        return self._build if obj is None else self._bind(obj)

    def _bind(self, obj: Resource[Any, Any]) -> Callable[..., object]:
        plain, streamed = super()._bind(obj), self._streamed._bind(obj)

        def call(*args: object, **kwargs: object) -> object:
            return (streamed if kwargs.get(self._flag) is True else plain)(*args, **kwargs)

        return self._dress(obj, call)

    def _returns(self, obj: Resource[Any, Any], result: str) -> str:
        if obj._view is Parsed:  # `x(...)` or `x(..., stream=True)`
            stream = str(inspect.signature(self._streamed._build).return_annotation)
            stream = self._streamed._returns(obj, _unwrapped(stream, "Call"))
            result = f"{result} | {_unwrapped(stream, 'Awaitable')}"
        return super()._returns(obj, result)


class stream_endpoint(_Streamable[P, T, P2, SP, AP, SR, AR]):
    """Combines the two builders of a streamable operation: `chat(...)` returns the parsed answer,
    `chat(..., stream=True)` a chat stream (see `ChatStream`)."""

    _raw_says_bool = True

    def __init__(
        self: stream_endpoint[P, T, P2, ChatStream, Coro[AsyncChatStream], T, T],
        build: Callable[Concatenate[Any, P], Call[T]],
        build_stream: Callable[Concatenate[Any, P2], Call[T]],
        flag: str = "stream",
    ) -> None:
        super().__init__(build, _ChatStream(build_stream), flag)


class event_stream_endpoint(_Streamable[P, T, P2, SP, AP, SR, AR]):
    """Combines the two builders of an operation that answers JSON, or a Server-Sent Event stream
    of `E`s: `x(...)` returns the parsed answer, `x(..., stream=True)` an `EventStream`."""

    def __init__(
        self: event_stream_endpoint[
            P, T, P2, EventStream[E], Coro[AsyncEventStream[E]], object, object
        ],
        build: Callable[Concatenate[Any, P], Call[T]],
        build_stream: Callable[Concatenate[Any, P2], Call[E]],
        flag: str = "stream",  # the keyword that asks for the stream (`stream`, `streaming`)
    ) -> None:
        super().__init__(build, events_endpoint(build_stream), flag)
