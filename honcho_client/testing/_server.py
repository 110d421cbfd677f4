"""A real HTTP/1.1 server for the fake (stdlib ``ThreadingHTTPServer``).

Keep-alive with ``Content-Length`` bodies; streamed chat answers go out with chunked
transfer encoding, one HTTP chunk per piece. Each connection has its own thread; the
state is guarded by the store lock. Queued connection faults act on the socket itself:
a drop closes it unanswered, a reset sends half the head then a TCP RST, a truncation
closes it after part of the body, and a stall waits before the first byte.
"""

from __future__ import annotations

import contextlib
import io
import socket
import struct
import sys
import threading
import time
import traceback
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from ._dispatch import Dispatcher
from ._http import FakeResponse


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], dispatcher: Dispatcher, log: bool) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.dispatcher = dispatcher
        self.log_requests = log
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return  # the client went away or the server is closing
        super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FakeHoncho"
    disable_nagle_algorithm = True  # avoid 40 ms delayed-ACK stalls between writes
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log_requests:
            super().log_message(format, *args)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            parts: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass  # trailers
                    return b"".join(parts)
                parts.append(self.rfile.read(size))
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _dispatch(self) -> None:
        target = self.path
        if not target.startswith("/"):  # absolute-form request target
            parts = urlsplit(target)
            target = parts.path + (f"?{parts.query}" if parts.query else "")
        body = self._read_body()
        dispatcher = self.server.dispatcher
        delay = dispatcher.delay_for(self.command, target)
        if delay:
            time.sleep(delay)
        try:
            answer = dispatcher.handle(self.command, target, "", self.headers.items(), body)
        except Exception:
            traceback.print_exc(file=sys.stderr)
            self._send_plain(500, b"Internal Server Error")
            return
        fault = answer.fault
        if fault is not None and fault.kind == "stall":
            time.sleep(fault.seconds)
        elif fault is not None and fault.kind == "drop":
            self.close_connection = True
            return
        elif fault is not None and fault.kind == "reset":
            head = self._head(answer)
            self._reset_after(head[: len(head) // 2])
            return
        limit = fault.after_bytes if fault is not None and fault.kind == "truncate" else None
        self._send(answer, limit)

    def _head(self, answer: FakeResponse) -> bytes:
        """The status line and headers of ``answer``, as they would go on the wire."""
        lines = [f"{self.protocol_version} {answer.status} {_phrase(answer.status)}"]
        lines += [f"{name}: {value}" for name, value in answer.headers]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _reset_after(self, data: bytes) -> None:
        """Send ``data``, then reset the connection (RST, not an orderly close)."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.wfile.write(data)
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.rfile.close()
            self.wfile.close()
            self.connection.close()
        # The handler flushes and closes these after the request: give it harmless stand-ins.
        self.rfile, self.wfile = io.BytesIO(), io.BytesIO()

    def _send(self, answer: FakeResponse, limit: int | None) -> None:
        """Send ``answer``; with ``limit``, stop after that many body bytes and close."""
        self.send_response(answer.status)
        for name, value in answer.headers:
            self.send_header(name, value)
        if answer.close:
            # Like upstream after a crash: close once sent, without a Connection: close header.
            self.close_connection = True
        if isinstance(answer.body, bytes):
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body if limit is None else answer.body[:limit])
            if limit is not None and limit < len(answer.body):
                self.close_connection = True
            return
        self.send_header("transfer-encoding", "chunked")
        self.end_headers()
        sent = 0
        for chunk in answer.body:
            if limit is not None and sent + len(chunk) > limit:
                chunk = chunk[: limit - sent]
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
                self.close_connection = True
                return
            if chunk:
                sent += len(chunk)
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _send_plain(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("content-type", "text/plain; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = _dispatch


class FakeServer:
    """A FakeHoncho served over HTTP on a background thread; use as a context manager.

    Attributes:
        host, port: where it listens (``port`` is the real one when 0 was asked).
        url: the base URL, e.g. ``http://127.0.0.1:53211``.
    """

    def __init__(
        self, dispatcher: Dispatcher, host: str = "127.0.0.1", port: int = 0, log: bool = False
    ) -> None:
        self._httpd = _HTTPServer((host, port), dispatcher, log)
        self.host = host
        self.port: int = self._httpd.server_address[1]
        self.url = f"http://{f'[{host}]' if ':' in host else host}:{self.port}"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.01},
            name=f"FakeHoncho server {self.url}",
            daemon=True,
        )
        self._thread.start()
        self._closed = False

    def close(self) -> None:
        """Stop serving and drop open keep-alive connections (idempotent)."""
        if self._closed:
            return
        self._closed = True
        self._httpd.shutdown()
        self._httpd.server_close()
        with self._httpd.connections_lock:
            connections = list(self._httpd.connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        self._thread.join()

    def __enter__(self) -> FakeServer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<FakeServer {self.url}{' closed' if self._closed else ''}>"
