"""The server with auth on: missing and invalid tokens, keys, and what each scope reaches."""

from __future__ import annotations

from typing import Any

from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, World, add_collection, add_message, world


def _mint(r: Recording, **scope: Any) -> str:
    return str(r.post("/v1/keys", query=scope)["key"])


@scenario("auth.tokens", auth=True)
def tokens(r: Recording) -> None:
    """No token, a malformed token, another scheme, and the admin key."""
    w = world(r)
    for token in (None, "not-a-jwt", "a.b.c"):
        tag = "security.no_token" if token is None else "security.invalid_jwt"
        r.get("/v1/apps", query={"app_id": w.app_id}, token=token, covers=tag)
        r.post("/v1/apps/list", json={"filter": {"x": 1}}, token=token, covers=tag)
        r.post(f"{w.app}/users/list", token=token, covers=tag)
        r.post(f"{w.session}/messages/list", token=token, covers=tag)
        r.post("/v1/keys", query={"app_id": w.app_id}, token=token, covers=tag)
    r.get(
        "/v1/apps", query={"app_id": w.app_id}, headers={"authorization": "Basic abc"}, token=None
    )
    r.get("/v1/apps", query={"app_id": w.app_id}, headers={"authorization": "Bearer"}, token=None)
    r.get("/v1/apps", query={"app_id": w.app_id}, covers="auth.admin_key")
    key = r.admin_key or ""
    for header in (
        f"bearer {key}",
        f"BEARER {key}",
        f"Bearer  {key}",
        f"Bearer {key} x",
        f"Token {key}",
    ):
        r.get("/v1/apps", query={"app_id": w.app_id}, headers={"authorization": header}, token=None)
    r.post(f"{w.session}/messages/list", covers="auth.admin_key")
    r.get("/v1/nothing", token=None, covers="framework.not_found")
    r.delete("/v1/apps", token=None, covers="framework.method_not_allowed")
    r.post("/v1/apps", json={}, token=None)
    r.post("/v1/apps", json={}, token="not-a-jwt")


@scenario("auth.keys", auth=True)
def keys(r: Recording) -> None:
    """Minting keys: scopes, no scope, expiry, and keys that may not mint keys."""
    w = world(r)
    r.post("/v1/keys", covers="keys.no_scope")
    r.post("/v1/keys", query={"app_id": ""}, covers="keys.no_scope")
    app_key = _mint(r, app_id=w.app_id)
    # the server signs the same claims again: the same scope gives the same key
    r.post("/v1/keys", query={"app_id": w.app_id}, covers="keys.same_scope_same_key")
    r.post("/v1/keys", query={"app_id": w.app_id}, token=app_key, covers="security.admin_required")
    expiring = _mint(r, app_id=w.app_id, expires_at="2999-01-01T00:00:00")
    r.get(
        "/v1/apps",
        query={"app_id": w.app_id},
        token=expiring,
        covers=("keys.expires_at_invalid", "security.invalid_jwt"),
    )
    expired = _mint(r, user_id=w.user_id, expires_at="2000-01-01T00:00:00Z")
    r.post(f"{w.user}/sessions/list", token=expired, covers="keys.expires_at_invalid")
    r.post(
        "/v1/keys",
        query={"app_id": w.app_id, "expires_at": "tomorrow"},
        covers="keys.create.invalid_expiry",
    )
    r.post("/v1/keys", query={"app_id": UNKNOWN})
    unknown_key = _mint(r, session_id=UNKNOWN)
    r.get(f"{w.user}/sessions", token=unknown_key)
    r.get("/v1/apps", query={"app_id": w.app_id}, token=app_key)


