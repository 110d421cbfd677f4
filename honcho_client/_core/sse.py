"""Decoding a streamed chat body, without I/O. Honcho 1.1.0 streams plain text with no SSE
framing, which `Utf8Chunks` decodes exactly as sent; `SSEDecoder` parses real Server-Sent Events
by the WHATWG rules, only for `stream.events()`."""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class Utf8Chunks:
    """Bytes in, text out, as soon as each character is complete (invalid bytes become U+FFFD)."""

    def __init__(self) -> None:
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def feed(self, data: bytes) -> str:
        return self._decoder.decode(data)

    def flush(self) -> str:
        return self._decoder.decode(b"", final=True)


@dataclass(frozen=True)
class ServerSentEvent:
    """One Server-Sent Event: its type, its data (lines joined with "\\n"), id and retry."""

    data: str
    event: str = "message"
    id: str | None = None
    retry: int | None = None


class SSEDecoder:
    """Text in, `ServerSentEvent`s out; `done` once a `[DONE]` event was seen."""

    def __init__(self) -> None:
        self._buffer = ""
        self._after_cr = False  # the last text ended with CR: a LF starting the next is its pair
        self._started = False
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self._retry: int | None = None
        self.done = False

    def feed(self, text: str) -> list[ServerSentEvent]:
        if self.done or not text:
            return []
        if not self._started:
            self._started = True
            text = text.removeprefix("\ufeff")
        if self._after_cr and text.startswith("\n"):
            text = text[1:]
        self._after_cr = text.endswith("\r")
        self._buffer += text
        out: list[ServerSentEvent] = []
        lines = self._buffer.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self._buffer = lines.pop()  # the line not ended yet
        for line in lines:
            event = self._line(line)
            if event is not None:
                if event.data == "[DONE]":
                    self.done = True
                    break
                out.append(event)
        return out

    def flush(self) -> list[ServerSentEvent]:
        """The event still open when the body ended, if any."""
        if self.done:
            return []
        self._after_cr = False
        return self.feed("\n\n") if self._buffer or self._data else []

    def _line(self, line: str) -> ServerSentEvent | None:
        """Take one line; a blank one ends the event, returned when it has data."""
        if not line:
            data, event = self._data, self._event or "message"
            self._data, self._event = [], ""
            return ServerSentEvent("\n".join(data), event, self._id, self._retry) if data else None
        field, colon, value = line.partition(":")  # a comment has no field name
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            self._data.append(value)
        elif field == "event":
            self._event = value
        elif field == "id" and "\0" not in value:
            self._id = value
        elif field == "retry" and value.isascii() and value.isdigit():
            self._retry = int(value)
        return None
