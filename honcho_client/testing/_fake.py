"""``FakeHoncho``: the public face of the in-memory Honcho API 1.1.0 server."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from ._auth import Authenticator
from ._defects import resolve_defects
from ._dispatch import Dispatcher
from ._faults import Faults, PendingFault
from ._http import FakeResponse, HeadersInput, QueryInput, RecordedRequest
from ._log import DEFAULT_LOG_SIZE, RequestLog
from ._responder import Responder, default_responder
from ._server import FakeServer
from ._store import Record, Store
from ._transport import AsyncFakeTransport, FakeTransport

if TYPE_CHECKING:
    from honcho_client import AsyncHoncho, Honcho

DEFAULT_API_KEY = "honcho-fake-key"
DEFAULT_BASE_URL = "http://honcho.test"


@dataclass(frozen=True)
class FakeState:
    """A deep-copied snapshot of everything the fake holds, each table in creation order.

    Records have exactly the shape the API returns (``dict`` per app, user, …).
    Deleted sessions stay (with ``is_active: False``); deleted collections and
    documents are gone.
    """

    apps: tuple[Record, ...]
    users: tuple[Record, ...]
    sessions: tuple[Record, ...]
    messages: tuple[Record, ...]
    metamessages: tuple[Record, ...]
    collections: tuple[Record, ...]
    documents: tuple[Record, ...]


class FakeHoncho:
    """An in-memory implementation of the whole Honcho API 1.1.0, for tests and demos.

    No database, no LLM, no network: state lives in this object. Talk to it through
    :meth:`client` / :meth:`async_client` (SDK clients wired in process),
    :meth:`transport` / :meth:`async_transport` (for your own ``httpx`` clients),
    or :meth:`serve` (a real HTTP server on localhost). It answers like the real server
    v1.1.0: the same statuses, JSON shapes, error details, validation errors and pages,
    the server's known defects included (see ``server_defects``).

    Args:
        require_auth: demand ``Authorization: Bearer <key>`` on every API route
            (401 ``No access token provided`` / ``Invalid JWT`` otherwise), like a server
            run with ``USE_AUTH=true``. Without it, ``POST /v1/keys`` answers 405.
        api_keys: admin keys accepted when ``require_auth`` is on; keys created through
            ``POST /v1/keys`` are accepted too, within their scope.
        responder: computes chat answers from a :class:`ChatContext`; defaults to
            :func:`default_responder` (deterministic, based on the user's messages).
        seed: makes ids (and the key-signing secret) reproducible.
        server_defects: which defects of the real server to mirror: ``True`` (all, the
            default: your tests see what production does), ``False`` (none: the intended
            behaviour), or an iterable of names from :data:`SERVER_DEFECTS`.
        request_log_size: how many of the most recent requests :attr:`request_log` keeps
            (default 1,000); ``None`` keeps all of them, so memory grows with each request.

    Example::

        fake = FakeHoncho()
        client = fake.client()
        app = client.apps.create(name="demo")
        assert fake.apps[0]["id"] == app.id
    """

    def __init__(
        self,
        *,
        require_auth: bool = False,
        api_keys: Iterable[str] = (DEFAULT_API_KEY,),
        responder: Responder | None = None,
        seed: int | None = None,
        server_defects: bool | Iterable[str] = True,
        request_log_size: int | None = DEFAULT_LOG_SIZE,
    ) -> None:
        self.require_auth = require_auth
        self.api_keys: tuple[str, ...] = tuple(api_keys)
        self._defects = resolve_defects(server_defects)
        self._store = Store(seed)
        self._faults = Faults()
        self._log = RequestLog(request_log_size)
        auth = Authenticator(
            self._store,
            self.api_keys,
            require_auth,
            reject_expiring="expiring_keys_rejected" in self._defects,
        )
        self._dispatcher = Dispatcher(
            self._store,
            auth,
            self._faults,
            responder or default_responder,
            self._defects,
            self._log,
        )

    def __repr__(self) -> str:
        counts = ", ".join(f"{name}={len(rows)}" for name, rows in self._store.snapshot().items())
        return f"<FakeHoncho {counts}>"

    # -- wiring ------------------------------------------------------------------------

    @property
    def api_key(self) -> str:
        """The first admin key (what :meth:`client` sends unless given ``api_key``)."""
        return self.api_keys[0] if self.api_keys else DEFAULT_API_KEY

    @property
    def server_defects(self) -> frozenset[str]:
        """The names of the server defects this fake mirrors (see :data:`SERVER_DEFECTS`)."""
        return self._defects

    @property
    def responder(self) -> Responder:
        """The function answering chat requests; assign to replace it (``None``: the default)."""
        return self._dispatcher.responder

    @responder.setter
    def responder(self, responder: Responder | None) -> None:
        self._dispatcher.responder = responder or default_responder

    def handle(
        self,
        method: str,
        path: str,
        query: QueryInput = "",
        headers: HeadersInput | None = None,
        body: bytes = b"",
    ) -> FakeResponse:
        """Answer one raw request synchronously (no delay applied).

        ``path`` is the raw, percent-encoded path (it may carry ``?query``); ``query`` a
        raw query string, a mapping or a list of pairs. Streamed chat answers come back
        with an iterable of chunks as ``body``. A queued connection fault comes back in
        ``fault`` (with status 0 when the request was dropped before it was handled).
        """
        return self._dispatcher.handle(method, path, query, headers, body)

    def transport(self) -> httpx.BaseTransport:
        """An ``httpx`` transport answering in process: ``httpx.Client(transport=...)``."""
        return FakeTransport(self._dispatcher)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async ``httpx`` transport answering in process: ``httpx.AsyncClient(transport=...)``."""
        return AsyncFakeTransport(self._dispatcher)

    def client(self, **kwargs: Any) -> Honcho:
        """A ``honcho_client.Honcho`` wired to this fake (keyword args go to ``Honcho``).

        Defaults: ``base_url="http://honcho.test"``, ``api_key=fake.api_key`` and an
        ``httpx.Client`` using :meth:`transport`.
        """
        from honcho_client import Honcho

        base_url = self._client_defaults(kwargs)
        if kwargs.get("http_client") is None:
            kwargs["http_client"] = httpx.Client(transport=self.transport(), base_url=base_url)
        return Honcho(**kwargs)

    def async_client(self, **kwargs: Any) -> AsyncHoncho:
        """A ``honcho_client.AsyncHoncho`` wired to this fake (see :meth:`client`)."""
        from honcho_client import AsyncHoncho

        base_url = self._client_defaults(kwargs)
        if kwargs.get("http_client") is None:
            kwargs["http_client"] = httpx.AsyncClient(
                transport=self.async_transport(), base_url=base_url
            )
        return AsyncHoncho(**kwargs)

    def _client_defaults(self, kwargs: dict[str, Any]) -> str:
        kwargs.setdefault("api_key", self.api_key)
        if kwargs.get("environment") is None:
            kwargs.setdefault("base_url", DEFAULT_BASE_URL)
        return str(kwargs.get("base_url") or DEFAULT_BASE_URL)

    def serve(self, port: int = 0, host: str = "127.0.0.1", *, log: bool = False) -> FakeServer:
        """Serve this fake over HTTP/1.1 on a background thread.

        Returns a running :class:`FakeServer` (``.url``, ``.port``, ``.close()``; a
        context manager). ``port=0`` picks a free port. ``log`` prints an access log.
        """
        return FakeServer(self._dispatcher, host=host, port=port, log=log)

    # -- state -------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget all records, created keys, recorded requests, queued faults and delays."""
        with self._store.lock:
            self._store.clear()
        self._faults.clear()
        self._log.clear()

    def dump(self) -> dict[str, Any]:
        """All state as plain JSON-able data, to save and later :meth:`load`.

        Holds every table (records exactly as the API returns them) and the secret that
        signs keys, so keys made before a dump work after a load. Not included: the request
        log, queued faults and delays. ``json.dumps(fake.dump())`` writes it to a file.
        """
        return self._store.dump()

    def load(self, data: Mapping[str, Any]) -> None:
        """Replace all records with those of ``data`` (from :meth:`dump`, or written by hand).

        Use it to seed a fake with fixture data: ``data`` maps table names (``apps``,
        ``users``, ``sessions``, ``messages``, ``metamessages``, ``collections``,
        ``documents``) to lists of records in the API's shape; missing tables become empty.
        The request log, faults and delays are left alone. Raises ``ValueError`` for data
        that is not of this shape.
        """
        self._store.load(data)

    @property
    def state(self) -> FakeState:
        """A snapshot of every table (deep copies; changing them changes nothing)."""
        return FakeState(**self._store.snapshot())

    @property
    def apps(self) -> tuple[Record, ...]:
        """All apps, oldest first (copies)."""
        return self.state.apps

    @property
    def users(self) -> tuple[Record, ...]:
        """All users of all apps, oldest first (copies)."""
        return self.state.users

    @property
    def sessions(self) -> tuple[Record, ...]:
        """All sessions, including deleted (inactive) ones, oldest first (copies)."""
        return self.state.sessions

    @property
    def messages(self) -> tuple[Record, ...]:
        """All messages of all sessions, oldest first (copies)."""
        return self.state.messages

    @property
    def metamessages(self) -> tuple[Record, ...]:
        """All metamessages, oldest first (copies)."""
        return self.state.metamessages

    @property
    def collections(self) -> tuple[Record, ...]:
        """All collections, oldest first (copies)."""
        return self.state.collections

    @property
    def documents(self) -> tuple[Record, ...]:
        """All documents, oldest first (copies)."""
        return self.state.documents

    # -- requests ----------------------------------------------------------------------

    @property
    def requests(self) -> list[tuple[str, str]]:
        """``(method, path)`` of each request in :attr:`request_log` (raw paths, no query)."""
        return [(r.method, r.path) for r in self._log.records()]

    @property
    def request_log(self) -> list[RecordedRequest]:
        """The most recent requests (up to ``request_log_size``), oldest first.

        Each :class:`RecordedRequest` holds the method, raw path, query pairs, headers, body
        and the status answered; records are immutable and compare by value.
        """
        return self._log.records()

    @property
    def request_log_size(self) -> int | None:
        """How many requests :attr:`request_log` keeps (``None``: all)."""
        return self._log.size

    @property
    def requests_seen(self) -> int:
        """How many requests were received since creation or :meth:`reset`, kept or not."""
        return self._log.seen

    def request_count(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests in :attr:`request_log` match ``method`` and ``path``.

        ``None`` matches all. ``path`` may be the literal path, a route template such as
        ``"/v1/apps/{app_id}/users"`` or an ``fnmatch`` glob such as ``"/v1/apps/*"``.
        Only kept requests are counted (see ``request_log_size``).
        """
        return self._log.count(method, path)

    # -- fault injection ---------------------------------------------------------------

    def fail_next(
        self,
        n: int = 1,
        *,
        status: int = 503,
        retry_after: float | None = None,
        body: Any = None,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Make the next ``n`` matching requests fail with ``status`` without touching state.

        Args:
            n: how many requests to fail.
            status: the HTTP status to answer.
            retry_after: seconds to send in a ``Retry-After`` header.
            body: the answer body: JSON-able value (default ``{"detail": <reason>}``),
                or ``str``/``bytes`` sent as ``text/plain``.
            method, path: only fail matching requests (see :meth:`request_count`).
        """
        fault = PendingFault("status", n, method, path, status=status)
        self._faults.add(fault, retry_after, body)

    def drop_next(
        self,
        n: int = 1,
        *,
        applied: bool = False,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Close the connection of the next ``n`` matching requests without answering.

        The client sees the server disconnect before any byte of the answer
        (``httpx.RemoteProtocolError``; the SDK's ``APIConnectionError``). With
        ``applied=True`` the request changes the state first, as when a server crashes
        after its commit; by default it does not.
        """
        self._faults.add(PendingFault("drop", n, method, path, applied=applied))

    def reset_next(
        self,
        n: int = 1,
        *,
        applied: bool = False,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Reset the connection (TCP RST) halfway through the answer's status line and headers.

        Not to be confused with :meth:`reset`, which forgets the state. The client sees a
        connection reset (``httpx.ReadError``; the SDK's ``APIConnectionError``).
        ``applied`` is as for :meth:`drop_next`.
        """
        self._faults.add(PendingFault("reset", n, method, path, applied=applied))

    def truncate_next(
        self,
        n: int = 1,
        *,
        after_bytes: int = 0,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Cut the answer body (or chat stream) of the next ``n`` matching requests.

        The request is handled; the status line and headers (with the full
        ``Content-Length``, or chunked for a stream) and then only ``after_bytes`` bytes of
        the body are sent before the connection closes (``httpx.RemoteProtocolError`` while
        reading). A body no longer than ``after_bytes`` is sent whole.
        """
        self._faults.add(
            PendingFault("truncate", n, method, path, applied=True, after_bytes=after_bytes)
        )

    def stall_next(
        self,
        n: int = 1,
        *,
        seconds: float,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        """Delay the first byte of the next ``n`` matching answers by ``seconds``.

        The request is handled at once and its answer held back, so a client that times
        out meanwhile leaves the change made (unlike :meth:`delay`, which waits before
        handling and applies to every matching request until changed).
        """
        self._faults.add(PendingFault("stall", n, method, path, applied=True, seconds=seconds))

    @property
    def pending_faults(self) -> tuple[PendingFault, ...]:
        """The queued faults not used up yet, in the order they apply, then the delay rules
        (``kind="delay"``, ``remaining=None``) in the order they were set."""
        return self._faults.pending()

    @property
    def pending_failures(self) -> int:
        """How many requests the queued faults (of every kind) still apply to; delays not counted."""
        return self._faults.queued_requests()

    def clear_faults(self) -> None:
        """Drop every queued fault and every delay rule (state and log are kept)."""
        self._faults.clear()

    def delay(self, seconds: float, method: str | None = None, path: str | None = None) -> None:
        """Wait ``seconds`` before answering matching requests, until changed or reset.

        Applies to the transports and the server (not to :meth:`handle`). A delay longer
        than the client's read timeout makes the request time out (in process:
        ``httpx.ReadTimeout``) although the fake still applies it, like a slow server.
        Setting the same ``(method, path)`` filter again replaces the rule. ``seconds=0``
        removes every rule the filter covers: ``delay(0)`` removes all delays,
        ``delay(0, method="POST")`` those set for POST. When several rules match, the most
        recently set wins. :attr:`pending_faults` lists the rules.
        """
        self._faults.set_delay(seconds, method, path)

    set_delay = delay
