"""`.with_raw_response` and `.with_streaming_response`, sync and async."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import respx

from honcho_client import APIResponse, AsyncAPIResponse, AsyncHoncho, Honcho, NotFoundError
from honcho_client.types import App

BASE_URL = "http://honcho.test"
APP = {"id": "a1", "name": "n", "created_at": "2024-05-06T07:08:09Z"}


@pytest.fixture
def apps_api() -> Iterator[respx.MockRouter]:
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        router.post("/v1/apps").respond(200, json=APP, headers={"x-request-id": "r1"})
        router.get("/v1/apps/name/missing").respond(
            404, json={"detail": "App with name 'missing' not found"}
        )
        yield router


def test_raw_response(apps_api: respx.MockRouter) -> None:
    response = Honcho(base_url=BASE_URL).apps.with_raw_response.create(name="n")
    assert isinstance(response, APIResponse)
    assert response.status_code == 200
    assert response.headers["x-request-id"] == "r1"
    assert response.http_response.json() == APP
    app = response.parse()
    assert isinstance(app, App) and app.id == "a1"
    assert response.parse() is app


def test_streaming_response_reads_on_demand(apps_api: respx.MockRouter) -> None:
    client = Honcho(base_url=BASE_URL)
    with client.apps.with_streaming_response.create(name="n") as response:
        assert not response.http_response.is_stream_consumed
        text = "".join(response.iter_text())
    assert text.startswith('{"id":"a1"')
    assert response.http_response.is_closed


def test_raw_response_raises_on_error_status(apps_api: respx.MockRouter) -> None:
    with pytest.raises(NotFoundError, match="App with name 'missing' not found"):
        Honcho(base_url=BASE_URL, max_retries=0).apps.with_raw_response.get_by_name("missing")


async def test_async_raw_and_streaming(apps_api: respx.MockRouter) -> None:
    client = AsyncHoncho(base_url=BASE_URL)
    response = await client.apps.with_raw_response.create(name="n")
    assert isinstance(response, AsyncAPIResponse)
    assert (await response.parse()).id == "a1"
    async with client.apps.with_streaming_response.create(name="n") as streamed:
        lines = [line async for line in streamed.iter_lines()]
        assert streamed.status_code == 200
    assert lines and lines[0].startswith('{"id":"a1"')
    assert streamed.http_response.is_closed


def test_mode_does_not_leak_to_the_next_call(apps_api: respx.MockRouter) -> None:
    client = Honcho(base_url=BASE_URL)
    client.apps.with_raw_response.create(name="n")
    assert isinstance(client.apps.create(name="n"), App)
