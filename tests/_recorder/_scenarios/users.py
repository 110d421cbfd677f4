"""Users: create, get (by id, by name), get_or_create, update, list, and their errors."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording, segment
from .._registry import scenario
from ._world import UNKNOWN, create_app, create_user


@scenario("users.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create users, read them every way, update and list them."""
    app_id = create_app(r)
    base = f"/v1/apps/{app_id}/users"
    alice = r.post(base, json={"name": "alice", "metadata": {"team": "a"}})["id"]
    r.post(base, json={"name": "bob", "metadata": {"team": "b"}})
    r.get(base, query={"user_id": alice})
    r.get(f"{base}/name/alice")
    r.get(f"{base}/get_or_create/alice")
    r.get(f"{base}/get_or_create/carol")
    r.get(f"{base}/get_or_create/{segment('dave smith')}")
    r.get(f"{base}/name/{segment('dave smith')}")
    r.put(f"{base}/{alice}", json={"metadata": {"team": "c"}})
    r.put(f"{base}/{alice}", json={"name": "alice2"})
    r.put(f"{base}/{alice}", json={})
    r.put(f"{base}/{alice}", json={"name": "alice2"})
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={})
    r.post(f"{base}/list", json={"filter": {"team": "b"}})
    r.post(f"{base}/list", json={"filter": {}})
    r.post(f"{base}/list", json={"filter": None})
    r.post(f"{base}/list", query={"reverse": "true", "size": 2})
    r.post(f"{base}/list", query={"page": 2, "size": 2})
    r.post(f"{base}/list", query={"page": 9})


@scenario("users.create_errors")
def create_errors(r: Recording) -> None:
    """Invalid user bodies and a name taken twice in one app (free in another)."""
    app_id = create_app(r)
    other = create_app(r, "other")
    base = f"/v1/apps/{app_id}/users"
    r.post(base, json={"name": "alice"})
    r.post(base, json={"name": "alice"}, covers="users.create.conflict")
    r.post(f"/v1/apps/{other}/users", json={"name": "alice"})
    r.post(base, json={"name": ""})
    r.post(base, json={"name": "x" * 101})
    r.post(base, json={"name": "x" * 100})
    r.post(base, json={"metadata": {}}, covers="framework.body_missing")
    r.post(base, json={"name": "m", "metadata": None})
    r.post(base, json={"name": True})


@scenario("users.unknown_app")
def unknown_app(r: Recording) -> None:
    """Every user route under an app that does not exist."""
    base = f"/v1/apps/{UNKNOWN}/users"
    r.post(base, json={"name": "alice"}, covers="details.user_create_unknown_app")
    r.get(f"{base}/get_or_create/alice", covers="users.get_or_create.unknown_app")
    r.get(base, query={"user_id": UNKNOWN}, covers="details.unknown_app_as_child")
    r.get(f"{base}/name/alice", covers="details.unknown_app_as_child")
    r.put(f"{base}/{UNKNOWN}", json={"name": "b"}, covers="details.unknown_app_as_child")
    r.post(f"{base}/list", covers="lists.users.missing_app")
    r.post(f"{base}/list", json={"filter": {"a": 1}}, covers="lists.users.missing_app")
    # the page offset is a 64-bit integer in the database
    for page in (2**63, 2**63 + 1, 10**20):
        r.post(f"{base}/list", query={"page": page, "size": 1})


@scenario("users.get_errors")
def get_errors(r: Recording) -> None:
    """Get a user by an unknown, omitted or empty id, of another app, by unknown name."""
    app_id = create_app(r)
    other = create_app(r, "other")
    foreign = create_user(r, other, "alice")
    base = f"/v1/apps/{app_id}/users"
    r.get(base, query={"user_id": UNKNOWN}, covers="users.get.not_found")
    r.get(base, query={"user_id": foreign}, covers="users.get.not_found")
    r.get(base, covers=("get_by_id.omitted.users", "users.get.no_id"))
    r.get(base, query={"user_id": ""}, covers="get_by_id.empty.users")
    r.get(f"{base}/name/nobody", covers="users.by_name.not_found")


@scenario("users.update_errors")
def update_errors(r: Recording) -> None:
    """Updates of an unknown user, of another app's user, to a taken or too long name."""
    app_id = create_app(r)
    other = create_app(r, "other")
    foreign = create_user(r, other, "zed")
    alice = create_user(r, app_id, "alice")
    create_user(r, app_id, "bob")
    base = f"/v1/apps/{app_id}/users"
    r.put(f"{base}/{UNKNOWN}", json={"name": "x"}, covers="users.update.not_found")
    r.put(f"{base}/{foreign}", json={"name": "x"}, covers="users.update.not_found")
    r.put(
        f"{base}/{alice}",
        json={"name": "bob"},
        covers=("users.update.conflict", "details.user_update_conflict"),
    )
    r.put(
        f"{base}/{alice}",
        json={"name": r.macro(repeat("u", 513))},
        covers="conflicts.name_long_update",
    )
    r.put(f"{base}/{alice}", json={"name": r.macro(repeat("u", 512))})
    r.put(f"{base}/{alice}", json={"name": ""})
    r.put(f"{base}/{alice}", json={"metadata": "no"}, covers="framework.body_wrong_type")
    r.get(base, query={"user_id": alice})
