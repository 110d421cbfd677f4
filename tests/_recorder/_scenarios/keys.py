"""Keys on a server without auth: the route answers that the feature is disabled."""

from __future__ import annotations

from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, world


@scenario("keys.without_auth")
def without_auth(r: Recording) -> None:
    """keys.create with and without scopes when auth is off, and a bearer key that is ignored."""
    w = world(r)
    r.post("/v1/keys", covers="keys.disabled_without_auth")
    r.post("/v1/keys", query={"app_id": w.app_id}, covers="keys.disabled_without_auth")
    r.post("/v1/keys", query={"app_id": UNKNOWN, "user_id": w.user_id})
    r.post(
        "/v1/keys",
        query={"app_id": w.app_id, "expires_at": "2099-01-01T00:00:00"},
        covers="keys.disabled_without_auth",
    )
    r.post("/v1/keys", query={"expires_at": "soon"}, covers="keys.create.invalid_expiry")
    r.get("/v1/apps", query={"app_id": w.app_id}, token="not-a-jwt")
    r.get(f"{w.app}/users", query={"user_id": w.user_id}, token="not-a-jwt")
