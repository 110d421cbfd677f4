"""Fault injection (fail_next, delay), request recording, state views, reset and handle()."""

from __future__ import annotations

import time

import httpx
import pytest

from honcho_client.testing import FakeHoncho

from .conftest import ID_PATTERN, World, build_world, detail, ok


def test_fail_next_fails_without_applying(http: httpx.Client, fake: FakeHoncho) -> None:
    fake.fail_next()
    assert detail(http.post("/v1/apps", json={"name": "a"}), 503) == "Service Unavailable"
    assert fake.apps == ()
    assert ok(http.post("/v1/apps", json={"name": "a"}))["name"] == "a"
    assert len(fake.apps) == 1


def test_fail_next_n_status_retry_after_and_body(http: httpx.Client, fake: FakeHoncho) -> None:
    fake.fail_next(2, status=429, retry_after=1.5, body={"detail": "slow down"})
    for _ in range(2):
        response = http.post("/v1/apps/list")
        assert response.status_code == 429
        assert response.headers["retry-after"] == "1.5"
        assert response.json() == {"detail": "slow down"}
    assert http.post("/v1/apps/list").status_code == 200
    fake.fail_next(status=500, retry_after=2)
    response = http.post("/v1/apps/list")
    assert (response.status_code, response.headers["retry-after"]) == (500, "2")
    assert response.json() == {"detail": "Internal Server Error"}


def test_fail_next_text_body(http: httpx.Client, fake: FakeHoncho) -> None:
    fake.fail_next(status=502, body="bad gateway")
    response = http.get("/v1/apps/get_or_create/x")
    assert (response.status_code, response.text) == (502, "bad gateway")
    assert response.headers["content-type"] == "text/plain"
    assert "retry-after" not in response.headers


def test_fail_next_matches_method_and_path(
    http: httpx.Client, world: World, fake: FakeHoncho
) -> None:
    fake.fail_next(method="POST", path="/v1/apps/{app_id}/users")
    assert http.post("/v1/apps/list").status_code == 200
    assert http.get("/v1/apps", params={"app_id": world.app["id"]}).status_code == 200
    response = http.post(f"{world.app_path}/users", json={"name": "bob"})
    assert response.status_code == 503
    assert len(fake.users) == 1
    assert fake.pending_failures == 0

    fake.fail_next(path=f"{world.session_path}/messages")
    body = {"content": "x", "is_user": True}
    assert http.post(f"{world.session_path}/messages", json=body).status_code == 503
    fake.fail_next(path="/v1/apps/*/users/*/sessions/*/chat")
    assert http.post(f"{world.session_path}/chat", json={"queries": "q"}).status_code == 503
    assert fake.messages == ()


def test_fail_next_rejects_nonsense() -> None:
    fake = FakeHoncho()
    with pytest.raises(ValueError):
        fake.fail_next(0)
    with pytest.raises(ValueError):
        fake.fail_next(status=42)


def test_delay(http: httpx.Client, fake: FakeHoncho) -> None:
    fake.delay(0.3, method="POST", path="/v1/apps/list")
    started = time.perf_counter()
    ok(http.get("/v1/apps/get_or_create/a"))
    assert time.perf_counter() - started < 0.25
    started = time.perf_counter()
    ok(http.post("/v1/apps/list"))
    assert time.perf_counter() - started >= 0.3
    fake.set_delay(0, method="POST", path="/v1/apps/list")
    started = time.perf_counter()
    ok(http.post("/v1/apps/list"))
    assert time.perf_counter() - started < 0.25


def test_delay_beyond_the_read_timeout_times_out(http: httpx.Client, fake: FakeHoncho) -> None:
    fake.delay(0.6, path="/v1/apps/list")
    started = time.perf_counter()
    with pytest.raises(httpx.ReadTimeout):
        http.post("/v1/apps/list", timeout=0.15)
    assert time.perf_counter() - started < 0.5


def test_requests_are_recorded(http: httpx.Client, world: World, fake: FakeHoncho) -> None:
    assert fake.requests == [
        ("POST", "/v1/apps"),
        ("POST", f"/v1/apps/{world.app['id']}/users"),
        ("POST", f"{world.user_path}/sessions"),
    ]
    http.post("/v1/apps/list", params={"size": 2})
    assert fake.request_count() == 4
    assert fake.request_count("POST") == 4
    assert fake.request_count("GET") == 0
    assert fake.request_count(path="/v1/apps/list") == 1
    assert fake.request_count(path="/v1/apps/{app_id}/users") == 1
    assert fake.request_count("post", "/v1/apps/*") == 3
    last = fake.request_log[-1]
    assert (last.method, last.path, last.query, last.status) == (
        "POST",
        "/v1/apps/list",
        (("size", "2"),),
        200,
    )
    first = fake.request_log[0]
    assert first.json() == {"name": "app"}


def test_state_views_are_copies(http: httpx.Client, world: World, fake: FakeHoncho) -> None:
    state = fake.state
    assert [a["id"] for a in state.apps] == [world.app["id"]]
    assert state.users[0] == world.user
    assert state.sessions[0] == world.session
    assert (state.messages, state.metamessages, state.collections, state.documents) == (
        (),
        (),
        (),
        (),
    )
    fake.apps[0]["name"] = "mutated"
    assert fake.apps[0]["name"] == "app"


def test_reset(http: httpx.Client, world: World, fake: FakeHoncho) -> None:
    fake.fail_next(5)
    fake.delay(5)
    fake.reset()
    assert (fake.apps, fake.users, fake.sessions, fake.requests) == ((), (), (), [])
    assert fake.pending_failures == 0
    assert ok(http.post("/v1/apps/list"))["total"] == 0
    build_world(http)


def test_seed_makes_ids_reproducible() -> None:
    def first_id(fake: FakeHoncho) -> str:
        return str(fake.handle("POST", "/v1/apps", body=b'{"name": "a"}').json()["id"])

    one, two = FakeHoncho(seed=7), FakeHoncho(seed=7)
    assert first_id(one) == first_id(two)
    assert ID_PATTERN.fullmatch(first_id(FakeHoncho()))
    one.reset()
    assert first_id(one) == first_id(two.__class__(seed=7))


def test_timestamps_increase(http: httpx.Client) -> None:
    stamps = [ok(http.post("/v1/apps", json={"name": str(i)}))["created_at"] for i in range(20)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 20


def test_handle_directly(fake: FakeHoncho) -> None:
    response = fake.handle("POST", "/v1/apps?ignored=1", body=b'{"name": "a"}')
    assert (response.status, response.header("Content-Type")) == (200, "application/json")
    assert not response.is_stream
    app_id = response.json()["id"]
    response = fake.handle("GET", "/v1/apps", query={"app_id": app_id})
    assert response.json()["name"] == "a"
    user = fake.handle("POST", f"/v1/apps/{app_id}/users", body=b'{"name": "u"}').json()
    session = fake.handle("POST", f"/v1/apps/{app_id}/users/{user['id']}/sessions", body=b"{}")
    path = f"/v1/apps/{app_id}/users/{user['id']}/sessions/{session.json()['id']}/chat"
    streamed = fake.handle("POST", path, body=b'{"queries": "hi", "stream": true}')
    assert streamed.is_stream
    assert streamed.read().decode().startswith("I have no messages from u")
