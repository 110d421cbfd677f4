"""Decodes a streamed chat body into text chunks, without I/O.

Honcho's chat stream is `text/event-stream` carrying plain text chunks with no `data:` framing;
other servers and proxies send real Server-Sent Events. The decoder looks at the start of the
body to tell the two apart: plain text is passed through as it arrives; SSE is parsed by the
standard rules (`data:` lines joined with newlines, comments and other fields ignored, a blank
line ends an event, `[DONE]` ends the stream).
"""

from __future__ import annotations

__all__ = ["ChatChunkDecoder"]

_SSE_PREFIXES = ("data:", ":", "event:", "id:", "retry:")


class ChatChunkDecoder:
    def __init__(self) -> None:
        self._mode: str | None = None  # "plain" or "sse", decided by the first bytes
        self._head = ""
        self._buffer = ""
        self._data: list[str] = []
        self.done = False

    def feed(self, text: str) -> list[str]:
        """The chunks of answer text completed by `text`."""
        if self.done or not text:
            return []
        if self._mode is None:
            self._head += text
            stripped = self._head.lstrip("\r\n")
            if not stripped or (
                len(stripped) < 6 and any(p.startswith(stripped) for p in _SSE_PREFIXES)
            ):
                return []  # not enough to tell yet
            self._mode = "sse" if stripped.startswith(_SSE_PREFIXES) else "plain"
            text, self._head = self._head, ""
        if self._mode == "plain":
            return [text]
        return self._feed_sse(text)

    def flush(self) -> list[str]:
        """What is left once the body ended."""
        if self._mode is None:
            head, self._head = self._head, ""
            return [head] if head else []
        if self._mode == "plain" or self.done:
            return []
        out = self._feed_sse("\n") if self._buffer else []
        return out + self._dispatch()

    def _feed_sse(self, text: str) -> list[str]:
        self._buffer += text
        out: list[str] = []
        while not self.done:
            cut = min(
                (i for i in (self._buffer.find("\n"), self._buffer.find("\r")) if i >= 0),
                default=-1,
            )
            if cut < 0:
                break
            line = self._buffer[:cut]
            skip = 2 if self._buffer[cut : cut + 2] == "\r\n" else 1
            self._buffer = self._buffer[cut + skip :]
            if line == "":
                out.extend(self._dispatch())
            elif line.startswith("data"):
                field, _, value = line.partition(":")
                if field == "data":
                    self._data.append(value[1:] if value.startswith(" ") else value)
        return out

    def _dispatch(self) -> list[str]:
        if not self._data:
            return []
        data, self._data = "\n".join(self._data), []
        if data.strip() == "[DONE]":
            self.done = True
            return []
        return [data]
