"""`AioHttpTransport`: httpx-aiohttp's transport (its TLS, proxy and limit settings) with the
sending redone to behave, seen from httpx, like httpx's own transport (docs/internals.md lists
the rules). Tested with aiohttp 3.11.0 and 3.14.5: sets the private
`ClientSession._retry_connection` where it exists (3.10 has none and sends a GET twice by itself:
hence the floor 3.11), calls a protocol's `force_close()` (or sets `_should_close`, as 3.11.0 lacks
it) or `close()`, and after fork() `ClientSession.detach()`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any, Final

import aiohttp
import httpx
from aiohttp import http_exceptions
from httpx_aiohttp import AiohttpTransport
from multidict import CIMultiDict
from yarl import URL

from .pool import server_may_close

_NO_AUTO_HEADERS: Final = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")
# httpcore's h11 accepts header blocks up to 100 KiB, aiohttp lines of 8 KiB by default.
_MAX_LINE: Final = 64 * 1024


def _os_reason(error: BaseException) -> str:
    os_error = getattr(error, "os_error", None)
    reason = os_error if isinstance(os_error, OSError) else error
    return str(reason) or type(reason).__name__


def translate_error(error: Exception) -> httpx.TransportError | None:
    """The httpx error httpx's own transport raises in the same case (None: not a transport
    failure). Subclasses are tested before their bases."""
    if isinstance(error, aiohttp.ConnectionTimeoutError):
        return httpx.ConnectTimeout(f"timed out while connecting ({error})")
    if isinstance(error, aiohttp.ServerTimeoutError):
        return httpx.ReadTimeout(f"timed out while reading the response ({error})")
    if isinstance(error, aiohttp.ClientProxyConnectionError | aiohttp.ClientHttpProxyError):
        return httpx.ProxyError(_os_reason(error))
    if isinstance(error, aiohttp.ClientConnectorError):
        # refused, unreachable, name resolution, TLS handshake or certificate: nothing sent
        return httpx.ConnectError(_os_reason(error))
    if isinstance(error, aiohttp.ServerDisconnectedError):
        return httpx.RemoteProtocolError("Server disconnected without sending a response.")
    if isinstance(error, aiohttp.ClientPayloadError):
        cause = error.__cause__ or error.__context__
        if isinstance(cause, ConnectionResetError | aiohttp.ClientOSError):
            return httpx.ReadError(_os_reason(cause))
        if isinstance(cause, http_exceptions.TransferEncodingError):
            detail = "incomplete chunked read"
        elif isinstance(cause, http_exceptions.ContentLengthError):
            detail = "fewer bytes than its Content-Length"
        else:
            detail = str(error)
        return httpx.RemoteProtocolError(
            f"peer closed connection without sending complete message body ({detail})"
        )
    if isinstance(error, aiohttp.ClientConnectionResetError):
        return httpx.WriteError(str(error) or "connection reset while sending the request")
    if isinstance(error, aiohttp.ClientOSError):
        return httpx.ReadError(_os_reason(error))
    if isinstance(error, aiohttp.InvalidURL | aiohttp.NonHttpUrlClientError):
        return httpx.UnsupportedProtocol(f"cannot send to this URL ({error})")
    if isinstance(error, aiohttp.ClientResponseError):  # malformed status line or headers
        return httpx.RemoteProtocolError(f"malformed HTTP response ({error.message})")
    if isinstance(error, aiohttp.ClientConnectionError):
        return httpx.ReadError(str(error) or "connection closed")
    if isinstance(error, aiohttp.ClientError):
        return httpx.RemoteProtocolError(f"{type(error).__name__}: {error}")
    if isinstance(error, TimeoutError):
        return httpx.ReadTimeout("timed out while reading the response")
    if isinstance(error, ConnectionResetError):
        return httpx.ReadError(str(error) or "connection reset by peer")
    if isinstance(error, OSError):
        return httpx.ReadError(_os_reason(error))
    return None


class _ResponseBody(httpx.AsyncByteStream):
    """The body of one aiohttp response, chunks as they arrive, errors translated."""

    __slots__ = ("_response",)

    def __init__(self, response: aiohttp.ClientResponse) -> None:
        self._response = response

    async def __aiter__(self) -> AsyncIterator[bytes]:
        content = self._response.content
        received = 0
        while True:
            try:
                chunk = await content.readany()
            except Exception as error:
                translated = translate_error(error)
                if translated is None:
                    raise
                if isinstance(error.__cause__, http_exceptions.ContentLengthError):
                    expected = self._response.content_length
                    translated = httpx.RemoteProtocolError(
                        "peer closed connection without sending complete message body "
                        f"(received {received} bytes, expected {expected})"
                    )
                raise translated from error
            if not chunk:
                return
            received += len(chunk)
            yield chunk

    async def aclose(self) -> None:
        response = self._response
        if response.content.is_eof():
            response.release()  # the connection goes back to the pool
        else:
            response.close()  # abandoned mid-body: the connection cannot be reused


class _Response(aiohttp.ClientResponse):
    """aiohttp's response, whose connection is not reused when `server_may_close` after it."""

    async def start(self, connection: Any) -> aiohttp.ClientResponse:
        protocol = connection.protocol
        await super().start(connection)
        content_type = self.headers.get("Content-Type", "")
        if server_may_close(self.status, content_type) and protocol is not None:
            if self.connection is None:  # a short body was read whole and already released
                protocol.close()  # the pool drops a closed connection when it is next asked
            elif hasattr(protocol, "force_close"):
                protocol.force_close()  # closed when the response releases it
            elif hasattr(protocol, "_should_close"):  # aiohttp 3.11.0, before force_close()
                protocol._should_close = True
        return self


