"""A small fault-injecting HTTP/1.1 server for transport tests.

It listens on a free port of 127.0.0.1, serves every connection in a background thread and
speaks enough HTTP/1.1 for httpx: request bodies by ``Content-Length`` or chunked, keep-alive
(several requests per connection), answers with ``Content-Length`` or chunked bodies. Because
it runs in threads it can be used from sync and async tests alike.

Usage::

    with FaultServer() as srv:
        srv.route("POST", "/v1/apps", json_body={"id": "app_1"})        # default answer
        srv.enqueue(
            "POST", "/v1/apps",
            Fault.read_hang(seconds=2),                                  # 1st request
            Fault.status(503, retry_after=1),                            # 2nd request
        )                                                                # 3rd+: the route default
        srv.enqueue_connection(Fault.drop_before_read())                 # next new connection
        srv.route("GET", "/v1/slow", Fault.jitter(0.0, 0.01, then=Fault.status(200)))  # 0-10 ms
        srv.route("GET", "/v1/odd", Fault.raw(b"HTTP/1.1 200 OK\r\nContent-", reset=True))
        httpx.post(f"{srv.url}/v1/apps", json={})
        srv.count("POST", "/v1/apps")
        srv.requests[-1].json()

Routing is by ``(METHOD, path)``; the query string is ignored for matching (it is kept in
``ReceivedRequest.target``). A request is answered by the next action queued for its route
(``enqueue``), else by the route default (``route``), else by the server fallback
(404 ``{"detail": "Not Found"}`` unless ``FaultServer(fallback=...)`` says otherwise).

Connection actions (``enqueue_connection``) act on newly *accepted* connections, so use a
fresh client (or one without a pooled connection) when a test relies on them.

All recorded times (``ReceivedRequest.received_at``, ``Stream.sent_at``) are
``time.monotonic()`` values, comparable with ``time.monotonic()`` taken in the test.

Every wait is bounded and watches the stop flag; ``stop()`` shuts all client sockets down,
so it returns promptly even with hanging handlers or idle keep-alive connections.
"""

from __future__ import annotations

import contextlib
import email.utils
import enum
import json
import random
import select
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from types import TracebackType
from typing import Any, Final, TypeAlias

import httpx

__all__ = [
    "ConnectionAction",
    "DropAfterRead",
    "DropBeforeRead",
    "Fault",
    "FaultServer",
    "Hang",
    "HangBeforeRead",
    "Jitter",
    "Raw",
    "ReceivedRequest",
    "RequestAction",
    "Respond",
    "Stream",
    "Truncated",
    "http_date",
    "refused_url",
]

HeadersArg: TypeAlias = "Mapping[str, str] | Sequence[tuple[str, str]] | None"

POLL_SECONDS: Final = 0.05
"""Granularity of every internal wait (how fast the server notices ``stop()``)."""
MAX_HANG_SECONDS: Final = 120.0
"""Upper bound for an open-ended hang; the connection is then closed without an answer."""
SEND_TIMEOUT_SECONDS: Final = 10.0
DRAIN_SECONDS: Final = 2.0
MAX_HEADER_BYTES: Final = 64 * 1024
MAX_BODY_BYTES: Final = 64 * 1024 * 1024


class _Missing(enum.Enum):
    MISSING = enum.auto()


_MISSING: Final = _Missing.MISSING


# --------------------------------------------------------------------------------------------
# Actions
# --------------------------------------------------------------------------------------------


class RequestAction:
    """What to do with a request once it has been read completely."""

    __slots__ = ()


class ConnectionAction:
    """What to do with a newly accepted connection before anything is read from it."""

    __slots__ = ()


@dataclass(frozen=True)
class Respond(RequestAction):
    """Answer with ``status``, ``headers`` and ``body`` (``Content-Length`` is added)."""

    status: int
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    close_after: float | None = None
    """Close the connection this long after answering, without having said `Connection: close`
    (as uvicorn does after a 500); None keeps it open."""


