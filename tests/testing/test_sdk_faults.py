"""The SDK's retry and timeout behaviour, run against the served in-process Honcho.

The same scenarios as tests/test_transport.py, driven by FakeHoncho's own fault knobs, so users
can see that their retry and timeout handling can be tested on it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from honcho_client import APITimeoutError, Honcho, InternalServerError
from honcho_client.testing import FakeHoncho, FakeServer

APPS = "/v1/apps"


@pytest.fixture
def served() -> Iterator[tuple[FakeHoncho, FakeServer]]:
    fake = FakeHoncho()
    with fake.serve() as server:
        yield fake, server


def test_create_retried_after_503_creates_once(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.fail_next(1, status=503, retry_after=0.2, method="POST", path=APPS)
    app = client.apps.create(name="retried")
    assert fake.request_count("POST", APPS) == 2
    assert [a["id"] for a in fake.apps] == [app.id]


def test_create_not_retried_after_500(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url)
    fake.fail_next(1, status=500, method="POST", path=APPS)
    with pytest.raises(InternalServerError):
        client.apps.create(name="once")
    assert fake.request_count("POST", APPS) == 1
    assert fake.apps == ()


def test_slow_create_times_out_and_is_not_sent_again(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url, timeout=0.2)
    fake.delay(0.6, method="POST", path=APPS)
    with pytest.raises(APITimeoutError):
        client.apps.create(name="slow")
    time.sleep(0.8)  # the fake logs a request once it has answered it
    assert fake.request_count("POST", APPS) == 1
    assert [a["name"] for a in fake.apps] == [
        "slow"
    ]  # the server acted: sending again would duplicate


def test_slow_read_is_retried(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    client = Honcho(base_url=server.url, timeout=0.3)
    app = client.apps.create(name="read-me")
    fake.fail_next(2, status=502, method="GET")
    assert client.apps.get_by_name("read-me").id == app.id
    assert fake.request_count("GET") == 3
