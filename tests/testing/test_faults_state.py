"""Fault injection (statuses, connection faults, delays), the request log, state views,
reset, dump/load and handle()."""

from __future__ import annotations

import json
import time
from collections import Counter

import httpx
import pytest

from honcho_client.testing import (
    DEFAULT_LOG_SIZE,
    ConnectionFault,
    FakeHoncho,
    Headers,
    PendingFault,
    RecordedRequest,
)

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


def test_delay_zero_removes_the_delays_its_filter_covers(fake: FakeHoncho) -> None:
    fake.delay(5, method="POST", path="/v1/apps/list")
    fake.delay(5, method="GET")
    fake.delay(2)
    assert fake.pending_faults == (
        PendingFault("delay", None, "POST", "/v1/apps/list", applied=True, seconds=5),
        PendingFault("delay", None, "GET", applied=True, seconds=5),
        PendingFault("delay", None, applied=True, seconds=2),
    )
    assert fake.pending_failures == 0  # a delay is not a failure
    fake.delay(0, method="post")
    assert [(f.method, f.path) for f in fake.pending_faults] == [("GET", None), (None, None)]
    fake.delay(0)
    assert fake.pending_faults == ()
    with httpx.Client(transport=fake.transport(), base_url="http://honcho.test") as http:
        assert http.post("/v1/apps/list", timeout=1).status_code == 200  # no delay left


def test_pending_faults_lists_queued_faults_before_delays(fake: FakeHoncho) -> None:
    fake.delay(1.5, path="/v1/apps/*")
    fake.fail_next(2, status=500)
    assert [(f.kind, f.remaining, f.seconds) for f in fake.pending_faults] == [
        ("status", 2, 0.0),
        ("delay", None, 1.5),
    ]
    assert fake.pending_failures == 2


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


def test_connection_faults_in_process(fake: FakeHoncho) -> None:
    with httpx.Client(transport=fake.transport(), base_url="http://honcho.test") as http:
        fake.drop_next()
        with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
            http.post("/v1/apps", json={"name": "a"})
        fake.reset_next(applied=True)
        with pytest.raises(httpx.ReadError, match="reset"):
            http.post("/v1/apps", json={"name": "b"})
        assert [a["name"] for a in fake.apps] == ["b"]
        fake.truncate_next(after_bytes=7)
        with http.stream("POST", "/v1/apps/list") as response:
            assert response.status_code == 200
            received = b""
            with pytest.raises(httpx.RemoteProtocolError, match="complete message body"):
                for chunk in response.iter_raw():
                    received += chunk
        assert received == b'{"items'
        fake.stall_next(seconds=0.5)
        with pytest.raises(httpx.ReadTimeout):
            http.post("/v1/apps", json={"name": "c"}, timeout=0.1)
        assert [a["name"] for a in fake.apps] == ["b", "c"]
        assert ok(http.post("/v1/apps/list"))["total"] == 2


def test_handle_reports_the_connection_fault(fake: FakeHoncho) -> None:
    fake.drop_next()
    dropped = fake.handle("POST", "/v1/apps", body=b'{"name": "a"}')
    assert (dropped.status, dropped.fault) == (0, ConnectionFault("drop"))
    fake.truncate_next(after_bytes=3)
    cut = fake.handle("POST", "/v1/apps", body=b'{"name": "a"}')
    assert (cut.status, cut.fault) == (200, ConnectionFault("truncate", after_bytes=3))
    assert [a["name"] for a in fake.apps] == ["a"]
    assert [r.status for r in fake.request_log] == [0, 200]


def test_pending_faults_apply_in_order_and_can_be_cleared(fake: FakeHoncho) -> None:
    fake.fail_next(2, status=500, path="/v1/apps/list")
    fake.stall_next(seconds=1, method="GET")
    fake.truncate_next(after_bytes=5)
    assert [(f.kind, f.remaining) for f in fake.pending_faults] == [
        ("status", 2),
        ("stall", 1),
        ("truncate", 1),
    ]
    assert fake.pending_faults[1] == PendingFault("stall", 1, "GET", applied=True, seconds=1)
    assert fake.pending_failures == 4
    assert fake.handle("POST", "/v1/apps/list").status == 500
    assert fake.handle("POST", "/v1/apps", body=b'{"name": "x"}').fault == (
        ConnectionFault("truncate", after_bytes=5)
    )
    assert [(f.kind, f.remaining) for f in fake.pending_faults] == [("status", 1), ("stall", 1)]
    fake.delay(5)
    fake.clear_faults()
    assert (fake.pending_faults, fake.pending_failures) == ((), 0)
    with httpx.Client(transport=fake.transport(), base_url="http://honcho.test") as http:
        assert http.post("/v1/apps/list", timeout=1).status_code == 200  # no delay either
    assert len(fake.apps) == 1  # state and log are kept
    assert fake.request_count() == 3


