"""``FakeHoncho``: the public face of the in-memory Honcho API 1.1.0 server."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import httpx

from ._auth import Authenticator
from ._dispatch import Dispatcher
from ._faults import Faults
from ._http import FakeResponse, HeadersInput, QueryInput, RecordedRequest
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
    v1.1.0: the same JSON shapes, 404/409/422 details and pagination.

    Args:
        require_auth: demand ``Authorization: Bearer <key>`` on every API route
            (401 ``No access token provided`` / ``Invalid JWT`` otherwise).
        api_keys: admin keys accepted when ``require_auth`` is on; keys created through
            ``POST /v1/keys`` are accepted too.
        responder: computes chat answers from a :class:`ChatContext`; defaults to
            :func:`default_responder` (deterministic, based on the user's messages).
        seed: makes ids and keys reproducible.

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
    ) -> None:
        self.require_auth = require_auth
        self.api_keys: tuple[str, ...] = tuple(api_keys)
        self._store = Store(seed)
        self._faults = Faults()
        auth = Authenticator(self._store, self.api_keys, require_auth)
        self._dispatcher = Dispatcher(
            self._store, auth, self._faults, responder or default_responder
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
    def responder(self) -> Responder:
        """The function answering chat requests; assign to replace it."""
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
        with an iterable of chunks as ``body``.
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
        """Forget all records, created keys, recorded requests, failures and delays."""
        with self._store.lock:
            self._store.clear()
        self._faults.clear()
        self._dispatcher.clear_log()

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
        """``(method, path)`` of every request received, in order (raw paths, no query)."""
        return [(r.method, r.path) for r in self._dispatcher.log()]

    @property
    def request_log(self) -> list[RecordedRequest]:
        """Every request received with its query, headers, body and answered status."""
        return self._dispatcher.log()

    def request_count(self, method: str | None = None, path: str | None = None) -> int:
        """How many requests matched ``method`` and ``path`` (``None`` matches all).

        ``path`` may be the literal path, a route template such as
        ``"/v1/apps/{app_id}/users"`` or an ``fnmatch`` glob such as ``"/v1/apps/*"``.
        """
        return self._dispatcher.count(method, path)

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
        self._faults.fail_next(n, status, retry_after, body, method, path)

    @property
    def pending_failures(self) -> int:
        """How many injected failures have not been consumed yet."""
        return self._faults.pending_failures()

    def delay(self, seconds: float, method: str | None = None, path: str | None = None) -> None:
        """Wait ``seconds`` before answering matching requests, until changed or reset.

        Applies to the transports and the server (not to :meth:`handle`). A delay longer
        than the client's read timeout makes the request time out (in process:
        ``httpx.ReadTimeout``) although the fake still applies it, like a slow server.
        Setting the same ``(method, path)`` filter again replaces the rule; ``seconds=0``
        removes it. When several rules match, the most recently set wins.
        """
        self._faults.set_delay(seconds, method, path)

    set_delay = delay