@dataclass(frozen=True)
class Hang(RequestAction):
    """Wait ``seconds`` after reading the request, then perform ``then`` (default: the route
    default; if that is a hang too, the connection is closed). ``seconds=None`` never answers: the connection is closed when the server stops
    (or after ``MAX_HANG_SECONDS``). The wait ends early when the client closes the connection.
    """

    seconds: float | None
    then: RequestAction | None = None


@dataclass(frozen=True)
class DropAfterRead(RequestAction):
    """Read the whole request, then close without answering (FIN; RST when ``reset``)."""

    reset: bool = False


@dataclass(frozen=True)
class Truncated(RequestAction):
    """Announce ``declared_length`` bytes in ``Content-Length``, send ``body``, then close."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    declared_length: int


@dataclass(frozen=True)
class Raw(RequestAction):
    """Send ``data`` exactly as given (any bytes: a cut header block, a bad status line, a chunk
    cut short), then close the connection (FIN; RST when ``reset``)."""

    data: bytes
    reset: bool = False


@dataclass(eq=False)
class Jitter(RequestAction):
    """Wait a random time between ``low`` and ``high`` seconds (drawn from ``rng``), then
    perform ``then``. Like :class:`Hang`, the wait ends early when the client leaves."""

    low: float
    high: float
    then: RequestAction
    rng: random.Random
    lock: threading.Lock = field(default_factory=threading.Lock)

    def seconds(self) -> float:
        with self.lock:
            return self.rng.uniform(self.low, self.high)


@dataclass(eq=False)
class Stream(RequestAction):
    """A chunked response: ``chunks`` sent one by one, ``interval`` seconds apart.

    ``first_delay`` is waited after the header block and before the first chunk. With
    ``cut_after=k`` only the first ``k`` chunks are sent and the connection is then closed
    without the terminating zero-size chunk. ``sent_at`` receives the monotonic time at which
    each chunk was written, taken just before the write, so a client's receive time is never
    earlier (the list accumulates when the action is used several times).
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    chunks: tuple[bytes, ...]
    interval: float
    first_delay: float = 0.0
    cut_after: int | None = None
    sent_at: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class DropBeforeRead(ConnectionAction):
    """Close an accepted connection without reading the request.

    By default the server sends FIN at once and discards whatever the client sends, so the
    client reliably sees a clean "server disconnected without sending a response"
    (httpx.RemoteProtocolError). With ``reset=True`` the server waits (up to 2 s) until the
    request's first bytes have arrived and then closes with RST, so the client, now waiting
    for the answer, sees "connection reset by peer" (httpx.ReadError).
    """

    reset: bool = False


@dataclass(frozen=True)
class HangBeforeRead(ConnectionAction):
    """Accept a connection and never read from it; close it after ``seconds`` (None: at stop)."""

    seconds: float | None = None


def _header_pairs(headers: HeadersArg) -> tuple[tuple[str, str], ...]:
    if headers is None:
        return ()
    if isinstance(headers, Mapping):
        return tuple((str(k), str(v)) for k, v in headers.items())
    return tuple((str(k), str(v)) for k, v in headers)


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _to_bytes(data: bytes | str) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _nginx_page(status: int) -> bytes:
    title = f"{status} {_reason(status)}"
    return (
        f"<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n"
        f"<center><h1>{title}</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n"
        "</body>\r\n</html>\r\n"
    ).encode()


def http_date(offset_seconds: float = 0.0) -> str:
    """An IMF-fixdate (e.g. for ``Retry-After``) ``offset_seconds`` from now."""
    return email.utils.formatdate(time.time() + offset_seconds, usegmt=True)


