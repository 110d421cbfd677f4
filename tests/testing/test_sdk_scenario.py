"""A realistic walk through all 41 operations with the SDK wired to the fake (sync and async)."""

from __future__ import annotations

import httpx
import pytest

from honcho_client import (
    APITimeoutError,
    AsyncHoncho,
    AuthenticationError,
    ConflictError,
    Honcho,
    NotFoundError,
    UnprocessableEntityError,
)
from honcho_client.testing import FakeHoncho
from honcho_client.testing._routes import ROUTES


def assert_every_operation_used(fake: FakeHoncho) -> None:
    unused = [
        f"{r.method} {r.template}" for r in ROUTES if not fake.request_count(r.method, r.template)
    ]
    assert unused == []
    assert len(ROUTES) == 41


def test_sync_scenario() -> None:
    fake = FakeHoncho(require_auth=True)  # keys exist only in the auth mode
    client = fake.client()
    assert isinstance(client, Honcho)

    app = client.apps.create(name="agent", metadata={"env": "test"})
    assert client.apps.get(app_id=app.id).name == "agent"
    assert client.apps.get_by_name("agent").id == app.id
    assert client.apps.get_or_create("agent").id == app.id
    app = client.apps.update(app.id, metadata={"env": "ci"})
    assert [a.id for a in client.apps.list()] == [app.id]

    users = client.apps.users
    alice = users.create(app_id=app.id, name="alice")
    bob = users.get_or_create("bob", app_id=app.id)
    assert users.get(app.id, user_id=alice.id).name == "alice"
    assert users.get_by_name("bob", app_id=app.id).id == bob.id
    alice = users.update(alice.id, app_id=app.id, metadata={"plan": "pro"})
    assert [u.name for u in users.list(app.id, filter={"plan": "pro"})] == ["alice"]
    with pytest.raises(ConflictError):
        users.create(app_id=app.id, name="alice")

    sessions = users.sessions
    a, u = app.id, alice.id
    session = sessions.create(alice.id, app_id=app.id, metadata={"topic": "hobbies"})
    assert sessions.get(alice.id, app_id=app.id, session_id=session.id).id == session.id
    session = sessions.update(session.id, app_id=a, user_id=u, metadata={"topic": "outdoors"})

    messages = sessions.messages
    first = messages.create(session.id, app_id=a, user_id=u, content="I love hiking", is_user=True)
    batch = messages.batch(
        session.id,
        app_id=a,
        user_id=u,
        messages=[
            {"content": "Nice! Where?", "is_user": False},
            {"content": "Mostly in the Alps", "is_user": True, "metadata": {"place": "alps"}},
        ],
    )
    assert [m.content for m in batch] == ["Nice! Where?", "Mostly in the Alps"]
    assert (
        messages.get(first.id, app_id=a, user_id=u, session_id=session.id).content
        == "I love hiking"
    )
    messages.update(
        first.id, app_id=a, user_id=u, session_id=session.id, metadata={"important": True}
    )
    assert [
        m.id for m in messages.list(session.id, app_id=a, user_id=u, filter={"important": True})
    ] == [first.id]

    meta = users.metamessages
    thought = meta.create(
        alice.id,
        app_id=app.id,
        metamessage_type="thought",
        content="likes mountains",
        session_id=session.id,
        message_id=first.id,
    )
    assert thought.label == thought.metamessage_type == "thought"
    assert meta.get(thought.id, app_id=a, user_id=u).content == "likes mountains"
    meta.update(thought.id, app_id=a, user_id=u, metamessage_type="insight")
    assert [m.id for m in meta.list(alice.id, app_id=app.id, metamessage_type="insight")] == [
        thought.id
    ]

    collections = users.collections
    notes = collections.create(alice.id, app_id=app.id, name="notes")
    assert collections.get(alice.id, app_id=app.id, collection_id=notes.id).name == "notes"
    assert collections.get_by_name("notes", app_id=a, user_id=u).id == notes.id
    notes = collections.update(notes.id, app_id=a, user_id=u, metadata={"kind": "facts"})
    assert [c.id for c in collections.list(alice.id, app_id=app.id)] == [notes.id]
    with pytest.raises(UnprocessableEntityError):
        collections.create(alice.id, app_id=app.id, name="honcho")

    documents = collections.documents
    c = notes.id
    hiking = documents.create(
        notes.id, app_id=a, user_id=u, content="Alice hikes in the Alps every summer"
    )
    documents.create(notes.id, app_id=a, user_id=u, content="Alice's favourite food is ramen")
    documents.update(hiking.id, app_id=a, user_id=u, collection_id=c, metadata={"source": "chat"})
    assert documents.get(hiking.id, app_id=a, user_id=u, collection_id=c).metadata == {
        "source": "chat"
    }
    assert len(list(documents.list(notes.id, app_id=a, user_id=u))) == 2
    found = documents.query(notes.id, app_id=a, user_id=u, query="where does alice hike?", top_k=1)
    assert [d.id for d in found] == [hiking.id]

    answer = sessions.chat(session.id, app_id=a, user_id=u, queries="What does alice like?")
    assert answer.content.startswith("Based on 2 messages from alice")
    streamed = sessions.chat(session.id, app_id=a, user_id=u, queries=["Where?"], stream=True)
    assert "Mostly in the Alps" in streamed.text()

    clone = sessions.clone(session.id, app_id=a, user_id=u, message_id=first.id, deep_copy=True)
    assert [m.content for m in messages.list(clone.id, app_id=a, user_id=u)] == ["I love hiking"]
    assert len(list(meta.list(alice.id, app_id=app.id, session_id=clone.id))) == 1

    key = client.keys.create(app_id=app.id)
    scoped = fake.client(api_key=key.key)
    assert scoped.apps.get(app_id=app.id).id == app.id
    with pytest.raises(AuthenticationError, match="requires admin"):
        scoped.apps.list()

    deleted = documents.delete(hiking.id, app_id=a, user_id=u, collection_id=c)
    assert deleted.message == "Document deleted successfully"
    with pytest.raises(NotFoundError):
        documents.get(hiking.id, app_id=a, user_id=u, collection_id=c)
    assert collections.delete(notes.id, app_id=a, user_id=u).message == (
        "Collection deleted successfully"
    )
    assert sessions.delete(session.id, app_id=a, user_id=u).message == (
        "Session deleted successfully"
    )
    active = sessions.list(alice.id, app_id=app.id, is_active=True)
    assert [s.id for s in active] == [clone.id]

    assert_every_operation_used(fake)
    assert len(fake.documents) == 0
    assert len(fake.sessions) == 2


