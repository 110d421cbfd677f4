"""A small forward HTTP proxy on 127.0.0.1 that records what it forwarded.

It speaks the two forms clients use with a proxy: `CONNECT host:port` (a tunnel, for https
targets: bytes are relayed both ways untouched) and absolute-form requests such as
`GET http://host:port/path HTTP/1.1` (for http targets: the request is sent on with an
origin-form target, and the answer streamed back). Each client connection carries one request
or one tunnel; the proxy answers `Connection: close` and then closes it.

`hosts` maps names to addresses that only the proxy knows, so a test can use a name such as
`honcho.test` that a client can reach through the proxy and nowhere else::

    with ForwardProxy(hosts={"honcho.test": "127.0.0.1"}) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        ...
        assert proxy.forwarded[0].method == "CONNECT"

Like `FaultServer`, it serves every connection in a thread of its own, so sync and async tests
(asyncio, uvloop, trio) can use it alike; every wait is bounded, and leaving the `with` block
ends every tunnel and request in flight.
"""

from __future__ import annotations

import contextlib
import select
import socket
import socketserver
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["ForwardProxy", "Forwarded"]

_POLL = 0.05
_TIMEOUT = 10.0
_MAX_HEAD = 64 * 1024
# Hop-by-hop headers: they describe the client's connection to the proxy, not the request.
_HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "proxy-authorization", "te"}


@dataclass(frozen=True)
class Forwarded:
    """One request the proxy forwarded: `CONNECT honcho.test:443`, or `GET <absolute URL>`."""

    method: str
    target: str
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def host(self) -> str:
        """The host (and port) the request went to."""
        if self.method == "CONNECT":
            return self.target
        return urlsplit(self.target).netloc


class ForwardProxy:
    """Threaded forward proxy on 127.0.0.1 (see the module docstring)."""

    def __init__(self, *, hosts: Mapping[str, str] | None = None) -> None:
        self.hosts = dict(hosts or {})
        self._lock = threading.Lock()
        self._forwarded: list[Forwarded] = []
        self._errors: list[str] = []
        self._stop = threading.Event()
        self._sockets: set[socket.socket] = set()
        serve = self._serve

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                serve(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": _POLL}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def forwarded(self) -> list[Forwarded]:
        with self._lock:
            return list(self._forwarded)

    @property
    def errors(self) -> list[str]:
        """Requests the proxy could not forward, and why."""
        with self._lock:
            return list(self._errors)

    def __enter__(self) -> ForwardProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop accepting, and end every tunnel and request in flight."""
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        self._thread.join(5.0)

    # -- serving -----------------------------------------------------------------------------

    def _serve(self, client: socket.socket) -> None:
        upstream: socket.socket | None = None
        with self._lock:
            self._sockets.add(client)
        try:
            client.settimeout(_TIMEOUT)
            head, rest = _read_head(client)
            if not head:
                return
            lines = head.decode("latin-1").split("\r\n")
            method, target, _version = lines[0].split(" ", 2)
            headers = dict(
                (name.strip().lower(), value.strip())
                for name, value in (line.split(":", 1) for line in lines[1:] if ":" in line)
            )
            if method == "CONNECT":
                host, _, port = target.rpartition(":")
                upstream = self._connect(host, int(port))
                self._record(Forwarded(method, target, headers))
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                if rest:
                    upstream.sendall(rest)
                self._relay(client, upstream)
                return
            url = urlsplit(target)
            if url.scheme != "http" or not url.hostname:
                client.sendall(_status(400, "an absolute http:// URL is expected"))
                return
            length = int(headers.get("content-length", "0"))
            body = rest
            while len(body) < length:
                chunk = client.recv(65536)
                if not chunk:
                    return
                body += chunk
            upstream = self._connect(url.hostname, url.port or 80)
            self._record(Forwarded(method, target, headers))
            path = url.path or "/"
            kept = [line for line in lines[1:] if line and line.split(":", 1)[0].strip().lower()
                    not in _HOP_BY_HOP]  # fmt: skip
            upstream.sendall(
                f"{method} {path}{'?' + url.query if url.query else ''} HTTP/1.1\r\n".encode()
                + "".join(f"{line}\r\n" for line in kept).encode("latin-1")
                + b"Connection: close\r\n\r\n"
                + body
            )
            answer, after = _read_head(upstream)
            if not answer:
                client.sendall(_status(502, "the server closed without answering"))
                return
            answer_lines = answer.decode("latin-1").split("\r\n")
            kept = [answer_lines[0]] + [
                line for line in answer_lines[1:]
                if line and line.split(":", 1)[0].strip().lower() != "connection"
            ]  # fmt: skip
            client.sendall(
                "".join(f"{line}\r\n" for line in kept).encode("latin-1")
                + b"Connection: close\r\n\r\n"
                + after
            )
            self._relay(upstream, client, one_way=True)
        except (OSError, ValueError) as error:
            with self._lock:
                self._errors.append(f"{type(error).__name__}: {error}")
            with contextlib.suppress(OSError):
                client.sendall(_status(502, str(error)))
        finally:
            for sock in (client, upstream):
                if sock is not None:
                    with contextlib.suppress(OSError):
                        sock.close()
            with self._lock:
                self._sockets.discard(client)
                if upstream is not None:
                    self._sockets.discard(upstream)

    def _connect(self, host: str, port: int) -> socket.socket:
        address = self.hosts.get(host.strip("[]"), host)
        upstream = socket.create_connection((address, port), timeout=_TIMEOUT)
        with self._lock:
            self._sockets.add(upstream)
        return upstream

    def _record(self, forwarded: Forwarded) -> None:
        with self._lock:
            self._forwarded.append(forwarded)

    def _relay(self, a: socket.socket, b: socket.socket, *, one_way: bool = False) -> None:
        """Copy bytes a -> b (and b -> a unless `one_way`) until a side closes."""
        pairs = {a: b} if one_way else {a: b, b: a}
        while not self._stop.is_set():
            readable, _, _ = select.select(list(pairs), [], [], _POLL)
            for source in readable:
                data = source.recv(65536)
                if not data:
                    with contextlib.suppress(OSError):
                        pairs[source].shutdown(socket.SHUT_WR)
                    return
                pairs[source].sendall(data)


def _read_head(sock: socket.socket) -> tuple[bytes, bytes]:
    """The head of a request or answer (up to its blank line), and the bytes read past it."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return b"", b""
        data += chunk
        if len(data) > _MAX_HEAD:
            raise ValueError("head too long")
    head, _, rest = data.partition(b"\r\n\r\n")
    return head, rest


def _status(code: int, reason: str) -> bytes:
    body = reason.encode()
    return (
        f"HTTP/1.1 {code} Proxy Error\r\ncontent-type: text/plain\r\n"
        f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
    ).encode() + body
