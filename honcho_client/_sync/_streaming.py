# Generated from honcho_client/_async/_streaming.py by `python -m codegen`. Do not edit: change that file.
"""Sync twin of `honcho_client/_async/_streaming.py`; read that file for the documentation."""

from __future__ import annotations

from collections.abc import Iterator

import httpx

from .._errors import APIConnectionError
from .._sse import ChatChunkDecoder

__all__ = ["ChatStream"]


class ChatStream:
    """Text chunks of a dialectic answer, yielded as they arrive.

    Leaving the loop early, or the `with` block, closes the connection. A connection cut before
    the answer ended raises APIConnectionError: an answer is never silently truncated.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def __iter__(self) -> Iterator[str]:
        decoder = ChatChunkDecoder()
        try:
            if self.response.headers.get("content-type", "").startswith("application/json"):
                from ..types.dialectic_response import DialecticResponse

                body = self.response.read()
                yield DialecticResponse.model_validate_json(body).content
                return
            for text in self.response.iter_text():
                for chunk in decoder.feed(text):
                    yield chunk
                if decoder.done:
                    return
            for chunk in decoder.flush():
                yield chunk
        except httpx.TransportError as error:
            raise APIConnectionError(
                self.response.request, message="The chat stream was cut before it ended"
            ) from error
        finally:
            self.close()

    def text(self) -> str:
        """The whole answer."""
        return "".join([chunk for chunk in self])

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> ChatStream:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
