"""`AsyncChatStream`: the answer of `sessions.chat(..., stream=True)`, chunk by chunk.

Its sync twin `ChatStream` is generated from this file.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx

from .._errors import APIConnectionError
from .._sse import ChatChunkDecoder

__all__ = ["AsyncChatStream"]


class AsyncChatStream:
    """Text chunks of a dialectic answer, yielded as they arrive.

    Leaving the loop early, or the `with` block, closes the connection. A connection cut before
    the answer ended raises APIConnectionError: an answer is never silently truncated.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    async def __aiter__(self) -> AsyncIterator[str]:
        decoder = ChatChunkDecoder()
        try:
            if self.response.headers.get("content-type", "").startswith("application/json"):
                from ..types.dialectic_response import DialecticResponse

                body = await self.response.aread()
                yield DialecticResponse.model_validate_json(body).content
                return
            async for text in self.response.aiter_text():
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
            await self.close()

    async def text(self) -> str:
        """The whole answer."""
        return "".join([chunk async for chunk in self])

    async def close(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncChatStream:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
