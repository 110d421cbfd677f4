"""Sending one raw request to a server and reading the parts of the answer that are compared."""

from __future__ import annotations

import contextlib
import json
import select
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from honcho_client._http.pool import server_may_close

from ._cassette import WATCHED_HEADERS

# One TLS context for every client: building one per client costs a lot, and clients are
# renewed after errors (the servers here are plain HTTP on localhost anyway).
_TLS = ssl.create_default_context()


@dataclass(frozen=True)
class Answer:
    """What a server answered: status, the watched headers and the decoded body."""

    status: int
    headers: dict[str, str]
    body_kind: str  # "json" or "text"
    body: Any
    # For a 5xx: whether the server closed the connection after it (else not looked at).
    closed: bool | None = None


class Wire:
    """An HTTP/1.1 client for one server that sends request targets byte for byte."""

    def __init__(self, base_url: str, timeout: float = 60.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._client = self._new_client()

    def _new_client(self) -> httpx.Client:
        return httpx.Client(timeout=self._timeout, follow_redirects=False, verify=_TLS)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Wire:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def send(
        self, method: str, target: str, headers: Mapping[str, str], content: bytes | None
    ) -> Answer:
        url = httpx.URL(self.base_url, raw_path=target.encode("ascii"))
        request = self._client.build_request(method, url, headers=dict(headers), content=content)
        try:
            response = self._client.send(request)
        except (httpx.RemoteProtocolError, httpx.ReadError):
            # the server closed a kept-alive connection before reading this request
            self._renew()
            response = self._client.send(request)
        closed = was_closed(response) if response.status_code >= 500 else None
        if server_may_close(response.status_code, response.headers.get("content-type", "")):
            self._renew()  # the server may drop a kept-alive connection after those
        answer = read_answer(response)
        return Answer(answer.status, answer.headers, answer.body_kind, answer.body, closed)

    def _renew(self) -> None:
        self._client.close()
        self._client = self._new_client()


def read_answer(response: httpx.Response) -> Answer:
    headers = {name: response.headers[name] for name in WATCHED_HEADERS if name in response.headers}
    raw = response.content
    kind, body = "text", raw.decode("utf-8", errors="replace")
    if response.headers.get("content-type", "").startswith("application/json") and raw:
        with contextlib.suppress(ValueError):
            kind, body = "json", json.loads(raw)
    return Answer(response.status_code, headers, kind, body)


def was_closed(response: httpx.Response, wait: float = 1.0) -> bool | None:
    """Whether the server closed the connection after ``response`` (read in full).

    ``None`` when there is no socket to look at.
    """
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    sock = stream.get_extra_info("socket")
    if not isinstance(sock, socket.socket) or sock.fileno() < 0:
        return True  # the client closed it, as the response asked
    try:
        readable, _, _ = select.select([sock], [], [], wait)
        return bool(readable) and sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True
