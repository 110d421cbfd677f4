"""Sessions: create, get, list, update, delete, and their errors."""

from __future__ import annotations

from typing import Any

from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, create_app, create_session, create_user, world


@scenario("sessions.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create sessions, read, update, delete (soft) and list them with is_active."""
    app_id = create_app(r)
    user_id = create_user(r, app_id)
    base = f"/v1/apps/{app_id}/users/{user_id}/sessions"
    first = r.post(base, json={"metadata": {"topic": "a"}})["id"]
    second = r.post(base, json={})["id"]
    r.post(base, json={"metadata": {"topic": "b", "n": [1, 2]}})
    r.get(base, query={"session_id": first})
    r.put(f"{base}/{first}", json={"metadata": {"topic": "z"}})
    r.put(f"{base}/{first}", json={"metadata": {}})
    r.delete(f"{base}/{second}")
    r.get(base, query={"session_id": second})
    r.delete(f"{base}/{second}")
    r.put(f"{base}/{second}", json={"metadata": {"after": "delete"}})
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={"is_active": True})
    r.post(f"{base}/list", json={"is_active": False})
    r.post(f"{base}/list", json={"is_active": True, "filter": {"topic": "b"}})
    r.post(f"{base}/list", json={"filter": {"n": [1, 2]}})
    r.post(f"{base}/list", json={"filter": {"n": [2]}})
    r.post(f"{base}/list", query={"reverse": True, "size": 1})
    r.post(f"{base}/list", json={"is_active": "yes"})


@scenario("sessions.errors")
def errors(r: Recording) -> None:
    """Sessions under an unknown user or app, unknown sessions, other users' sessions."""
    w = world(r)
    bob = create_user(r, w.app_id, "bob")
    bobs = create_session(r, w.app_id, bob)
    r.post(f"{w.app}/users/{UNKNOWN}/sessions", json={}, covers="sessions.create.user_not_found")
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/sessions",
        json={},
        covers=("sessions.create.user_not_found", "details.unknown_app_as_child"),
    )
    r.get(f"{w.user}/sessions", query={"session_id": UNKNOWN}, covers="sessions.get.not_found")
    r.get(f"{w.user}/sessions", query={"session_id": bobs}, covers="sessions.get.not_found")
    r.get(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/sessions",
        query={"session_id": w.session_id},
        covers="details.unknown_app_as_child",
    )
    r.get(f"{w.user}/sessions", covers=("get_by_id.omitted.sessions", "sessions.get.no_id"))
    r.get(f"{w.user}/sessions", query={"session_id": ""}, covers="get_by_id.empty.sessions")
    r.put(f"{w.user}/sessions/{UNKNOWN}", json={"metadata": {}}, covers="sessions.update.not_found")
    r.put(f"{w.user}/sessions/{bobs}", json={"metadata": {}}, covers="sessions.update.not_found")
    r.put(w.session, json={}, covers="framework.body_missing")
    r.put(w.session, json={"metadata": None}, covers="framework.body_wrong_type")
    r.delete(f"{w.user}/sessions/{UNKNOWN}", covers="sessions.delete.not_found")
    r.delete(f"{w.user}/sessions/{bobs}", covers="sessions.delete.not_found")
    r.post(f"{w.user}/sessions", json={"metadata": "x"})
    r.post(f"{w.user}/sessions", covers="framework.body_missing")
    r.post(f"{w.app}/users/{UNKNOWN}/sessions/list", covers="lists.sessions.missing_user")
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{UNKNOWN}/sessions/list",
        json={"is_active": True},
        covers="lists.sessions.missing_user",
    )
    r.post(f"{w.app}/users/{bob}/sessions/list")


@scenario("sessions.metadata_filters")
def metadata_filters(r: Recording) -> None:
    """List filters are JSON containment: types, numbers, arrays and nesting as Postgres sees them."""
    w = world(r)
    base = f"{w.user}/sessions"
    stored: tuple[dict[str, Any], ...] = (
        {"k": 1},
        {"k": 1.0},
        {"k": True},
        {"k": "1"},
        {"k": None},
        {"t": [1, 2, {"a": 1}]},
        {"n": {"a": {"b": [1]}, "c": 2}},
        {"big": 12345678901234567890, "f": 0.1},
        {"k": 1.5},
    )
    for metadata in stored:
        r.post(base, json={"metadata": metadata})
    filters: tuple[dict[str, Any], ...] = (
        {"k": 1},
        {"k": 1.0},
        {"k": True},
        {"k": "1"},
        {"k": None},
        {"k": 1.50},
        {"t": [2]},
        {"t": [{"a": 1}]},
        {"t": [{}]},
        {"t": []},
        {"t": 1},
        {"n": {"a": {}}},
        {"n": {"a": {"b": []}}},
        {"n": {"c": 2}},
        {"big": 12345678901234567890},
        {"f": 0.1},
        {"missing": None},
    )
    for wanted in filters:
        r.post(f"{base}/list", json={"filter": wanted})
    r.post(base, text='{"metadata": {"huge": 1e400}}', covers="crashes.json_nan")
    r.post(base, text='{"metadata": {"neg": -0.0, "exp": 1E2, "small": 5e-324}}')
    r.post(f"{base}/list", query={"size": 3, "page": 4})
