"""Routing (404, 405, percent-encoded segments), keys and the optional bearer-key auth mode."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from honcho_client.testing import DEFAULT_API_KEY, FakeHoncho

from .conftest import World, build_world, detail, ok


def test_unknown_route_is_404(http: httpx.Client) -> None:
    assert detail(http.get("/v1/nothing"), 404) == "Not Found"
    assert detail(http.get("/v2/apps"), 404) == "Not Found"
    assert detail(http.post("/v1/apps/a/users/b/extra/c"), 404) == "Not Found"


def test_wrong_method_is_405(http: httpx.Client) -> None:
    assert detail(http.get("/v1/apps/list"), 405) == "Method Not Allowed"
    assert detail(http.delete("/v1/apps"), 405) == "Method Not Allowed"
    response = http.patch("/v1/apps/some-id", json={})
    assert detail(response, 405) == "Method Not Allowed"
    assert response.headers["allow"] == "PUT"


def test_percent_encoded_segments_are_decoded_after_routing(
    http: httpx.Client, world: World
) -> None:
    response = http.get(f"{world.app_path}/users/name/a%2Fb")
    assert detail(response, 404) == "User with name 'a/b' not found"
    ok(http.post(f"{world.app_path}/users", json={"name": "a/b c"}))
    assert ok(http.get(f"{world.app_path}/users/name/a%2Fb%20c"))["name"] == "a/b c"
    assert ok(http.get("/v1/apps/get_or_create/x%2Fy"))["name"] == "x/y"


def test_create_key(http: httpx.Client, world: World) -> None:
    key = ok(http.post("/v1/keys"))
    assert set(key) == {"key"}
    assert len(key["key"]) >= 32
    scoped = ok(http.post("/v1/keys", params={"app_id": world.app["id"]}))
    assert scoped["key"] != key["key"]


def test_scoped_key_supplies_the_missing_id(http: httpx.Client, world: World) -> None:
    params = {
        "app_id": world.app["id"],
        "user_id": world.user["id"],
        "session_id": world.session["id"],
    }
    key = ok(http.post("/v1/keys", params=params))["key"]
    headers = {"Authorization": f"Bearer {key}"}
    assert ok(http.get("/v1/apps", headers=headers)) == world.app
    assert ok(http.get(f"{world.app_path}/users", headers=headers)) == world.user
    assert ok(http.get(f"{world.user_path}/sessions", headers=headers)) == world.session


@pytest.fixture
def secured() -> Iterator[tuple[FakeHoncho, httpx.Client]]:
    fake = FakeHoncho(require_auth=True, api_keys=["admin-key"])
    with httpx.Client(transport=fake.transport(), base_url="http://honcho.test") as client:
        yield fake, client


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_auth_requires_a_key(secured: tuple[FakeHoncho, httpx.Client]) -> None:
    _, client = secured
    assert detail(client.post("/v1/apps", json={"name": "x"}), 401) == "No access token provided"
    assert detail(client.post("/v1/apps/list", headers=bearer("wrong")), 401) == "Invalid JWT"
    response = client.post("/v1/apps/list", headers={"Authorization": "Basic abc"})
    assert detail(response, 401) == "No access token provided"
    assert ok(client.post("/v1/apps/list", headers=bearer("admin-key")))["total"] == 0
    assert detail(client.get("/v1/nothing"), 404) == "Not Found"


def test_created_keys_are_accepted(secured: tuple[FakeHoncho, httpx.Client]) -> None:
    _, client = secured
    admin = bearer("admin-key")
    app = ok(client.post("/v1/apps", json={"name": "a"}, headers=admin))
    other = ok(client.post("/v1/apps", json={"name": "b"}, headers=admin))
    unscoped = ok(client.post("/v1/keys", headers=admin))["key"]
    assert ok(client.post("/v1/apps/list", headers=bearer(unscoped)))["total"] == 2

    scoped = bearer(ok(client.post("/v1/keys", params={"app_id": app["id"]}, headers=admin))["key"])
    assert ok(client.get("/v1/apps", headers=scoped)) == app
    assert ok(client.post(f"/v1/apps/{app['id']}/users", json={"name": "u"}, headers=scoped))
    response = client.post(f"/v1/apps/{other['id']}/users", json={"name": "u"}, headers=scoped)
    assert detail(response, 401) == "JWT not permissioned for this resource"
    assert detail(client.post("/v1/keys", headers=scoped), 401) == (
        "Resource requires admin privileges"
    )


def test_expired_key_is_rejected(secured: tuple[FakeHoncho, httpx.Client]) -> None:
    _, client = secured
    params = {"expires_at": "2000-01-01T00:00:00Z"}
    key = ok(client.post("/v1/keys", params=params, headers=bearer("admin-key")))["key"]
    assert detail(client.post("/v1/apps/list", headers=bearer(key)), 401) == "JWT expired"


def test_default_api_key() -> None:
    fake = FakeHoncho(require_auth=True)
    assert fake.api_key == DEFAULT_API_KEY
    response = fake.handle("POST", "/v1/apps/list", headers=bearer(DEFAULT_API_KEY))
    assert response.status == 200


def test_without_auth_keys_are_ignored(http: httpx.Client, world: World) -> None:
    response = http.post("/v1/apps/list", headers=bearer("whatever"))
    assert ok(response)["total"] == 1
    other = build_world(http, app_name="o")
    assert ok(http.get("/v1/apps", params={"app_id": other.app["id"]}))
