"""The base of the generated resource classes, and the decorators that turn their methods into calls.

A generated method builds a `Call[T]` and nothing else. `@endpoint` (and its page and stream
variants) makes that method a descriptor which, when read from a resource, gives a function with
the method's exact parameters that sends the call. What it returns depends on the resource's
two type parameters, so one generated class serves every flavour of the client:

- `C`, the I/O kind: `Sync` (methods return results) or `Async` (methods return coroutines);
- `W`, the view: `Parsed` (the typed result), `Raw` (`APIResponse[T]`, body read) or
  `Streaming` (`APIResponse[T]`, body read on demand).

    client.apps.users.create(...)                        # Users[Sync, Parsed] -> User
    client.apps.with_raw_response.users.create(...)      # Users[Sync, Raw] -> APIResponse[User]
    await async_client.apps.users.create(...)            # Users[Async, Parsed] -> User
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import TYPE_CHECKING, Any, Concatenate, Generic, Protocol, TypeVar, overload

from typing_extensions import ParamSpec

if TYPE_CHECKING:
    from .._core.operation import Call
    from .._core.page import Page
    from .async_streams import AsyncChatStream
    from .awaitables import AsyncPaginator, AsyncResponseManager
    from .sync_pages import SyncPage
    from .sync_response import APIResponse
    from .sync_streams import ChatStream

__all__ = [
    "Async",
    "C",
    "Parsed",
    "Raw",
    "Resource",
    "Streaming",
    "Sync",
    "W",
    "endpoint",
    "page_endpoint",
    "stream_endpoint",
]


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
T_co = TypeVar("T_co", covariant=True)
S_co = TypeVar("S_co", covariant=True)


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


Coro = Coroutine[object, None, T]


class _Either(Protocol[P, T_co, P2, S_co]):
    """A function with two signatures, e.g. `chat(...)` and `chat(..., stream=True)`."""

    @overload
    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> T_co: ...
    @overload
    def __call__(self, *args: P2.args, **kwargs: P2.kwargs) -> S_co: ...


class _Endpoint(Generic[P, T]):
    """Base of the descriptors: holds the builder; `_send` says what a call returns."""

    def __init__(self, build: Callable[..., Call[Any]]) -> None:
        self._build = build
        self.__doc__ = build.__doc__
        self.__wrapped__ = build

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def _bind(self, obj: Resource[Any, Any]) -> Callable[..., object]:
        build, send = self._build, self._sender(obj)

        def call(*args: object, **kwargs: object) -> object:
            return send(build(obj, *args, **kwargs))

        call.__name__ = call.__qualname__ = self._name
        call.__doc__ = self.__doc__
        # Bound once per resource: later reads find it in the instance and skip the descriptor.
        obj.__dict__[self._name] = call
        return call

    def _sender(self, obj: Resource[Any, Any]) -> Callable[[Call[Any]], object]:
        if obj._view is not Parsed:
            return _raw_sender(obj)
        send: Callable[[Call[Any]], object] = obj._client._call
        return send


def _raw_sender(obj: Resource[Any, Any]) -> Callable[[Call[Any]], object]:
    client, stream = obj._client, obj._view is Streaming
    if obj._io is Sync:
        return lambda call: client._raw(call, stream=stream)
    from .awaitables import AsyncResponseManager

    return lambda call: AsyncResponseManager(lambda: client._raw(call, stream=stream))


class endpoint(_Endpoint[P, T]):
    """Decorator of a generated method that builds a `Call[T]`."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[T]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: Resource[Sync, Parsed], owner: object) -> Callable[P, T]: ...
    @overload
    def __get__(self, obj: Resource[Async, Parsed], owner: object) -> Callable[P, Coro[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Sync, Raw] | Resource[Sync, Streaming], owner: object
    ) -> Callable[P, APIResponse[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Raw] | Resource[Async, Streaming], owner: object
    ) -> Callable[P, AsyncResponseManager[T]]: ...
    def __get__(self, obj: Resource[Any, Any], owner: object) -> Callable[P, object]:
        return self._bind(obj)


class page_endpoint(_Endpoint[P, T]):
    """Decorator of a generated list method: the call's result is a page of `T`."""

    def __init__(self, build: Callable[Concatenate[Any, P], Call[Page[T]]]) -> None:
        super().__init__(build)

    @overload
    def __get__(self, obj: Resource[Sync, Parsed], owner: object) -> Callable[P, SyncPage[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Parsed], owner: object
    ) -> Callable[P, AsyncPaginator[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Sync, Raw] | Resource[Sync, Streaming], owner: object
    ) -> Callable[P, APIResponse[SyncPage[T]]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Raw] | Resource[Async, Streaming], owner: object
    ) -> Callable[P, AsyncResponseManager[AsyncPage[T]]]: ...
    def __get__(self, obj: Resource[Any, Any], owner: object) -> Callable[P, object]:
        return self._bind(obj)

    def _sender(self, obj: Resource[Any, Any]) -> Callable[[Call[Any]], object]:
        if obj._view is not Parsed:
            return _raw_sender(obj)
        client = obj._client
        if obj._io is Sync:
            send: Callable[[Call[Any]], object] = client._page
            return send
        from .awaitables import AsyncPaginator

        return lambda call: AsyncPaginator(lambda: client._page(call))


class stream_endpoint(Generic[P, T, P2]):
    """Combines the two builders of a streamable operation: without and with `stream=True`.

    `chat(...)` returns the parsed answer; `chat(..., stream=True)` returns a chat stream (see
    `ChatStream`), chosen by the caller's `stream` argument alone, never by the body.
    """

    def __init__(
        self,
        build: Callable[Concatenate[Any, P], Call[T]],
        build_stream: Callable[Concatenate[Any, P2], Call[T]],
    ) -> None:
        self._plain = endpoint(build)
        self._build_stream: Callable[..., Call[Any]] = build_stream
        self.__doc__ = build.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name
        self._plain.__set_name__(owner, name)

    @overload
    def __get__(
        self, obj: Resource[Sync, Parsed], owner: object
    ) -> _Either[P, T, P2, ChatStream]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Parsed], owner: object
    ) -> _Either[P, Coro[T], P2, Coro[AsyncChatStream]]: ...
    @overload
    def __get__(
        self, obj: Resource[Sync, Raw] | Resource[Sync, Streaming], owner: object
    ) -> _Either[P, APIResponse[T], P2, APIResponse[T]]: ...
    @overload
    def __get__(
        self, obj: Resource[Async, Raw] | Resource[Async, Streaming], owner: object
    ) -> _Either[P, AsyncResponseManager[T], P2, AsyncResponseManager[T]]: ...
    def __get__(self, obj: Resource[Any, Any], owner: object) -> object:
        plain, build_stream = self._plain._bind(obj), self._build_stream
        send: Callable[[Call[Any]], object] = (
            _raw_sender(obj) if obj._view is not Parsed else obj._client._stream
        )

        def call(*args: object, **kwargs: object) -> object:
            if kwargs.get("stream") is True:
                return send(build_stream(obj, *args, **kwargs))
            return plain(*args, **kwargs)

        call.__name__ = call.__qualname__ = self._name
        call.__doc__ = self.__doc__
        obj.__dict__[self._name] = call
        return call


if TYPE_CHECKING:
    from .async_pages import AsyncPage