def refused_url(host: str = "127.0.0.1") -> str:
    """URL of a local port where nothing listens (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port = sock.getsockname()[1]
    return f"http://{host}:{port}"


class Fault:
    """Constructors for the actions understood by :class:`FaultServer`."""

    @staticmethod
    def status(
        code: int,
        *,
        json_body: Any = _MISSING,
        body: bytes | str | None = None,
        html: bool = False,
        content_type: str | None = None,
        headers: HeadersArg = None,
        retry_after: float | str | None = None,
        retry_after_ms: float | None = None,
        close_after: float | None = None,
    ) -> Respond:
        """An ordinary response.

        The body is, in order of precedence: ``html=True`` -> an nginx-style error page
        (``text/html``) unless ``body`` is given; ``body`` as is (``text/plain`` for str,
        ``application/octet-stream`` for bytes); ``json_body`` serialised; nothing for
        1xx/204/304; otherwise ``{"detail": "<reason phrase>"}``. ``content_type`` overrides the
        Content-Type. ``retry_after`` (seconds, or a string such as :func:`http_date`) sets
        ``Retry-After``; ``retry_after_ms`` sets ``retry-after-ms``.
        """
        payload: bytes
        ctype: str | None
        if html:
            payload = _to_bytes(body) if body is not None else _nginx_page(code)
            ctype = "text/html"
        elif body is not None:
            payload = _to_bytes(body)
            ctype = "text/plain; charset=utf-8" if isinstance(body, str) else None
            ctype = ctype or "application/octet-stream"
        elif json_body is not _MISSING:
            payload = json.dumps(json_body).encode()
            ctype = "application/json"
        elif code < 200 or code in (204, 304):
            payload, ctype = b"", None
        else:
            payload = json.dumps({"detail": _reason(code)}).encode()
            ctype = "application/json"
        pairs: list[tuple[str, str]] = []
        if content_type is not None or ctype is not None:
            pairs.append(("Content-Type", content_type or ctype or ""))
        if retry_after is not None:
            value = retry_after if isinstance(retry_after, str) else _number(retry_after)
            pairs.append(("Retry-After", value))
        if retry_after_ms is not None:
            pairs.append(("retry-after-ms", _number(retry_after_ms)))
        return Respond(code, (*pairs, *_header_pairs(headers)), payload, close_after)

    @staticmethod
    def validation_error(
        loc: Sequence[str | int] = ("body",),
        msg: str = "Field required",
        error_type: str = "missing",
        *,
        input_value: Any = None,
    ) -> Respond:
        """422 with a FastAPI/pydantic-v2 shaped body:
        ``{"detail": [{"type", "loc", "msg", "input"}]}``."""
        error = {"type": error_type, "loc": list(loc), "msg": msg, "input": input_value}
        return Fault.status(422, json_body={"detail": [error]})

    @staticmethod
    def read_hang(seconds: float | None = None, then: RequestAction | None = None) -> Hang:
        """Read the request, then wait ``seconds`` (None: never answer) before ``then``."""
        return Hang(seconds, then)

    @staticmethod
    def drop_after_read() -> DropAfterRead:
        """Read the request, close without a response (httpx: RemoteProtocolError)."""
        return DropAfterRead(reset=False)

    @staticmethod
    def reset_after_read() -> DropAfterRead:
        """Read the request, then reset the connection (httpx: ReadError)."""
        return DropAfterRead(reset=True)

    @staticmethod
    def raw(data: bytes | str, *, reset: bool = False) -> Raw:
        """Send these bytes as the whole answer, then close (reset with ``reset=True``)."""
        return Raw(_to_bytes(data), reset)

    @staticmethod
    def jitter(low: float, high: float, *, then: RequestAction, seed: int = 0) -> Jitter:
        """Wait a random ``low``-``high`` seconds (seeded) before ``then``, per request."""
        if not 0 <= low <= high:
            raise ValueError("need 0 <= low <= high")
        return Jitter(low, high, then, random.Random(seed))

    @staticmethod
    def drop_before_read() -> DropBeforeRead:
        """Connection action: close before reading (httpx: RemoteProtocolError)."""
        return DropBeforeRead(reset=False)

    @staticmethod
    def reset_before_read() -> DropBeforeRead:
        """Connection action: reset once the request arrived, unread (httpx: ReadError)."""
        return DropBeforeRead(reset=True)

    @staticmethod
    def hang_before_read(seconds: float | None = None) -> HangBeforeRead:
        """Connection action: accept but never read; close after ``seconds`` (None: at stop)."""
        return HangBeforeRead(seconds)

    @staticmethod
    def truncated_body(
        body: bytes | str = b'{"id": "app_1", "name": "tru',
        *,
        declared_length: int | None = None,
        status: int = 200,
        content_type: str = "application/json",
        headers: HeadersArg = None,
    ) -> Truncated:
        """``Content-Length`` larger than the bytes sent (default: +64), then close."""
        payload = _to_bytes(body)
        declared = len(payload) + 64 if declared_length is None else declared_length
        if declared <= len(payload):
            raise ValueError("declared_length must exceed the number of bytes sent")
        pairs = (("Content-Type", content_type), *_header_pairs(headers))
        return Truncated(status, pairs, payload, declared)

    @staticmethod
    def malformed_json(
        body: bytes | str = b'{"id": "app_1", "name": }',
        *,
        status: int = 200,
        headers: HeadersArg = None,
    ) -> Respond:
        """A complete response (correct ``Content-Length``) whose JSON body does not parse."""
        return Fault.status(status, body=body, content_type="application/json", headers=headers)

    @staticmethod
    def stream(
        chunks: Iterable[bytes | str],
        *,
        interval: float = 0.1,
        first_delay: float = 0.0,
        content_type: str = "text/event-stream",
        status: int = 200,
        headers: HeadersArg = None,
        cut_after: int | None = None,
    ) -> Stream:
        """A ``Transfer-Encoding: chunked`` response, one chunk per element, ``interval``
        seconds apart; ``cut_after=k`` closes after ``k`` chunks without the final 0-chunk."""
        data = tuple(_to_bytes(chunk) for chunk in chunks)
        if any(not chunk for chunk in data):
            raise ValueError("empty chunks are not allowed (a 0-size chunk ends the body)")
        if cut_after is not None and cut_after < 0:
            raise ValueError("cut_after must be >= 0")
        pairs = (
            ("Content-Type", content_type),
            ("Cache-Control", "no-cache"),
            *_header_pairs(headers),
        )
        return Stream(status, pairs, data, interval, first_delay, cut_after)


# --------------------------------------------------------------------------------------------
# Received requests
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class ReceivedRequest:
    """A request as received: ``target`` is the raw request target (path plus query)."""

    method: str
    target: str
    headers: httpx.Headers
    body: bytes
    received_at: float
    """``time.monotonic()`` when the request had been read completely."""
    connection_id: int
    """Sequence number of the connection it arrived on (0, 1, ...)."""
    http_version: str = "HTTP/1.1"

    @property
    def path(self) -> str:
        """The target without its query string."""
        return self.target.partition("?")[0]

    @property
    def query(self) -> str:
        """The raw query string (without ``?``), or ``""``."""
        return self.target.partition("?")[2]

    def json(self) -> Any:
        return json.loads(self.body)


# --------------------------------------------------------------------------------------------
# Server internals
# --------------------------------------------------------------------------------------------


class _Stopped(Exception):
    pass


class _Timeout(Exception):
    pass


class _ClientGone(Exception):
    pass


class _BadRequest(Exception):
    pass


class _After(enum.Enum):
    KEEP = "keep"
    CLOSE = "close"
    RESET = "reset"


class _Reader:
    """Buffered, stop-aware, deadline-bounded reads from a socket."""

    def __init__(self, sock: socket.socket, stop: threading.Event) -> None:
        self._sock = sock
        self._stop = stop
        self._buf = bytearray()

    def _fill(self, deadline: float) -> bool:
        """Read more bytes into the buffer; False on EOF."""
        while True:
            if self._stop.is_set():
                raise _Stopped
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Timeout
            readable, _, _ = select.select([self._sock], [], [], min(POLL_SECONDS, remaining))
            if readable:
                data = self._sock.recv(65536)
                if not data:
                    return False
                self._buf += data
                return True

    def wait_for_data(self, deadline: float) -> bool:
        """True once at least one byte is buffered, False on EOF."""
        return bool(self._buf) or self._fill(deadline)

    def read_until(self, delim: bytes, limit: int, deadline: float) -> bytes:
        start = 0
        while True:
            index = self._buf.find(delim, start)
            if index >= 0:
                out = bytes(self._buf[:index])
                del self._buf[: index + len(delim)]
                return out
            if len(self._buf) > limit:
                raise _BadRequest("line or header block too long")
            start = max(0, len(self._buf) - len(delim) + 1)
            if not self._fill(deadline):
                raise _ClientGone

    def read_exact(self, size: int, deadline: float) -> bytes:
        while len(self._buf) < size:
            if not self._fill(deadline):
                raise _ClientGone
        out = bytes(self._buf[:size])
        del self._buf[:size]
        return out


def _response_head(
    status: int, headers: Sequence[tuple[str, str]], content_length: int | None
) -> bytes:
    names = {name.lower() for name, _ in headers}
    lines = [f"HTTP/1.1 {status} {_reason(status)}"]
    if "date" not in names:
        lines.append(f"Date: {http_date()}")
    if "server" not in names:
        lines.append("Server: faultserver")
    if (
        content_length is not None
        and "content-length" not in names
        and "transfer-encoding" not in names
    ):
        lines.append(f"Content-Length: {content_length}")
    lines.extend(f"{name}: {value}" for name, value in headers)
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def _has_body(method: str, status: int) -> bool:
    return method != "HEAD" and status >= 200 and status not in (204, 304)


def _close_socket(sock: socket.socket, after: _After) -> None:
    try:
        if after is _After.RESET:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            sock.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    sock.close()


class FaultServer:
    """Threaded HTTP/1.1 server on 127.0.0.1 with scriptable faults (see module docstring)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        fallback: RequestAction | None = None,
        idle_timeout: float = 30.0,
        request_timeout: float = 10.0,
    ) -> None:
        self.host = host
        self.port = 0
        self._fallback: RequestAction = (
            fallback
            if fallback is not None
            else Fault.status(404, json_body={"detail": "Not Found"})
        )
        self._idle_timeout = idle_timeout
        self._request_timeout = request_timeout
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._stop = threading.Event()
        self._routes: dict[tuple[str, str], RequestAction] = {}
        self._queues: dict[tuple[str, str], deque[RequestAction]] = {}
        self._connection_queue: deque[ConnectionAction] = deque()
        self._requests: list[ReceivedRequest] = []
        self._errors: list[str] = []
        self._connections = 0
        self._sockets: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        self._listener: socket.socket | None = None
        self._acceptor: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:PORT`` (no trailing slash)."""
        if not self.port:
            raise RuntimeError("FaultServer is not started")
        return f"http://{self.host}:{self.port}"

    def start(self) -> FaultServer:
        if self._listener is not None:
            raise RuntimeError("FaultServer already started")
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.bind((self.host, 0))
        listener.listen(128)
        listener.settimeout(POLL_SECONDS)
        self._listener = listener
        self.port = listener.getsockname()[1]
        self._acceptor = threading.Thread(
            target=self._accept_loop, name=f"faultserver-{self.port}", daemon=True
        )
        self._acceptor.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop accepting, shut every client socket down and join the threads (bounded)."""
        if self._listener is None or self._stop.is_set():
            return
        deadline = time.monotonic() + timeout
        self._stop.set()
        if self._acceptor is not None:
            self._acceptor.join(timeout)
        self._listener.close()
        with self._lock:
            sockets = list(self._sockets)
            threads = list(self._threads)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- scripting ---------------------------------------------------------------------------

    @staticmethod
    def _key(method: str, path: str) -> tuple[str, str]:
        if "?" in path:
            raise ValueError("routes match the path only; leave the query string out")
        return method.upper(), path

    def route(
        self,
        method: str,
        path: str,
        action: RequestAction | None = None,
        *,
        status: int = 200,
        json_body: Any = _MISSING,
        body: bytes | str | None = None,
        content_type: str | None = None,
        headers: HeadersArg = None,
    ) -> None:
        """Set the default answer of a route: ``action`` if given, else a response built
        like :meth:`Fault.status` (``json_body`` defaults to ``{}``)."""
        if action is None:
            if json_body is _MISSING and body is None:
                json_body = {}
            action = Fault.status(
                status, json_body=json_body, body=body, content_type=content_type, headers=headers
            )
        with self._lock:
            self._routes[self._key(method, path)] = action

    def enqueue(self, method: str, path: str, *actions: RequestAction) -> None:
        """One-shot actions, consumed in order by the next matching requests."""
        with self._lock:
            self._queues.setdefault(self._key(method, path), deque()).extend(actions)

    def enqueue_connection(self, *actions: ConnectionAction) -> None:
        """One-shot actions, consumed in order by the next accepted connections."""
        with self._lock:
            self._connection_queue.extend(actions)

    def pending(self, method: str, path: str) -> int:
        """Number of queued actions for the route not consumed yet."""
        with self._lock:
            return len(self._queues.get(self._key(method, path), ()))

    # -- observation -------------------------------------------------------------------------

    def count(self, method: str, path: str) -> int:
        """Number of requests completely received for ``(method, path)`` (query ignored)."""
        key = self._key(method, path)
        with self._lock:
            return sum(1 for r in self._requests if (r.method, r.path) == key)

    @property
    def requests(self) -> list[ReceivedRequest]:
        """Snapshot of every completely received request, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def connections_accepted(self) -> int:
        with self._lock:
            return self._connections

    @property
    def errors(self) -> list[str]:
        """Unexpected exceptions raised in handler threads (should stay empty)."""
        with self._lock:
            return list(self._errors)

    def wait_for_requests(self, n: int, timeout: float = 5.0) -> list[ReceivedRequest]:
        """Block until at least ``n`` requests have been received; TimeoutError otherwise."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._requests) >= n, timeout):
                raise TimeoutError(
                    f"expected {n} requests within {timeout}s, got {len(self._requests)}"
                )
            return list(self._requests)

    # -- accepting ---------------------------------------------------------------------------

    def _accept_loop(self) -> None:
        assert self._listener is not None
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                if self._stop.wait(POLL_SECONDS):
                    break
                continue
            sock.settimeout(SEND_TIMEOUT_SECONDS)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                if self._stop.is_set():
                    sock.close()
                    break
                conn_id = self._connections
                self._connections += 1
                action = self._connection_queue.popleft() if self._connection_queue else None
                thread = threading.Thread(
                    target=self._serve_connection,
                    args=(sock, conn_id, action),
                    name=f"faultserver-{self.port}-conn{conn_id}",
                    daemon=True,
                )
                self._sockets.add(sock)
                self._threads.add(thread)
            thread.start()

    # -- serving -----------------------------------------------------------------------------

    def _serve_connection(
        self, sock: socket.socket, conn_id: int, action: ConnectionAction | None
    ) -> None:
        after = _After.CLOSE
        try:
            if isinstance(action, DropBeforeRead):
                if action.reset:
                    after = _After.RESET
                    self._wait_readable(sock)
                else:
                    sock.shutdown(socket.SHUT_WR)
                    self._drain(sock)
                return
            if isinstance(action, HangBeforeRead):
                limit = MAX_HANG_SECONDS if action.seconds is None else action.seconds
                self._stop.wait(limit)
                return
            reader = _Reader(sock, self._stop)
            while not self._stop.is_set():
                try:
                    request = self._read_request(reader, conn_id)
                except _BadRequest as exc:
                    bad = Fault.status(400, json_body={"detail": f"Bad Request: {exc}"})
                    self._send_response(sock, "GET", bad)
                    return
                if request is None:
                    return
                after = self._perform(self._next_action(request), request, sock)
                if after is _After.KEEP and not self._keep_alive(request):
                    after = _After.CLOSE
                if after is not _After.KEEP:
                    return
        except (_Stopped, _Timeout, _ClientGone, OSError, ValueError):
            pass
        except Exception as exc:  # pragma: no cover - surfaced through .errors
            with self._lock:
                self._errors.append(f"connection {conn_id}: {exc!r}")
        finally:
            _close_socket(sock, _After.RESET if after is _After.RESET else _After.CLOSE)
            with self._lock:
                self._sockets.discard(sock)
                self._threads.discard(threading.current_thread())

    def _wait_readable(self, sock: socket.socket) -> None:
        """Wait (bounded) until the peer has sent something, without reading it."""
        deadline = time.monotonic() + DRAIN_SECONDS
        while not self._stop.is_set() and time.monotonic() < deadline:
            readable, _, _ = select.select([sock], [], [], POLL_SECONDS)
            if readable:
                return

    def _drain(self, sock: socket.socket) -> None:
        """Discard incoming bytes until the peer closes (bounded)."""
        deadline = time.monotonic() + DRAIN_SECONDS
        while not self._stop.is_set() and time.monotonic() < deadline:
            readable, _, _ = select.select([sock], [], [], POLL_SECONDS)
            if readable and not sock.recv(65536):
                return

    def _read_request(self, reader: _Reader, conn_id: int) -> ReceivedRequest | None:
        if not reader.wait_for_data(time.monotonic() + self._idle_timeout):
            return None
        deadline = time.monotonic() + self._request_timeout
        head = reader.read_until(b"\r\n\r\n", MAX_HEADER_BYTES, deadline).lstrip(b"\r\n")
        lines = head.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            raise _BadRequest(f"bad request line {lines[0]!r}")
        method, target, version = parts
        pairs: list[tuple[str, str]] = []
        for line in lines[1:]:
            name, sep, value = line.partition(":")
            if not sep or not name.strip():
                raise _BadRequest(f"bad header line {line!r}")
            pairs.append((name.strip(), value.strip()))
        headers = httpx.Headers(pairs)
        body = self._read_body(reader, headers, deadline)
        request = ReceivedRequest(
            method=method.upper(),
            target=target,
            headers=headers,
            body=body,
            received_at=time.monotonic(),
            connection_id=conn_id,
            http_version=version,
        )
        with self._changed:
            self._requests.append(request)
            self._changed.notify_all()
        return request

    @staticmethod
    def _read_body(reader: _Reader, headers: httpx.Headers, deadline: float) -> bytes:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = bytearray()
            while True:
                size_line = reader.read_until(b"\r\n", 1024, deadline)
                try:
                    size = int(size_line.split(b";", 1)[0].strip(), 16)
                except ValueError:
                    raise _BadRequest(f"bad chunk size {size_line!r}") from None
                if size == 0:
                    while reader.read_until(b"\r\n", MAX_HEADER_BYTES, deadline):
                        pass  # trailers
                    return bytes(body)
                if len(body) + size > MAX_BODY_BYTES:
                    raise _BadRequest("body too large")
                body += reader.read_exact(size, deadline)
                if reader.read_exact(2, deadline) != b"\r\n":
                    raise _BadRequest("chunk not terminated by CRLF")
        length_text = headers.get("content-length")
        if length_text is None:
            return b""
        try:
            length = int(length_text)
        except ValueError:
            raise _BadRequest(f"bad Content-Length {length_text!r}") from None
        if not 0 <= length <= MAX_BODY_BYTES:
            raise _BadRequest(f"unacceptable Content-Length {length}")
        return reader.read_exact(length, deadline)

    @staticmethod
    def _keep_alive(request: ReceivedRequest) -> bool:
        tokens = request.headers.get("connection", "").lower()
        if request.http_version == "HTTP/1.0":
            return "keep-alive" in tokens
        return "close" not in tokens

    def _next_action(self, request: ReceivedRequest) -> RequestAction:
        key = (request.method, request.path)
        with self._lock:
            queue = self._queues.get(key)
            if queue:
                return queue.popleft()
            return self._routes.get(key, self._fallback)

    def _default_action(self, request: ReceivedRequest) -> RequestAction:
        with self._lock:
            return self._routes.get((request.method, request.path), self._fallback)

    def _perform(
        self, action: RequestAction, request: ReceivedRequest, sock: socket.socket
    ) -> _After:
        if isinstance(action, Respond):
            self._send_response(sock, request.method, action)
            if action.close_after is not None:
                self._stop.wait(action.close_after)
                return _After.CLOSE
            closing = any(
                name.lower() == "connection" and "close" in value.lower()
                for name, value in action.headers
            )
            return _After.CLOSE if closing else _After.KEEP
        if isinstance(action, Hang):
            if not self._hang(sock, action.seconds):
                return _After.CLOSE
            if action.then is not None:
                return self._perform(action.then, request, sock)
            follow_up = self._default_action(request)
            if isinstance(follow_up, Hang):
                return _After.CLOSE  # the route default is a hang too: give up here
            return self._perform(follow_up, request, sock)
        if isinstance(action, DropAfterRead):
            return _After.RESET if action.reset else _After.CLOSE
        if isinstance(action, Jitter):
            if not self._hang(sock, action.seconds()):
                return _After.CLOSE
            return self._perform(action.then, request, sock)
        if isinstance(action, Raw):
            sock.sendall(action.data)
            return _After.RESET if action.reset else _After.CLOSE
        if isinstance(action, Truncated):
            head = _response_head(action.status, action.headers, action.declared_length)
            sock.sendall(head + action.body)
            return _After.CLOSE
        if isinstance(action, Stream):
            return self._stream(sock, request.method, action)
        raise TypeError(f"not a request action: {action!r}")

    def _send_response(self, sock: socket.socket, method: str, response: Respond) -> None:
        with_body = _has_body(method, response.status)
        length = len(response.body) if response.status >= 200 else None
        head = _response_head(response.status, response.headers, length)
        sock.sendall(head + response.body if with_body else head)

    def _hang(self, sock: socket.socket, seconds: float | None) -> bool:
        """Wait; True when the time ran out, False if stopped, capped or the client left."""
        limit = MAX_HANG_SECONDS if seconds is None else seconds
        deadline = time.monotonic() + limit
        while True:
            if self._stop.is_set():
                return False
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return seconds is not None
            readable, _, _ = select.select([sock], [], [], min(POLL_SECONDS, remaining))
            if readable:
                if not sock.recv(1, socket.MSG_PEEK):
                    return False  # the client closed the connection
                # Unexpected extra bytes (pipelining): keep waiting without busy-looping.
                if self._stop.wait(min(POLL_SECONDS, remaining)):
                    return False

    def _stream(self, sock: socket.socket, method: str, stream: Stream) -> _After:
        headers = stream.headers
        if not any(name.lower() == "transfer-encoding" for name, _ in headers):
            headers = (*headers, ("Transfer-Encoding", "chunked"))
        sock.sendall(_response_head(stream.status, headers, None))
        if not _has_body(method, stream.status):
            return _After.KEEP
        if stream.first_delay > 0 and self._stop.wait(stream.first_delay):
            return _After.CLOSE
        for index, chunk in enumerate(stream.chunks):
            if stream.cut_after is not None and index >= stream.cut_after:
                break
            if index > 0 and stream.interval > 0 and self._stop.wait(stream.interval):
                return _After.CLOSE
            stream.sent_at.append(time.monotonic())
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        if stream.cut_after is not None:
            return _After.CLOSE
        sock.sendall(b"0\r\n\r\n")
        return _After.KEEP
