"""Routing (404, 405, 307, percent-encoding, CORS), keys and the optional bearer-key auth mode."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import httpx
import pytest

from honcho_client.testing import DEFAULT_API_KEY, FakeHoncho

from .conftest import World, build_world, detail, ok


def test_unknown_route_is_404(http: httpx.Client) -> None:
    assert detail(http.get("/v1/nothing"), 404) == "Not Found"
    assert detail(http.get("/v2/apps"), 404) == "Not Found"
    assert detail(http.post("/v1/apps/a/users/b/extra/c"), 404) == "Not Found"


def test_wrong_method_is_405_naming_the_first_route_that_fits(http: httpx.Client) -> None:
    response = http.get("/v1/apps/list")
    assert (detail(response, 405), response.headers["allow"]) == ("Method Not Allowed", "POST")
    response = http.delete("/v1/apps")
    assert response.headers["allow"] == "GET"  # GET /v1/apps is registered before POST
    response = http.patch("/v1/apps/some-id", json={})
    assert detail(response, 405) == "Method Not Allowed"
    assert response.headers["allow"] == "PUT"
    response = http.request("HEAD", "/v1/apps")
    assert (response.status_code, response.headers["allow"]) == (405, "GET")
    # A GET that fits a later route with a parameter is served by it.
    path = "/v1/apps/a/users/b/sessions/c/messages/list"
    assert detail(http.get(path), 404) == "Message with ID list not found"


def test_trailing_slash_is_redirected(http: httpx.Client) -> None:
    response = http.post("/v1/apps/", json={"name": "x"}, params={"q": "1"})
    assert response.status_code == 307
    assert response.headers["location"].endswith("/v1/apps?q=1")
    assert response.content == b""
    response = http.get("/v1/apps/name/a%20b/")
    assert response.headers["location"].endswith("/v1/apps/name/a%20b")
    # An empty parameter cannot match, so the slashless path is tried.
    assert http.get("/v1/apps/name/").headers["location"].endswith("/v1/apps/name")
    assert detail(http.get("/v1/nothing/"), 404) == "Not Found"


def test_percent_encoded_slash_splits_the_path(http: httpx.Client, world: World) -> None:
    # The server decodes the path before routing, so %2F is a separator.
    assert detail(http.get(f"{world.app_path}/users/name/a%2Fb"), 404) == "Not Found"
    assert detail(http.get("/v1/apps/get_or_create/x%2Fy"), 404) == "Not Found"
    ok(http.post(f"{world.app_path}/users", json={"name": "a b_c"}))
    assert ok(http.get(f"{world.app_path}/users/name/a%20b_c"))["name"] == "a b_c"


def test_cors(http: httpx.Client) -> None:
    preflight = {"Origin": "http://localhost", "Access-Control-Request-Method": "POST"}
    response = http.options("/v1/apps", headers=preflight)
    assert (response.status_code, response.text) == (200, "OK")
    assert response.headers["access-control-allow-origin"] == "http://localhost"
    response = http.options("/anything", headers={**preflight, "Origin": "http://evil.test"})
    assert (response.status_code, response.text) == (400, "Disallowed CORS origin")
    response = http.post("/v1/apps/list", headers={"Origin": "https://demo.honcho.dev"})
    assert response.headers["access-control-allow-origin"] == "https://demo.honcho.dev"
    response = http.options("/v1/apps")  # not a preflight
    assert (response.status_code, response.headers["allow"]) == (405, "GET")


def test_body_that_is_not_utf8_is_400(http: httpx.Client) -> None:
    headers = {"content-type": "application/json"}
    response = http.post("/v1/apps", content=b'{"name": "\xff"}', headers=headers)
    assert detail(response, 400) == "There was an error parsing the body"


def test_keys_need_the_auth_mode(http: httpx.Client, world: World) -> None:
    response = http.post("/v1/keys", params={"app_id": world.app["id"]})
    assert detail(response, 405) == "Feature is disabled"
    (issue,) = detail(http.post("/v1/keys", params={"expires_at": "soon"}), 422)
    assert issue["loc"] == ["query", "expires_at"]  # the query is validated first


def test_get_by_id_without_id_is_401(http: httpx.Client, world: World) -> None:
    for path, label in (
        ("/v1/apps", "App"),
        (f"{world.app_path}/users", "User"),
        (f"{world.user_path}/sessions", "Session"),
        (f"{world.user_path}/collections", "Collection"),
    ):
        assert detail(http.get(path), 401) == f"{label} ID not found in query parameter or JWT"


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


def test_created_keys_are_jwts_scoped_to_their_ids(
    secured: tuple[FakeHoncho, httpx.Client],
) -> None:
    _, client = secured
    admin = bearer("admin-key")
    app = ok(client.post("/v1/apps", json={"name": "a"}, headers=admin))
    other = ok(client.post("/v1/apps", json={"name": "b"}, headers=admin))
    message = "At least one of app_id, user_id, session_id, or collection_id must be provided"
    assert detail(client.post("/v1/keys", headers=admin), 422) == message
    assert detail(client.post("/v1/keys", params={"app_id": ""}, headers=admin), 422) == message

    key = ok(client.post("/v1/keys", params={"app_id": app["id"]}, headers=admin))["key"]
    header, payload, _ = key.split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "==")) == {"alg": "HS256", "typ": "JWT"}
    assert json.loads(base64.urlsafe_b64decode(payload + "=="))["ap"] == app["id"]
    scoped = bearer(key)
    assert ok(client.get("/v1/apps", headers=scoped)) == app
    assert ok(client.post(f"/v1/apps/{app['id']}/users", json={"name": "u"}, headers=scoped))
    response = client.post(f"/v1/apps/{other['id']}/users", json={"name": "u"}, headers=scoped)
    assert detail(response, 401) == "JWT not permissioned for this resource"
    response = client.get("/v1/apps", params={"app_id": other["id"]}, headers=scoped)
    assert detail(response, 401) == "Unauthorized access to resource"
    assert detail(client.post("/v1/keys", params={"app_id": "x"}, headers=scoped), 401) == (
        "Resource requires admin privileges"
    )
    # Change the signature's first character: every bit of it counts. (Its last character
    # carries padding bits a decoder ignores, so changing that may give the same signature.)
    signing_input, signature = key.rsplit(".", 1)
    forged = f"{signing_input}.{'B' if signature[0] == 'A' else 'A'}{signature[1:]}"
    assert detail(client.post("/v1/apps/list", headers=bearer(forged)), 401) == "Invalid JWT"


def test_key_scope_reaches_down_and_supplies_missing_ids(
    secured: tuple[FakeHoncho, httpx.Client],
) -> None:
    fake, client = secured
    admin = bearer("admin-key")
    with httpx.Client(transport=fake.transport(), base_url="http://h", headers=admin) as http:
        world = build_world(http)
    params = {"user_id": world.user["id"], "session_id": world.session["id"]}
    key = bearer(ok(client.post("/v1/keys", params=params, headers=admin))["key"])
    assert ok(client.get(f"{world.app_path}/users", headers=key)) == world.user
    assert ok(client.get(f"{world.user_path}/sessions", headers=key)) == world.session
    assert ok(client.post(f"{world.session_path}/messages/list", headers=key))["total"] == 0
    # A user id in the query string grants a route that has none in its path.
    response = client.post(
        f"{world.app_path}/users", params={"user_id": world.user["id"]}, json={}, headers=key
    )
    assert detail(response, 422)[0]["loc"] == ["body", "name"]
    response = client.get(f"{world.app_path}/users/name/alice", headers=key)
    assert detail(response, 401) == "JWT not permissioned for this resource"


def test_expiring_keys_are_rejected_like_upstream() -> None:
    fake = FakeHoncho(require_auth=True, api_keys=["admin-key"])
    for expires in ("2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z"):
        params = {"app_id": "a", "expires_at": expires}
        key = fake.handle("POST", "/v1/keys", params, bearer("admin-key")).json()["key"]
        answer = fake.handle("GET", "/v1/apps", "app_id=a", bearer(key))
        assert (answer.status, answer.json()) == (401, {"detail": "Invalid JWT"})


def test_expiring_keys_work_until_they_expire_as_intended() -> None:
    fake = FakeHoncho(require_auth=True, api_keys=["admin-key"], server_defects=False)
    app = fake.handle("POST", "/v1/apps", headers=bearer("admin-key"), body=b'{"name": "a"}').json()
    keys = {}
    for expires in ("2000-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "2999-01-01"):
        params = {"app_id": app["id"], "expires_at": expires}
        keys[expires] = fake.handle("POST", "/v1/keys", params, bearer("admin-key")).json()["key"]
    expired = fake.handle("GET", "/v1/apps", headers=bearer(keys["2000-01-01T00:00:00Z"]))
    assert (expired.status, expired.json()) == (401, {"detail": "JWT expired"})
    for expires in ("2999-01-01T00:00:00Z", "2999-01-01"):
        answer = fake.handle("GET", "/v1/apps", headers=bearer(keys[expires]))
        assert (answer.status, answer.json()) == (200, app)


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