async def test_async_scenario(fake: FakeHoncho) -> None:
    client = fake.async_client()
    assert isinstance(client, AsyncHoncho)
    app = await client.apps.get_or_create("agent")
    user = await client.apps.users.create(app_id=app.id, name="alice")
    a, u = app.id, user.id
    sessions = client.apps.users.sessions
    session = await sessions.create(user.id, app_id=app.id)
    await sessions.messages.batch(
        session.id,
        app_id=a,
        user_id=u,
        messages=[{"content": f"message {i}", "is_user": i % 2 == 0} for i in range(5)],
    )
    page = await sessions.messages.list(session.id, app_id=a, user_id=u, size=2)
    assert page.total == 5
    answer = await sessions.chat(session.id, app_id=a, user_id=u, queries="summary?")
    assert answer.content.startswith("Based on 3 messages from alice")
    stream = await sessions.chat(session.id, app_id=a, user_id=u, queries="again?", stream=True)
    chunks = [chunk async for chunk in stream]
    assert "".join(chunks).startswith("Based on 3 messages")
    assert len(chunks) >= 3
    with pytest.raises(NotFoundError):
        await sessions.get(user.id, app_id=app.id, session_id="missing")


def test_client_retries_injected_failures(fake: FakeHoncho) -> None:
    client = fake.client()
    fake.fail_next(2, status=503, retry_after=0, method="POST", path="/v1/apps")
    app = client.apps.create(name="resilient")
    assert fake.request_count("POST", "/v1/apps") == 3
    assert [a["id"] for a in fake.apps] == [app.id]


def test_client_times_out_on_long_delays(fake: FakeHoncho) -> None:
    fake.delay(0.5, method="POST", path="/v1/apps")
    client = fake.client(timeout=0.1, max_retries=0)
    with pytest.raises(APITimeoutError):
        client.apps.create(name="slow")
    assert len(fake.apps) == 1  # the server still applied it, as a real one would


async def test_async_client_times_out_on_long_delays(fake: FakeHoncho) -> None:
    fake.delay(0.5, method="POST", path="/v1/apps")
    client = fake.async_client(timeout=0.1, max_retries=0)
    with pytest.raises(APITimeoutError):
        await client.apps.create(name="slow")


def test_client_with_auth() -> None:
    fake = FakeHoncho(require_auth=True, api_keys=["secret"])
    assert fake.client().apps.get_or_create("x").name == "x"
    with pytest.raises(AuthenticationError, match="Invalid JWT"):
        fake.client(api_key="wrong").apps.get_or_create("y")


def test_client_accepts_an_http_client(fake: FakeHoncho) -> None:
    http = httpx.Client(transport=fake.transport(), base_url="http://elsewhere.test")
    client = fake.client(http_client=http, base_url="http://elsewhere.test")
    assert client.apps.create(name="a").name == "a"
    assert fake.request_count("POST", "/v1/apps") == 1
