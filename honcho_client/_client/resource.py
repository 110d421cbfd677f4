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

import functools
import inspect
from collections.abc import Callable, Coroutine, Mapping
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
    """Base of the descriptors: holds the builder; `_sender` says what a call returns."""

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

        return _bound(obj, self._name, call, self._build)

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


@functools.cache
def _known_names(*builds: Callable[..., object]) -> frozenset[str]:
    """The keyword arguments a method takes: its parameters and the per-call options."""
    from .._core.options import RequestOptions

    names = set(RequestOptions.__annotations__)
    for build in builds:
        names.update(
            p.name
            for p in inspect.signature(build).parameters.values()
            if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)
        )
    names.discard("self")
    return frozenset(names)


def _unknown_keyword(name: str, kwargs: Mapping[str, object], known: frozenset[str]) -> TypeError:
    import difflib  # only a mistake pays for it

    unknown = next(k for k in kwargs if k not in known)
    close = difflib.get_close_matches(unknown, sorted(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; it takes {', '.join(sorted(known))}"
    return TypeError(f"{name}() got an unexpected keyword argument {unknown!r}{hint}")


def _bound(
    obj: Resource[Any, Any],
    name: str,
    call: Callable[..., object],
    build: Callable[..., object],
) -> Callable[..., object]:
    """`call` dressed as the method it sends: name, docs and signature (without `self`, the
    result as this view returns it), cached on the resource so later reads skip the descriptor."""
    call.__name__ = call.__qualname__ = name
    call.__doc__ = build.__doc__
    call.__module__ = build.__module__
    signature = inspect.signature(build)
    parameters = list(signature.parameters.values())[1:]
    call.__signature__ = signature.replace(  # type: ignore[attr-defined]
        parameters=parameters, return_annotation=_returns(obj, signature.return_annotation)
    )
    obj.__dict__[name] = call
    return call


def _returns(obj: Resource[Any, Any], built: object) -> str:
    """What a method of this view returns, from its builder's `Call[X]`."""
    result = str(built).removeprefix("Call[").removesuffix("]")
    if obj._view is not Parsed:
        wrapper = "APIResponse" if obj._io is Sync else "AsyncResponseManager"
        return f"{wrapper}[{result}]"
    if result.startswith("Page["):
        paged = "SyncPage" if obj._io is Sync else "AsyncPaginator"
        return paged + result.removeprefix("Page")
    return result if obj._io is Sync else f"Awaitable[{result}]"


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
    def __get__(self, obj: Resource[Any, Any] | None, owner: object) -> Callable[P, object]:
        return self._build if obj is None else self._bind(obj)


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
    def __get__(self, obj: Resource[Any, Any] | None, owner: object) -> Callable[P, object]:
        return self._build if obj is None else self._bind(obj)

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
    def __get__(self, obj: Resource[Any, Any] | None, owner: object) -> object:
        if obj is None:
            return self._plain._build
        plain, build_stream = self._plain._bind(obj), self._build_stream
        send: Callable[[Call[Any]], object] = (
            _raw_sender(obj) if obj._view is not Parsed else obj._client._stream
        )
        known = _known_names(self._plain._build, build_stream)

        def call(*args: object, **kwargs: object) -> object:
            if kwargs.get("stream") is True:
                if not known.issuperset(kwargs):
                    raise _unknown_keyword(self._name, kwargs, known)
                return send(build_stream(obj, *args, **kwargs))
            return plain(*args, **kwargs)

        bound = _bound(obj, self._name, call, self._plain._build)
        signature: inspect.Signature = bound.__signature__  # type: ignore[attr-defined]
        returns = signature.return_annotation
        if obj._view is Parsed:  # chat(...) or chat(..., stream=True)
            stream = "ChatStream" if obj._io is Sync else "AsyncChatStream"
            answer = returns.removeprefix("Awaitable[").removesuffix("]")
            returns = returns.replace(answer, f"{answer} | {stream}")
        bound.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[
                p.replace(annotation="bool") if p.name == "stream" else p
                for p in signature.parameters.values()
            ],
            return_annotation=returns,
        )
        return bound


if TYPE_CHECKING:
    from .async_pages import AsyncPage
