"""Many calls at once on one AsyncHoncho: asyncio.gather of 50 message creates, then a page walk.

Runs on the in-process Honcho by default; set HONCHO_BASE_URL to use a real server. The client
bounds its requests in flight itself (`max_concurrency`), so gathering many calls queues them
instead of timing them out.
"""

from __future__ import annotations

import asyncio
import os

from honcho_client import AsyncHoncho
from honcho_client.testing import FakeHoncho


def make_client() -> AsyncHoncho:
    if os.environ.get("HONCHO_BASE_URL"):
        return AsyncHoncho()
    return FakeHoncho().async_client()


async def main() -> None:
    async with make_client() as client:
        app = await client.apps.get_or_create("async-example")
        user = await client.apps.users.get_or_create("bob", app_id=app.id)
        session = await client.apps.users.sessions.create(app_id=app.id, user_id=user.id)

        created = await asyncio.gather(
            *(
                client.apps.users.sessions.messages.create(
                    app_id=app.id,
                    user_id=user.id,
                    session_id=session.id,
                    content=f"note {i}",
                    is_user=True,
                )
                for i in range(50)
            )
        )
        print(f"created {len(created)} messages concurrently")

        count = 0
        async for _message in client.apps.users.sessions.messages.list(
            app_id=app.id, user_id=user.id, session_id=session.id, size=20
        ):
            count += 1
        print(f"listed {count} messages, 20 per page")

        answer = await client.apps.users.sessions.chat(
            session.id, app_id=app.id, user_id=user.id, queries=["What has bob noted?"]
        )
        print(f"chat: {answer.content}")


if __name__ == "__main__":
    asyncio.run(main())
