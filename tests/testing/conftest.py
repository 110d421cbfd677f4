"""Fixtures for the FakeHoncho suite: the fake, its two backends, raw httpx clients, seed data."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from honcho_client._http.pool import server_may_close
from honcho_client.testing import FakeHoncho, FakeServer

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{21}")
TIMESTAMP_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z")

# Every property of each response schema of Honcho API 1.1.0 (responses carry them all).
SCHEMA_KEYS: dict[str, set[str]] = {
    "App": {"id", "name", "metadata", "created_at"},
    "User": {"id", "name", "app_id", "created_at", "metadata"},
    "Session": {"id", "is_active", "user_id", "app_id", "metadata", "created_at"},
    "Message": {
        "id",
        "content",
        "is_user",
        "session_id",
        "metadata",
        "created_at",
        "app_id",
        "user_id",
    },
    "Metamessage": {
        "id",
        "label",
        "content",
        "user_id",
        "app_id",
        "session_id",
        "message_id",
        "metadata",
        "created_at",
        "metamessage_type",
    },
    "Collection": {"id", "name", "user_id", "app_id", "metadata", "created_at"},
    "Document": {
        "id",
        "content",
        "metadata",
        "created_at",
        "collection_id",
        "app_id",
        "user_id",
    },
}
PAGE_KEYS = {"items", "total", "page", "size", "pages"}


def assert_record(body: Any, schema: str) -> None:
    """``body`` has exactly the properties of ``schema``, a valid id, timestamp and metadata."""
    assert isinstance(body, dict)
    assert set(body) == SCHEMA_KEYS[schema]
    assert ID_PATTERN.fullmatch(body["id"])
    assert TIMESTAMP_PATTERN.fullmatch(body["created_at"])
    assert isinstance(body["metadata"], dict)


def assert_page(body: Any, schema: str, *, total: int, page: int = 1, size: int = 50) -> None:
    """``body`` is a page of ``schema`` records with the given counters."""
    assert set(body) == PAGE_KEYS
    assert (body["total"], body["page"], body["size"]) == (total, page, size)
    assert body["pages"] == -(-total // size)
    for item in body["items"]:
        assert_record(item, schema)


def detail(response: httpx.Response, status: int) -> Any:
    """The ``detail`` of an error response, after checking its status and JSON shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"detail"}
    return body["detail"]


@dataclass(frozen=True)
class World:
    """One app with a user ``alice`` and an active session, plus their URL prefixes."""

    app: dict[str, Any]
    user: dict[str, Any]
    session: dict[str, Any]

    @property
    def app_path(self) -> str:
        return f"/v1/apps/{self.app['id']}"

    @property
    def user_path(self) -> str:
        return f"{self.app_path}/users/{self.user['id']}"

    @property
    def session_path(self) -> str:
        return f"{self.user_path}/sessions/{self.session['id']}"


def ok(response: httpx.Response) -> Any:
    """The JSON body of a 200 response."""
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def build_world(http: httpx.Client, app_name: str = "app", user_name: str = "alice") -> World:
    app = ok(http.post("/v1/apps", json={"name": app_name}))
    user = ok(http.post(f"/v1/apps/{app['id']}/users", json={"name": user_name}))
    session = ok(http.post(f"/v1/apps/{app['id']}/users/{user['id']}/sessions", json={}))
    return World(app, user, session)


@pytest.fixture
def fake() -> FakeHoncho:
    """A fresh in-memory fake."""
    return FakeHoncho()


@pytest.fixture
def served_fake(fake: FakeHoncho) -> Iterator[FakeServer]:
    """``fake`` served over HTTP on 127.0.0.1 (a free port)."""
    with fake.serve() as server:
        yield server


class FreshAfterCrash(httpx.BaseTransport):
    """Plain httpx, except that a connection is not reused after a 5xx or an event stream.

    The served fake, like the real server, may close the connection after those without a
    ``Connection: close`` header; raw httpx would then race that close on its next request.
    """

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()
        self._renew = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._renew:
            self._inner.close()
            self._inner, self._renew = httpx.HTTPTransport(), False
        response = self._inner.handle_request(request)
        content_type = response.headers.get("content-type", "")
        self._renew = server_may_close(response.status_code, content_type)
        return response

    def close(self) -> None:
        self._inner.close()


@pytest.fixture(params=["transport", "served"])
def http(request: pytest.FixtureRequest, fake: FakeHoncho) -> Iterator[httpx.Client]:
    """A raw httpx client talking to ``fake`` in process or over real HTTP."""
    if request.param == "transport":
        with httpx.Client(transport=fake.transport(), base_url="http://honcho.test") as client:
            yield client
    else:
        with (
            fake.serve() as server,
            httpx.Client(base_url=server.url, transport=FreshAfterCrash()) as client,
        ):
            yield client


@pytest.fixture
async def async_http(fake: FakeHoncho) -> AsyncIterator[httpx.AsyncClient]:
    """A raw httpx async client talking to ``fake`` through the async transport."""
    transport = fake.async_transport()
    async with httpx.AsyncClient(transport=transport, base_url="http://honcho.test") as client:
        yield client


@pytest.fixture
def world(http: httpx.Client) -> World:
    """An app, user ``alice`` and one session created through ``http``."""
    return build_world(http)