# Sessions left behind in a child after fork(), kept so nothing finalizes them there.
_INHERITED: list[object] = []


class AioHttpTransport(AiohttpTransport):
    """httpx transport over an aiohttp session, made on first use inside the running loop."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._session: aiohttp.ClientSession | None = None
        self._timeouts: dict[tuple[float | None, ...], aiohttp.ClientTimeout] = {}

    def _open_session(self) -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(
            limit=self.limits.max_connections or 0,  # None: no limit, as in httpx
            keepalive_timeout=self.limits.keepalive_expiry,
            ssl=self.ssl_context,
            local_addr=(self.local_address, 0) if self.local_address else None,
        )
        session = aiohttp.ClientSession(
            connector=connector,
            cookie_jar=aiohttp.DummyCookieJar(),
            skip_auto_headers=_NO_AUTO_HEADERS,
            auto_decompress=False,
            max_line_size=_MAX_LINE,
            max_field_size=_MAX_LINE,
            timeout=aiohttp.ClientTimeout(total=None),
            response_class=_Response,
        )
        # Else aiohttp sends GET/PUT/DELETE again, unasked, when a connection drops.
        if hasattr(session, "_retry_connection"):
            session._retry_connection = False
        self._session = session
        return session

    def _timeout(self, phases: dict[str, float | None]) -> aiohttp.ClientTimeout:
        connect, read, pool = phases.get("connect"), phases.get("read"), phases.get("pool")
        key = (connect, read, pool)
        timeout = self._timeouts.get(key)
        if timeout is None:
            acquire = None if connect is None or pool is None else connect + pool
            timeout = aiohttp.ClientTimeout(
                total=None, connect=acquire, sock_connect=connect, sock_read=read
            )
            if len(self._timeouts) < 64:
                self._timeouts[key] = timeout
        return timeout

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        session = self._session or self._open_session()
        headers = request.headers
        data: bytes | AsyncIterator[bytes] | None
        try:
            data = request.content or None
        except httpx.RequestNotRead:
            data = _aiter(request.stream)
            headers = headers.copy()
            headers.pop("transfer-encoding", None)  # aiohttp frames a streamed body itself
        proxy = self.proxy
        proxy_auth = None if proxy is None or proxy.auth is None else aiohttp.BasicAuth(*proxy.auth)
        url = URL(str(request.url), encoded=True)
        if url.user is not None:  # httpx has made it a header; aiohttp refuses both at once
            url = url.with_user(None)
        try:
            response = await session.request(
                request.method,
                url,
                headers=CIMultiDict(headers.multi_items()),
                data=data,
                allow_redirects=False,
                timeout=self._timeout(request.extensions.get("timeout", {})),
                server_hostname=request.extensions.get("sni_hostname"),
                proxy=None if proxy is None else str(proxy.url),
                proxy_auth=proxy_auth,
                proxy_headers=None if proxy is None else proxy.headers,
            )
        except Exception as error:
            translated = translate_error(error)
            if translated is not None:
                raise translated from error
            if isinstance(error, ValueError):  # e.g. a control character in a header value
                raise httpx.LocalProtocolError(f"the request cannot be sent: {error}") from error
            raise
        extensions: dict[str, Any] = {"http_version": b"HTTP/1.1"}
        if response.reason:
            extensions["reason_phrase"] = response.reason.encode("utf-8", "replace")
        return httpx.Response(
            response.status,
            headers=response.raw_headers,
            stream=_ResponseBody(response),
            request=request,
            extensions=extensions,
        )

    def forget_connections(self) -> None:
        """In a child after fork(): drop the parent's connections unclosed, as `pool` does."""
        session, self._session = self._session, None
        if session is not None:
            _INHERITED.append(session.connector)
            session.detach()

    async def aclose(self) -> None:
        session, self._session = self._session, None
        if session is not None and not session.closed:
            await session.close()
            await asyncio.sleep(0)  # sockets close on the next turn of the loop


async def _aiter(stream: httpx.AsyncByteStream | httpx.SyncByteStream) -> AsyncIterator[bytes]:
    if isinstance(stream, httpx.AsyncByteStream):
        async for chunk in stream:
            yield chunk
    else:
        for chunk in stream:
            yield chunk
