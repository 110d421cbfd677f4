"""Pages and lazy iteration across pages, sync and async (respx; real-socket runs are in test_transport)."""

from __future__ import annotations

import gc
import json
import math
from collections.abc import Iterator

import httpx
import pytest
import respx

from honcho_client import AsyncHoncho, AsyncPage, Honcho, SyncPage

BASE_URL = "http://honcho.test"
TOTAL = 250


def _page(request: httpx.Request) -> httpx.Response:
    page = int(request.url.params.get("page", "1"))
    size = int(request.url.params.get("size", "50"))
    reverse = request.url.params.get("reverse") == "true"
    ids = list(range(TOTAL))[::-1] if reverse else list(range(TOTAL))
    chunk = ids[(page - 1) * size : page * size]
    items = [
        {"id": f"u{i}", "name": f"n{i}", "app_id": "a", "created_at": "2024-05-06T07:08:09Z"}
        for i in chunk
    ]
    return httpx.Response(
        200,
        json={
            "items": items,
            "total": TOTAL,
            "page": page,
            "size": size,
            "pages": math.ceil(TOTAL / size),
        },
    )


@pytest.fixture
def users_api() -> Iterator[respx.Route]:
    with respx.mock(base_url=BASE_URL) as router:
        yield router.post("/v1/apps/a/users/list").mock(side_effect=_page)


def test_iterating_yields_every_item_with_one_request_per_page(users_api: respx.Route) -> None:
    client = Honcho(base_url=BASE_URL)
    ids = [user.id for user in client.apps.users.list("a", size=100, filter={"team": "x"})]
    assert ids == [f"u{i}" for i in range(TOTAL)]
    assert users_api.call_count == 3
    for call, page in zip(users_api.calls, (1, 2, 3), strict=True):
        assert call.request.url.params["size"] == "100"
        assert call.request.url.params.get("page", "1") == str(page)
        assert json.loads(call.request.content) == {"filter": {"team": "x"}}


def test_reverse_carries_over(users_api: respx.Route) -> None:
    ids = [u.id for u in Honcho(base_url=BASE_URL).apps.users.list("a", size=100, reverse=True)]
    assert ids[:2] == ["u249", "u248"] and len(ids) == TOTAL
    assert all(c.request.url.params["reverse"] == "true" for c in users_api.calls)


def test_page_navigation(users_api: respx.Route) -> None:
    page = Honcho(base_url=BASE_URL).apps.users.list("a", size=100)
    assert isinstance(page, SyncPage)
    assert (page.total, page.page, page.size, page.pages, len(page.items)) == (250, 1, 100, 3, 100)
    assert page.has_next_page() and page.next_page_info() == {"page": 2}
    last = page.get_next_page().get_next_page()
    assert (last.page, len(last.items), last.has_next_page(), last.next_page_info()) == (
        3,
        50,
        False,
        None,
    )
    with pytest.raises(RuntimeError, match="last page"):
        last.get_next_page()
    assert [p.page for p in page.iter_pages()] == [1, 2, 3]


async def test_async_iteration_without_await(users_api: respx.Route) -> None:
    client = AsyncHoncho(base_url=BASE_URL)
    ids = [user.id async for user in client.apps.users.list("a", size=100)]
    assert ids == [f"u{i}" for i in range(TOTAL)]
    assert users_api.call_count == 3


async def test_async_await_gives_the_first_page(users_api: respx.Route) -> None:
    page = await AsyncHoncho(base_url=BASE_URL).apps.users.list("a", size=100)
    assert isinstance(page, AsyncPage)
    assert len(page.items) == 100 and users_api.call_count == 1
    second = await page.get_next_page()
    assert second.page == 2
    assert [u.id async for u in second][-1] == "u249"


def test_250_items_in_3_requests_over_http() -> None:
    """Against the served in-process Honcho, over a real socket."""
    from honcho_client.testing import FakeHoncho

    fake = FakeHoncho()
    with fake.serve() as server, Honcho(base_url=server.url, api_key=fake.api_key) as client:
        app = client.apps.create(name="paging")
        user = client.apps.users.create(app.id, name="u")
        session = client.apps.users.sessions.create(user.id, app_id=app.id)
        for start in (0, 100, 200):
            count = min(100, TOTAL - start)
            client.apps.users.sessions.messages.batch(
                session.id,
                app_id=app.id,
                user_id=user.id,
                messages=[{"content": f"m{start + i}", "is_user": True} for i in range(count)],
            )
        before = fake.request_count("POST")
        contents = [
            m.content
            for m in client.apps.users.sessions.messages.list(
                session.id, app_id=app.id, user_id=user.id, size=100
            )
        ]
        assert contents == [f"m{i}" for i in range(TOTAL)]
        assert fake.request_count("POST") - before == 3


def _synthetic_pages(total: int) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        size = int(request.url.params["size"])
        start = (page - 1) * size
        items = [
            {"id": f"u{i}", "name": "n", "app_id": "a", "created_at": "2024-05-06T07:08:09Z"}
            for i in range(start, min(total, start + size))
        ]
        pages = math.ceil(total / size)
        return httpx.Response(
            200, json={"items": items, "total": total, "page": page, "size": size, "pages": pages}
        )

    return httpx.MockTransport(handler)


def _peak_while_iterating(total: int) -> int:
    import tracemalloc

    client = Honcho(base_url=BASE_URL, http_client=httpx.Client(transport=_synthetic_pages(total)))
    gc.collect()
    tracemalloc.start()
    count = sum(1 for _ in client.apps.users.list("a", size=100))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == total
    return peak


def test_memory_stays_flat_over_100_000_items() -> None:
    # Fill the bounded caches of the standard library and httpx (URL parsing, regexes) first,
    # so that only what the iteration itself holds is compared.
    _peak_while_iterating(30_000)
    small = _peak_while_iterating(1_000)
    large = _peak_while_iterating(100_000)
    # Holding the items would make this 100 times larger.
    assert large < small * 1.5, (small, large)
