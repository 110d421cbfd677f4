"""The fast async path: AsyncHoncho sending over aiohttp (`pip install 'honcho_client[aiohttp]'`).

Runs against the in-process Honcho served on a local port by default (a real HTTP server, so the
requests really go through aiohttp); set HONCHO_BASE_URL to use a real server.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from honcho_client import AsyncHoncho, DefaultAioHttpClient
from honcho_client.testing import FakeHoncho


@asynccontextmanager
async def base_url() -> AsyncIterator[str | None]:
    if os.environ.get("HONCHO_BASE_URL"):
        yield None  # AsyncHoncho reads HONCHO_BASE_URL itself
        return
    with FakeHoncho().serve() as server:
        yield server.url


async def main() -> None:
    async with (
        base_url() as url,
        DefaultAioHttpClient() as http,
        AsyncHoncho(base_url=url, http_client=http) as client,
    ):
        app = await client.apps.get_or_create("fast-path-example")
        user = await client.apps.users.get_or_create("carol", app_id=app.id)
        made = await asyncio.gather(
            *(
                client.apps.users.metamessages.create(
                    user_id=user.id, app_id=app.id, metamessage_type="note", content=f"note {i}"
                )
                for i in range(200)
            )
        )
        print(f"created {len(made)} metamessages over aiohttp")
        count = 0
        async for _metamessage in client.apps.users.metamessages.list(
            app_id=app.id, user_id=user.id, size=50
        ):
            count += 1
        print(f"listed {count} metamessages, 50 per page")


if __name__ == "__main__":
    asyncio.run(main())
