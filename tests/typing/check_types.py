"""Checked by mypy --strict in CI (never run): the public types users see from each call."""

from __future__ import annotations

from typing_extensions import assert_type

from honcho_client import (
    APIResponse,
    AsyncAPIResponse,
    AsyncChatStream,
    AsyncHoncho,
    AsyncPage,
    AsyncPaginator,
    ChatStream,
    Honcho,
    SyncPage,
    UnprocessableEntityError,
)
from honcho_client.types import (
    App,
    DialecticResponse,
    Document,
    KeyCreated,
    Message,
    Metamessage,
    Session,
    User,
    ValidationError,
)


def sync_calls(client: Honcho) -> None:
    app = client.apps.get_or_create("my-app")
    assert_type(app, App)
    metamessage = client.apps.users.metamessages.create(
        user_id="u", app_id=app.id, content="content", metamessage_type="x"
    )
    assert_type(metamessage, Metamessage)
    assert_type(metamessage.session_id, str | None)
    page = client.apps.users.metamessages.list(app_id="a", user_id="u", size=10)
    assert_type(page, SyncPage[Metamessage])
    assert_type(page.items, list[Metamessage])
    for item in page:
        assert_type(item, Metamessage)
    assert_type(
        client.apps.users.sessions.messages.batch(
            "s", app_id="a", user_id="u", messages=[{"content": "c", "is_user": True}]
        ),
        list[Message],
    )
    assert_type(
        client.apps.users.collections.documents.query("c", app_id="a", user_id="u", query="q"),
        list[Document],
    )
    assert_type(
        client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q"),
        DialecticResponse,
    )
    assert_type(
        client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True),
        ChatStream,
    )
    assert_type(client.apps.users.sessions.clone("s", app_id="a", user_id="u"), Session)
    assert_type(client.keys.create(), KeyCreated)
    assert_type(client.keys.create().key, str)
    assert_type(client.apps.users.sessions.delete("s", app_id="a", user_id="u").message, str)
    assert_type(
        client.with_raw_response.apps.users.sessions.messages.create(
            "s", app_id="a", user_id="u", content="c", is_user=True
        ),
        APIResponse[Message],
    )
    with client.apps.users.with_streaming_response.get(app_id="a", user_id="u") as streamed:
        assert_type(streamed, APIResponse[User])
    raw = client.apps.with_raw_response.create(name="n")
    assert_type(raw, APIResponse[App])
    assert_type(raw.parse(), App)


async def async_calls(client: AsyncHoncho) -> None:
    app = await client.apps.create(name="n")
    assert_type(app, App)
    paginator = client.apps.users.list(app_id=app.id)
    assert_type(paginator, AsyncPaginator[User])
    first = await client.apps.users.list(app_id=app.id)
    assert_type(first.items[0].name, str)
    async for user in client.apps.users.list(app_id=app.id):
        assert_type(user.id, str)
    stream = await client.apps.users.sessions.chat(
        "s", app_id="a", user_id="u", queries=["q"], stream=True
    )
    assert_type(stream, AsyncChatStream)
    async for chunk in stream:
        assert_type(chunk, str)
    page = await client.apps.list()
    assert_type(page, AsyncPage[App])
    raw = await client.apps.with_raw_response.create(name="n")
    assert_type(raw, AsyncAPIResponse[App])
    async with client.with_streaming_response.apps.users.list(app_id="a") as listed:
        assert_type(await listed.parse(), AsyncPage[User])


def errors(error: UnprocessableEntityError) -> None:
    assert_type(error.errors, list[ValidationError])
    assert_type(error.status_code, int)
