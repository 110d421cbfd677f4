"""Transport-neutral request/response values used by the dispatcher, transports and server."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

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
class FakeResponse:
    """An answer of the fake: status, headers and a body.

    ``body`` is ``bytes`` for ordinary responses and an iterable of byte chunks for
    streamed ones (the ``stream: true`` chat); transports and the server turn the
    latter into a streamed HTTP body.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes | Iterable[bytes] = b""

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


@dataclass(frozen=True)
class RecordedRequest:
    """One request the fake received, as kept in ``FakeHoncho.request_log``."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
    body: bytes
    status: int

    def json(self) -> Any:
        """The request body decoded as JSON (``None`` when empty)."""
        return json.loads(self.body) if self.body else None


@dataclass(frozen=True)
class Request:
    """A request as the dispatcher sees it: raw path, decoded segments, query pairs."""

    method: str
    path: str
    segments: tuple[str, ...]
    query: tuple[tuple[str, str], ...]
    headers: Mapping[str, str]
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
        pairs = parse_qsl(query or inline_query, keep_blank_values=True)
    elif isinstance(query, Mapping):
        pairs = list(query.items())
    else:
        pairs = list(query)
    header_items = headers.items() if isinstance(headers, Mapping) else (headers or ())
    # Route on the raw path split by "/", then percent-decode each segment, so an
    # encoded "/" (%2F) stays inside its segment.
    segments = tuple(unquote(part) for part in raw_path.split("/")[1:])
    return Request(
        method=method.upper(),
        path=raw_path,
        segments=segments,
        query=tuple((str(k), str(v)) for k, v in pairs),
        headers={str(k).lower(): str(v) for k, v in header_items},
        body=body,
    )


def json_response(
    status: int, payload: Any, headers: Sequence[tuple[str, str]] = ()
) -> FakeResponse:
    """A compact UTF-8 JSON response, encoded the way Starlette's ``JSONResponse`` does."""
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    data = body.encode("utf-8")
    return FakeResponse(
        status,
        (("content-length", str(len(data))), ("content-type", JSON_CONTENT_TYPE), *headers),
        data,
    )


def error_response(error: ApiError) -> FakeResponse:
    """The JSON response for an :class:`ApiError`."""
    return json_response(error.status, {"detail": error.detail}, error.headers)


def stream_response(chunks: Iterable[bytes]) -> FakeResponse:
    """A 200 ``text/event-stream`` response made of the given chunks."""
    return FakeResponse(200, (("content-type", STREAM_CONTENT_TYPE),), tuple(chunks))
