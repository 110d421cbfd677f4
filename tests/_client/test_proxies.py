"""Proxies work as in httpx: HTTP_PROXY / NO_PROXY from the environment, or `proxy=` on your
own httpx client. A served FakeHoncho plays the proxy: it answers the absolute-form requests a
client sends to a proxy, so what reached it shows which way a request went."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from honcho_client import AsyncHoncho, Honcho
from honcho_client.testing import FakeHoncho, FakeServer

ELSEWHERE = "http://honcho.test"  # never resolved: requests for it go to the proxy


@pytest.fixture
def proxy() -> Iterator[tuple[FakeHoncho, FakeServer]]:
    fake = FakeHoncho()
    with fake.serve() as server:
        yield fake, server


def test_the_environment_proxy_is_used(
    proxy: tuple[FakeHoncho, FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, server = proxy
    monkeypatch.setenv("HTTP_PROXY", server.url)
    assert Honcho(base_url=ELSEWHERE).apps.get_or_create("via-proxy").name == "via-proxy"
    assert fake.requests == [("GET", "/v1/apps/get_or_create/via-proxy")]


async def test_the_environment_proxy_is_used_by_the_async_client(
    proxy: tuple[FakeHoncho, FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake, server = proxy
    monkeypatch.setenv("HTTP_PROXY", server.url)
    async with AsyncHoncho(base_url=ELSEWHERE) as client:
        assert (await client.apps.get_or_create("via-proxy")).name == "via-proxy"
    assert fake.request_count("GET") == 1


def test_no_proxy_hosts_are_reached_directly(
    proxy: tuple[FakeHoncho, FakeServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    proxy_fake, proxy_server = proxy
    target = FakeHoncho()
    with target.serve() as server:
        monkeypatch.setenv("HTTP_PROXY", proxy_server.url)
        monkeypatch.setenv("NO_PROXY", "127.0.0.1")
        Honcho(base_url=server.url).apps.get_or_create("direct")
    assert (target.request_count(), proxy_fake.request_count()) == (1, 0)


def test_proxy_on_your_own_httpx_client(proxy: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = proxy
    with httpx.Client(proxy=server.url) as http:
        client = Honcho(base_url=ELSEWHERE, http_client=http)
        assert client.apps.get_or_create("via-proxy").name == "via-proxy"
    assert fake.request_count() == 1
