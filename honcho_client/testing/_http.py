"""Transport-neutral request/response values used by the dispatcher, transports and server."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import parse_qsl, unquote, urlencode

JSON_CONTENT_TYPE = "application/json"
STREAM_CONTENT_TYPE = "text/event-stream; charset=utf-8"

QueryInput = str | Mapping[str, str] | Sequence[tuple[str, str]]
HeadersInput = Mapping[str, str] | Sequence[tuple[str, str]]


class ApiError(Exception):
    """Raised by handlers to answer with ``{"detail": detail}`` and the given status."""

    def __init__(self, status: int, detail: Any, headers: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__(status, detail)
        self.status = status
        self.detail = detail
        self.headers = tuple(headers)


@dataclass(frozen=True)
class ConnectionFault:
    """What the transport does to the connection instead of (or while) answering.

    - ``drop``: close the connection before sending a byte;
    - ``reset``: send part of the status line and headers, then reset the connection;
    - ``truncate``: send the headers and ``after_bytes`` bytes of the body (or of a chat
      stream), then close the connection;
    - ``stall``: wait ``seconds`` before sending the first byte, then answer normally.
    """

    kind: Literal["drop", "reset", "truncate", "stall"]
    after_bytes: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class FakeResponse:
    """An answer of the fake: status, headers and a body.

    ``body`` is ``bytes`` for ordinary responses and an iterable of byte chunks for
    streamed ones (the ``stream: true`` chat); transports and the server turn the
    latter into a streamed HTTP body.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | Iterable[bytes] = b""
    # Set when the connection is to fail instead of (or while) sending this answer.
    fault: ConnectionFault | None = None
    # Close the connection once this answer is sent, unannounced (the server does after a
    # crash; see the ``unannounced_close`` defect).
    close: bool = False

    @property
    def is_stream(self) -> bool:
        """Whether the body is a sequence of chunks rather than one ``bytes`` value."""
        return not isinstance(self.body, bytes)

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), or ``None``."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def read(self) -> bytes:
        """The whole body (joins the chunks of a streamed body)."""
        return self.body if isinstance(self.body, bytes) else b"".join(self.body)

    def json(self) -> Any:
        """The body decoded as JSON."""
        return json.loads(self.read())


class Headers(Mapping[str, str]):
    """Read-only request headers: names lower-cased, looked up case-insensitively.

    Compares equal to any mapping with the same (lower-cased) items and is hashable, so
    records holding it compare and hash by value.
    """

    __slots__ = ("_items",)

    def __init__(self, items: Iterable[tuple[str, str]] = ()) -> None:
        self._items: dict[str, str] = {str(k).lower(): str(v) for k, v in items}

    def __getitem__(self, name: str) -> str:
        return self._items[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._items

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Mapping):
            return NotImplemented
        return self._items == {str(k).lower(): v for k, v in other.items()}

    def __hash__(self) -> int:
        return hash(frozenset(self._items.items()))

    def __repr__(self) -> str:
        return f"Headers({self._items!r})"


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received, as kept in ``FakeHoncho.request_log``.

    Records are immutable values: two records of the same request compare equal, and
    records can be hashed (kept in sets, counted with ``collections.Counter``).

    Attributes:
        method: the HTTP method, upper case.
        path: the raw (percent-encoded) path, without the query string.
        query: the query parameters as ``(name, value)`` pairs, in order.
        headers: the request headers (names lower-cased).
        body: the raw request body.
        status: the status answered (for connection faults, the status of the answer
            that was cut or never sent).
    """

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Headers
    body: bytes
    status: int

    def json(self) -> Any:
        """The request body decoded as JSON (``None`` when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Request:
    """A request as the dispatcher sees it.

    ``path`` is the raw (percent-encoded) path; ``route_path`` its decoded form, which the
    server routes on (so ``%2F`` separates segments, as it does upstream).
    """

    method: str
    path: str
    route_path: str
    query: tuple[tuple[str, str], ...]
    query_string: str
    headers: Headers
    body: bytes = b""
    query_map: dict[str, str] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        # Like Starlette: for a repeated query parameter the last value wins.
        object.__setattr__(self, "query_map", dict(self.query))


def make_request(
    method: str,
    path: str,
    query: QueryInput = "",
    headers: HeadersInput | None = None,
    body: bytes = b"",
) -> Request:
    """Normalise the raw parts of a request (``path`` may carry a ``?query`` suffix)."""
    raw_path, _, inline_query = path.partition("?")
    raw_path = raw_path if raw_path.startswith("/") else f"/{raw_path}"
    if isinstance(query, str):
        query_string = query or inline_query
        pairs = parse_qsl(query_string, keep_blank_values=True)
    else:
        pairs = list(query.items()) if isinstance(query, Mapping) else list(query)
        query_string = urlencode(pairs)
    header_items = headers.items() if isinstance(headers, Mapping) else (headers or ())
    return Request(
        method=method.upper(),
        path=raw_path,
        route_path=unquote(raw_path) if "%" in raw_path else raw_path,
        query=tuple((str(k), str(v)) for k, v in pairs),
        query_string=query_string,
        headers=Headers(header_items),
        body=body,
    )


def json_response(
    status: int,
    payload: Any,
    headers: Sequence[tuple[str, str]] = (),
    *,
    ascii_only: bool = False,
) -> FakeResponse:
    """A compact UTF-8 JSON response, encoded the way Starlette's ``JSONResponse`` does.

    Raises ``ValueError`` for what Starlette cannot encode either: NaN, infinities and
    (``UnicodeEncodeError``) lone surrogates; ``ascii_only`` escapes every non-ASCII
    character instead, which encodes lone surrogates too.
    """
    text = json.dumps(payload, ensure_ascii=ascii_only, allow_nan=False, separators=(",", ":"))
    data = text.encode("utf-8")
    return FakeResponse(
        status,
        (("content-length", str(len(data))), ("content-type", JSON_CONTENT_TYPE), *headers),
        data,
    )


def stream_response(chunks: Iterable[bytes]) -> FakeResponse:
    """A 200 ``text/event-stream`` response made of the given chunks."""
    return FakeResponse(200, (("content-type", STREAM_CONTENT_TYPE),), tuple(chunks))


def text_response(status: int, text: str, headers: Sequence[tuple[str, str]] = ()) -> FakeResponse:
    """A ``text/plain`` response, as Starlette's ``PlainTextResponse`` sends it."""
    data = text.encode("utf-8")
    return FakeResponse(
        status,
        (
            *headers,
            ("content-length", str(len(data))),
            ("content-type", "text/plain; charset=utf-8"),
        ),
        data,
    )


SERVER_ERROR = "An unexpected error occurred"


def server_error() -> FakeResponse:
    """The server's answer to an unexpected exception: 500 with a fixed detail.

    The server closes the connection after sending it.
    """
    answer = json_response(500, {"detail": SERVER_ERROR})
    return FakeResponse(answer.status, answer.headers, answer.body, close=True)