def _reach(r: Recording, w: World, other: World, key: str, collection: str, tag: str) -> None:
    """What one key may do across the routes of its world and of another app's world."""
    col = w.collection(collection)
    r.get("/v1/apps", query={"app_id": w.app_id}, token=key, covers=tag)
    r.get("/v1/apps", token=key, covers=tag)
    r.post(
        "/v1/apps/list",
        json={"filter": {"run": r.run}},
        token=key,
        covers="security.admin_required",
    )
    r.get(f"/v1/apps/name/{r.name('app')}", token=key, covers="security.admin_required")
    r.get(f"/v1/apps/get_or_create/{r.name('app')}", token=key)
    r.post("/v1/apps", json={"name": r.name("new")}, token=key)
    r.put(w.app, json={"metadata": {"by": tag}}, token=key, covers=tag)
    r.post(f"{w.app}/users", json={"name": f"made-{tag}"}, token=key, covers=tag)
    r.post(f"{w.app}/users/list", token=key, covers=tag)
    r.get(f"{w.app}/users", query={"user_id": w.user_id}, token=key, covers=tag)
    r.get(f"{w.app}/users", token=key, covers=tag)
    r.get(f"{w.app}/users/name/alice", token=key, covers=tag)
    r.get(f"{w.app}/users/get_or_create/alice", token=key, covers=tag)
    r.put(w.user, json={"metadata": {"by": tag}}, token=key, covers=tag)
    r.post(f"{w.user}/sessions", json={}, token=key, covers=tag)
    r.post(f"{w.user}/sessions/list", token=key, covers=tag)
    r.get(f"{w.user}/sessions", query={"session_id": w.session_id}, token=key, covers=tag)
    r.get(f"{w.user}/sessions", token=key, covers=tag)
    r.put(w.session, json={"metadata": {"by": tag}}, token=key, covers=tag)
    r.post(f"{w.session}/messages", json={"content": tag, "is_user": True}, token=key, covers=tag)
    r.post(f"{w.session}/messages/list", token=key, covers=tag)
    r.get(f"{w.session}/clone", token=key, covers=tag)
    r.post(f"{w.user}/metamessages/list", token=key, covers=tag)
    r.post(f"{w.user}/collections/list", token=key, covers=tag)
    r.get(f"{w.user}/collections", query={"collection_id": collection}, token=key, covers=tag)
    r.get(f"{w.user}/collections", token=key, covers=tag)
    r.get(f"{w.user}/collections/name/notes", token=key, covers=tag)
    r.post(f"{col}/documents/list", token=key, covers=tag)
    r.post(f"{col}/documents/query", json={"query": "x"}, token=key, covers=tag)
    # the other app's world
    r.get(
        "/v1/apps", query={"app_id": other.app_id}, token=key, covers="get_by_id.scoped_other_app"
    )
    r.get(
        f"{other.app}/users",
        query={"user_id": other.user_id},
        token=key,
        covers="get_by_id.scoped_other_app",
    )
    r.get(f"{other.app}/users", query={"user_id": w.user_id}, token=key)
    r.get(
        f"{other.user}/sessions",
        query={"session_id": other.session_id},
        token=key,
        covers="get_by_id.scoped_other_app",
    )
    r.get(f"{w.user}/sessions", query={"session_id": other.session_id}, token=key)
    r.post(f"{other.app}/users/list", token=key, covers="security.not_permissioned")
    r.post(f"{other.session}/messages/list", token=key, covers="security.not_permissioned")


@scenario("auth.app_key", auth=True)
def app_key(r: Recording) -> None:
    """An app-scoped key: its app and everything below it, nothing of another app."""
    w, other = world(r), world(r, "other")
    notes = add_collection(r, w, "notes")
    add_message(r, w, "hello")
    _reach(r, w, other, _mint(r, app_id=w.app_id), notes, "auth.app_key")
    r.get(f"{w.user}/collections", covers=("collections.get.no_id",))


@scenario("auth.user_key", auth=True)
def user_key(r: Recording) -> None:
    """A user-scoped key: the user, its sessions and collections; not its app's other routes."""
    w, other = world(r), world(r, "other")
    notes = add_collection(r, w, "notes")
    _reach(r, w, other, _mint(r, user_id=w.user_id), notes, "auth.user_key")


@scenario("auth.session_key", auth=True)
def session_key(r: Recording) -> None:
    """A session-scoped key: its session and messages; not the user's lists."""
    w, other = world(r), world(r, "other")
    notes = add_collection(r, w, "notes")
    _reach(r, w, other, _mint(r, session_id=w.session_id), notes, "auth.session_key")


@scenario("auth.collection_key", auth=True)
def collection_key(r: Recording) -> None:
    """A collection-scoped key: its collection and documents."""
    w, other = world(r), world(r, "other")
    notes = add_collection(r, w, "notes")
    r.post(f"{w.collection(notes)}/documents", json={"content": "fact"})
    _reach(r, w, other, _mint(r, collection_id=notes), notes, "auth.collection_key")


@scenario("auth.mixed_keys", auth=True)
def mixed_keys(r: Recording) -> None:
    """Keys with several scopes, and keys whose ids do not match the path."""
    w, other = world(r), world(r, "other")
    mixed = _mint(r, app_id=other.app_id, session_id=w.session_id)
    r.get(
        f"{w.user}/sessions",
        query={"session_id": w.session_id},
        token=mixed,
        covers="sessions.get.unauthorized",
    )
    r.post(f"{w.session}/messages/list", token=mixed)
    r.get("/v1/apps", query={"app_id": w.app_id}, token=mixed, covers="apps.get.unauthorized")
    r.get("/v1/apps", token=mixed)
    user_of_other = _mint(r, user_id=other.user_id)
    r.get(
        f"{w.app}/users",
        query={"user_id": w.user_id},
        token=user_of_other,
        covers="users.get.unauthorized_user",
    )
    r.get(f"{w.app}/users", token=user_of_other)
    app_of_other = _mint(r, app_id=other.app_id)
    r.get(
        f"{w.app}/users",
        query={"user_id": w.user_id},
        token=app_of_other,
        covers="users.get.unauthorized_app",
    )
    notes = add_collection(r, w, "notes")
    other_notes = add_collection(r, other, "notes")
    col_key = _mint(r, collection_id=other_notes)
    r.get(
        f"{w.user}/collections",
        query={"collection_id": notes},
        token=col_key,
        covers="collections.get.unauthorized",
    )
    r.get(f"{w.user}/collections", token=col_key)
    r.get(f"{other.user}/collections", token=col_key)
    r.get(f"{w.user}/sessions", covers="sessions.get.no_id")
    r.get("/v1/apps", covers="apps.get.no_id")
    r.get(f"{w.app}/users", covers="users.get.no_id")
