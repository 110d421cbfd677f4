"""A small HTTPS server on 127.0.0.1 that answers every request with one JSON body.

For tests that need a TLS endpoint reachable from sync and async clients alike (the
fault-injecting server speaks plain HTTP only). Its certificate comes from a trustme CA, for the
names given::

    with TlsServer(ca, "honcho.test", body={"id": "a1"}) as server:
        server.port, server.requests  # [(method, path, host header), ...]
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import trustme

__all__ = ["RawTcpServer", "TlsServer"]


class TlsServer:
    def __init__(self, ca: trustme.CA, *names: str, body: Any) -> None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*(names or ("127.0.0.1",))).configure_cert(context)
        self.requests: list[tuple[str, str, str]] = []
        answer = json.dumps(body).encode()
        recorded = self.requests

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                recorded.append((self.command, self.path, self.headers.get("host", "")))
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> TlsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5.0)


class RawTcpServer:
    """A TCP server on 127.0.0.1 that, on each connection, reads what the client sends first
    (for a TLS client, its ClientHello), then writes `answer` and closes (RST if `reset`).

    `RawTcpServer(b"HTTP/1.1 400 Bad Request\\r\\n...")` is a plain-HTTP server seen from a client
    speaking TLS to it; `RawTcpServer(b"", reset=True)` breaks off every TLS handshake."""

    def __init__(self, answer: bytes, *, reset: bool = False) -> None:
        self._answer, self._reset = answer, reset
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2.0)
                with contextlib.suppress(OSError):
                    conn.recv(65536)
                    conn.sendall(self._answer)
                    if self._reset:
                        conn.setsockopt(
                            socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                        )

    def __enter__(self) -> RawTcpServer:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(5.0)
        self._listener.close()