def test_fault_arguments_are_checked(fake: FakeHoncho) -> None:
    for bad in (
        lambda: fake.drop_next(0),
        lambda: fake.truncate_next(after_bytes=-1),
        lambda: fake.stall_next(seconds=-1),
    ):
        with pytest.raises(ValueError):
            bad()
    assert fake.pending_faults == ()


def test_records_compare_by_value(fake: FakeHoncho) -> None:
    for _ in range(2):
        fake.handle("POST", "/v1/apps/list", "size=2", {"X-Trace": "1"}, b"{}")
    first, second = fake.request_log
    assert first == second
    assert hash(first) == hash(second)
    assert Counter(fake.request_log) == {first: 2}
    assert first == RecordedRequest(
        "POST", "/v1/apps/list", (("size", "2"),), Headers({"x-trace": "1"}.items()), b"{}", 200
    )
    assert first.headers == {"X-Trace": "1"}
    assert first.headers["x-TRACE"] == "1"
    fake.handle("POST", "/v1/apps/list", "size=3", {"X-Trace": "1"}, b"{}")
    assert fake.request_log[2] != first


def test_request_log_is_bounded() -> None:
    fake = FakeHoncho(request_log_size=3)
    assert fake.request_log_size == 3
    for size in range(1, 6):
        fake.handle("POST", "/v1/apps/list", {"size": str(size)})
    assert [r.query for r in fake.request_log] == [(("size", str(n)),) for n in (3, 4, 5)]
    assert (fake.requests_seen, fake.request_count("POST")) == (5, 3)
    fake.reset()
    assert (fake.requests_seen, fake.request_log) == (0, [])
    assert FakeHoncho().request_log_size == DEFAULT_LOG_SIZE == 1000
    unbounded = FakeHoncho(request_log_size=None)
    for _ in range(1500):
        unbounded.handle("GET", "/v1/nothing")
    assert len(unbounded.request_log) == 1500
    silent = FakeHoncho(request_log_size=0)
    silent.handle("GET", "/v1/nothing")
    assert (silent.request_log, silent.requests_seen) == ([], 1)
    with pytest.raises(ValueError):
        FakeHoncho(request_log_size=-1)


def test_dump_and_load_round_trip(http: httpx.Client, world: World, fake: FakeHoncho) -> None:
    ok(http.post(f"{world.session_path}/messages", json={"content": "hi", "is_user": True}))
    saved = json.loads(json.dumps(fake.dump()))
    copy = FakeHoncho()
    copy.load(saved)
    assert copy.state == fake.state
    assert copy.request_log == []  # the log is not part of the state
    with copy.client() as client:
        user = client.apps.users.get(world.app["id"], user_id=world.user["id"])
        assert user.name == "alice"
        assert client.apps.users.create(app_id=world.app["id"], name="bob").name == "bob"
    assert len(copy.users) == 2
    assert len(fake.users) == 1  # independent copies
    fake.load({"apps": []})
    assert (fake.apps, fake.users, fake.messages) == ((), (), ())


def test_load_seeds_hand_written_fixtures() -> None:
    fake = FakeHoncho()
    app = {"id": "A" * 21, "name": "fixture", "metadata": {}, "created_at": "2025-01-01T00:00:00Z"}
    fake.load({"apps": [app]})
    assert fake.handle("GET", "/v1/apps/name/fixture").json() == app
    for bad in ({"apps": [{"name": "no id"}]}, {"apps": {}}, {"tables": []}, {"format": "x"}):
        with pytest.raises(ValueError):
            fake.load(bad)
    assert fake.apps == (app,)  # a refused load changes nothing


def test_keys_survive_dump_and_load() -> None:
    fake = FakeHoncho(require_auth=True)
    admin = {"Authorization": f"Bearer {fake.api_key}"}
    app = fake.handle("POST", "/v1/apps", headers=admin, body=b'{"name": "a"}').json()
    key = fake.handle("POST", "/v1/keys", {"app_id": app["id"]}, admin).json()["key"]
    copy = FakeHoncho(require_auth=True)
    copy.load(fake.dump())
    answer = copy.handle("GET", "/v1/apps", headers={"Authorization": f"Bearer {key}"})
    assert answer.json() == app
    fake.reset()  # a reset forgets the keys it signed
    answer = fake.handle("GET", "/v1/apps", headers={"Authorization": f"Bearer {key}"})
    assert answer.json() == {"detail": "Invalid JWT"}
