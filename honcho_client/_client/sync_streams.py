# Generated from honcho_client/_client/async_streams.py by `python -m codegen`. Do not edit: change that file.
"""Sync twin of `honcho_client/_client/async_streams.py`; read that file for the documentation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx
from typing_extensions import Self

from .._core.errors import StreamConsumedError, read_error
from .._core.parsing import parse_event, parse_stream_text
from .._core.sse import ServerSentEvent, SSEDecoder, Utf8Chunks
from .stream_guard import StreamGuard

if TYPE_CHECKING:
    from .._core.operation import Operation

E = TypeVar("E")


class _Stream:
    """A response read once, as it arrives, holding its connection and slot until closed."""

    _what = "the stream"

    def __init__(self, response: httpx.Response, call: str) -> None:
        self.response = response
        self._call = call
        self._claimed = False
        self._guard = StreamGuard(self, response, call)

    def _claim(self, keep: str) -> None:
        if self._claimed or self.response.is_closed:
            raise StreamConsumedError(
                f"{self._call}: {self._what} was already read or closed, and a stream can be "
                f"read once; keep {keep}"
            )
        self._claimed = True

    def close(self) -> None:
        """Close the connection and free the slot; safe to call more than once."""
        self._guard.detach()
        self.response.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class ChatStream(_Stream):
    """Text chunks of a dialectic answer as they arrive, exactly as sent (UTF-8, decoded
    incrementally); `events()` parses an answer that a server or proxy framed as Server-Sent Events.

    It holds a connection and one of the client's `max_concurrency` slots until closed: read to the
    end, the `with` block left, the loop broken, or `close()`; one dropped unclosed is closed when
    garbage-collected, with a ResourceWarning. It can be read once (again: StreamConsumedError). A
    connection cut before the answer ended raises APIConnectionError: no silent truncation.
    """

    _what = "the chat stream"

    def __init__(
        self,
        response: httpx.Response,
        call: str = "chat stream",
        op: Operation[Any] | None = None,
        strict: bool = True,
    ) -> None:
        self._op, self._strict = op, strict
        super().__init__(response, call)

    def __iter__(self) -> Iterator[str]:
        self._claim("the text of the first read (e.g. from `text()`)")
        decoder = Utf8Chunks()
        try:
            if self.response.headers.get("content-type", "").startswith("application/json"):
                self.response.read()
                yield parse_stream_text(self._op, self.response, self._strict)
                return
            for data in self.response.iter_bytes():
                if text := decoder.feed(data):
                    yield text
            if tail := decoder.flush():
                yield tail
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise read_error(error, self.response, self._what) from error
        finally:
            self.close()

    def events(self) -> Iterator[ServerSentEvent]:
        """The answer parsed as Server-Sent Events, for servers that frame it so; stops at a
        `[DONE]` event. Use it instead of iterating the stream, not after."""
        decoder = SSEDecoder()
        try:
            for text in self:
                for event in decoder.feed(text):
                    yield event
                if decoder.done:
                    return
            for event in decoder.flush():
                yield event
        finally:
            self.close()

    def text(self) -> str:
        """The whole answer."""
        return "".join([chunk for chunk in self])


class EventStream(_Stream, Generic[E]):
    """The events of a Server-Sent Event stream, each event's data read as the operation's event
    type `E` as it arrives; a `[DONE]` event ends it.

    Like a chat stream, it holds a connection and a slot until closed, can be read once, and a
    connection cut before the end raises APIConnectionError. Data that does not match `E` raises
    APIResponseValidationError naming the first mismatch.
    """

    _what = "the event stream"

    def __init__(
        self, response: httpx.Response, call: str, op: Operation[E], strict: bool = True
    ) -> None:
        self._op, self._strict = op, strict
        super().__init__(response, call)

    def __iter__(self) -> Iterator[E]:
        for event in self.events():
            if event.data:
                yield parse_event(self._op, event.data, self.response, self._strict)

    def events(self) -> Iterator[ServerSentEvent]:
        """The events as sent (name, id, data as text), instead of iterating the stream."""
        self._claim("the events of the first read")
        chunks, decoder = Utf8Chunks(), SSEDecoder()
        try:
            for data in self.response.iter_bytes():
                for event in decoder.feed(chunks.feed(data)):
                    yield event
                if decoder.done:
                    return
            for event in decoder.feed(chunks.flush()) + decoder.flush():
                yield event
        except (httpx.HTTPError, httpx.StreamError) as error:
            raise read_error(error, self.response, self._what) from error
        finally:
            self.close()
