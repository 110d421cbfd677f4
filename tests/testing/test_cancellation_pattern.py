"""The pattern of docs/cancellation.md works on FakeHoncho, in process and served.

The page's own functions are run: a create whose answer is lost (a timeout, a cancellation, a
dropped connection) is found by its client-made id when it was stored, and created again only
when it was not, so the message is stored exactly once either way.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from honcho_client import AsyncHoncho, Honcho
from honcho_client.testing import FakeHoncho

PAGE = Path(__file__).resolve().parents[2] / "docs" / "cancellation.md"
STALL = 2.0  # the answer is held back this long
TIMEOUT = 0.3  # the client gives up before: the create is stored, its answer lost


def _page_functions() -> dict[str, Any]:
    """The definitions of the page's Python blocks (the code that uses them is left out)."""
    blocks = re.findall(r"```python\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.DOTALL)
    namespace: dict[str, Any] = {}
    for block in blocks:
        definitions = re.split(r"\n\n\n(?=with |async def main)", block)[0]
        exec(compile(definitions, str(PAGE), "exec"), namespace)
    return namespace


PAGE_FUNCTIONS = _page_functions()
add_user_message: Callable[..., Any] = PAGE_FUNCTIONS["add_user_message"]
add_user_message_async: Callable[..., Any] = PAGE_FUNCTIONS["add_user_message_async"]


@pytest.fixture(params=["in-process", "served"])
def clients(request: pytest.FixtureRequest) -> Iterator[tuple[FakeHoncho, Honcho, AsyncHoncho]]:
    """A fake and a sync and an async client of it that give up after ``TIMEOUT``."""
    fake = FakeHoncho()
    options: dict[str, Any] = {"timeout": TIMEOUT, "max_retries": 0}
    if request.param == "in-process":
        with fake.client(**options) as client:
            yield fake, client, fake.async_client(**options)
        return
    with fake.serve() as server, Honcho(base_url=server.url, **options) as client:
        yield fake, client, AsyncHoncho(base_url=server.url, **options)


def _world(client: Honcho) -> tuple[str, str, str]:
    app = client.apps.create(name="app")
    user = client.apps.users.create(app.id, name="alice")
    session = client.apps.users.sessions.create(user.id, app_id=app.id)
    return app.id, user.id, session.id


def _creates(fake: FakeHoncho, session_id: str) -> int:
    return sum(
        1
        for r in fake.request_log
        if r.method == "POST" and r.path.endswith(f"/sessions/{session_id}/messages")
    )


def _stored_once(fake: FakeHoncho, message: Any) -> None:
    stored = [m for m in fake.messages if m["content"] == "I love hiking"]
    assert len(stored) == 1
    assert stored[0]["id"] == message.id
    assert stored[0]["metadata"] == {"client_id": message.metadata["client_id"]}


# How the first create's answer is lost, and how many creates reach the server in all.
LOST_ANSWERS = {
    "stored, then timed out": ("stall_next", {"seconds": STALL}, 1),
    "dropped before it was stored": ("drop_next", {}, 2),
    "stored, then dropped": ("drop_next", {"applied": True}, 1),
}


@pytest.mark.parametrize("lost", LOST_ANSWERS, ids=list(LOST_ANSWERS))
def test_a_create_whose_answer_is_lost_is_stored_once(
    clients: tuple[FakeHoncho, Honcho, AsyncHoncho], lost: str
) -> None:
    fake, client, _ = clients
    fault, arguments, creates = LOST_ANSWERS[lost]
    app_id, user_id, session_id = _world(client)
    getattr(fake, fault)(**arguments, method="POST", path=f"*/sessions/{session_id}/messages")
    message = add_user_message(client, app_id, user_id, session_id, "I love hiking")
    _stored_once(fake, message)
    assert _creates(fake, session_id) == creates  # found when stored: never a second copy


def test_a_cancelled_async_create_that_was_stored_is_found_not_repeated(
    clients: tuple[FakeHoncho, Honcho, AsyncHoncho],
) -> None:
    fake, client, async_client = clients
    app_id, user_id, session_id = _world(client)
    fake.stall_next(seconds=STALL, method="POST", path=f"*/sessions/{session_id}/messages")

    async def run() -> Any:
        async with async_client.with_options(timeout=10 * STALL) as patient:
            # the deadline cancels the create, after it was sent and stored
            return await add_user_message_async(
                patient, app_id, user_id, session_id, "I love hiking", deadline=TIMEOUT
            )

    message = asyncio.run(run())
    _stored_once(fake, message)
    assert _creates(fake, session_id) == 1
