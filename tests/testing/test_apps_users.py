"""Apps and users: create, get, by name, get_or_create, update, lists, 404 and 409 details."""

from __future__ import annotations

import httpx

from .conftest import World, assert_page, assert_record, build_world, detail, ok


def test_create_app_returns_the_app_shape(http: httpx.Client) -> None:
    app = ok(http.post("/v1/apps", json={"name": "demo", "metadata": {"tier": "free"}}))
    assert_record(app, "App")
    assert (app["name"], app["metadata"]) == ("demo", {"tier": "free"})


def test_metadata_defaults_to_an_empty_object(http: httpx.Client) -> None:
    assert ok(http.post("/v1/apps", json={"name": "demo"}))["metadata"] == {}


def test_ids_are_distinct(http: httpx.Client) -> None:
    ids = {ok(http.post("/v1/apps", json={"name": f"a{i}"}))["id"] for i in range(20)}
    assert len(ids) == 20


def test_get_app_by_id_and_name(http: httpx.Client) -> None:
    app = ok(http.post("/v1/apps", json={"name": "demo"}))
    assert ok(http.get("/v1/apps", params={"app_id": app["id"]})) == app
    assert ok(http.get("/v1/apps/name/demo")) == app


def test_unknown_app_is_404(http: httpx.Client) -> None:
    assert detail(http.get("/v1/apps", params={"app_id": "nope"}), 404) == (
        "App with ID nope not found"
    )
    assert detail(http.get("/v1/apps/name/nope"), 404) == "App with name 'nope' not found"
    assert detail(http.put("/v1/apps/nope", json={}), 404) == "App with ID nope not found"


def test_unknown_app_is_reported_as_its_child(http: httpx.Client) -> None:
    # The server looks the child up by (app, id) and, to create, lets the database object.
    assert detail(http.post("/v1/apps/nope/users", json={"name": "u"}), 409) == (
        "User with this name already exists"
    )
    assert detail(http.get("/v1/apps/nope/users/get_or_create/u"), 409) == (
        "User with this name already exists"
    )
    assert detail(http.get("/v1/apps/nope/users", params={"user_id": "x"}), 404) == (
        "User with ID 'x' not found"
    )
    assert detail(http.post("/v1/apps/nope/users/x/sessions", json={}), 404) == (
        "User with ID 'x' not found"
    )


def test_get_app_without_id_is_401(http: httpx.Client) -> None:
    message = "App ID not found in query parameter or JWT"
    assert detail(http.get("/v1/apps"), 401) == message
    assert detail(http.get("/v1/apps", params={"app_id": ""}), 401) == message


def test_duplicate_app_name_is_409(http: httpx.Client) -> None:
    ok(http.post("/v1/apps", json={"name": "x"}))
    assert detail(http.post("/v1/apps", json={"name": "x"}), 409) == (
        "App with name 'x' already exists"
    )


def test_get_or_create_app(http: httpx.Client) -> None:
    created = ok(http.get("/v1/apps/get_or_create/demo"))
    assert_record(created, "App")
    assert ok(http.get("/v1/apps/get_or_create/demo")) == created
    assert ok(http.post("/v1/apps/list"))["total"] == 1


def test_update_app(http: httpx.Client) -> None:
    app = ok(http.post("/v1/apps", json={"name": "old", "metadata": {"a": 1}}))
    renamed = ok(http.put(f"/v1/apps/{app['id']}", json={"name": "new"}))
    assert (renamed["name"], renamed["metadata"]) == ("new", {"a": 1})
    updated = ok(http.put(f"/v1/apps/{app['id']}", json={"metadata": {"b": 2}}))
    assert (updated["name"], updated["metadata"]) == ("new", {"b": 2})
    assert ok(http.put(f"/v1/apps/{app['id']}", json={"name": "new"}))["name"] == "new"


def test_rename_app_to_a_taken_name_is_409(http: httpx.Client) -> None:
    ok(http.post("/v1/apps", json={"name": "taken"}))
    app = ok(http.post("/v1/apps", json={"name": "mine"}))
    response = http.put(f"/v1/apps/{app['id']}", json={"name": "taken"})
    assert detail(response, 409) == "App update failed - unique constraint violation"
    assert ok(http.put(f"/v1/apps/{app['id']}", json={"name": "n" * 512}))["name"] == "n" * 512
    response = http.put(f"/v1/apps/{app['id']}", json={"name": "n" * 513})
    assert detail(response, 409) == "App update failed - unique constraint violation"
    assert [a["name"] for a in ok(http.post("/v1/apps/list"))["items"]] == ["taken", "n" * 512]


def test_list_apps_pages(http: httpx.Client) -> None:
    names = [f"app{i}" for i in range(5)]
    for name in names:
        ok(http.post("/v1/apps", json={"name": name}))
    page = ok(http.post("/v1/apps/list", params={"size": 2}))
    assert_page(page, "App", total=5, size=2)
    assert [a["name"] for a in page["items"]] == names[:2]
    last = ok(http.post("/v1/apps/list", params={"size": 2, "page": 3}))
    assert [a["name"] for a in last["items"]] == names[4:]
    past = ok(http.post("/v1/apps/list", params={"size": 2, "page": 9}))
    assert_page(past, "App", total=5, page=9, size=2)
    assert past["items"] == []
    reverse = ok(http.post("/v1/apps/list", params={"reverse": "true"}, json={}))
    assert [a["name"] for a in reverse["items"]] == names[::-1]


def test_list_body_may_be_absent_null_or_empty(http: httpx.Client) -> None:
    ok(http.post("/v1/apps", json={"name": "a"}))
    for kwargs in ({}, {"content": b"null"}, {"json": {}}, {"json": {"filter": None}}):
        assert ok(http.post("/v1/apps/list", **kwargs))["total"] == 1  # type: ignore[arg-type]


def test_empty_list_has_zero_pages(http: httpx.Client) -> None:
    assert_page(ok(http.post("/v1/apps/list")), "App", total=0)


def test_list_filter_is_json_containment(http: httpx.Client) -> None:
    metadata = [
        {"team": "a", "tags": ["x", "y"], "cfg": {"deep": {"on": True}, "n": 1}},
        {"team": "a", "tags": ["y"], "cfg": {"deep": {"on": False}}},
        {"team": "b"},
    ]
    for i, meta in enumerate(metadata):
        ok(http.post("/v1/apps", json={"name": f"a{i}", "metadata": meta}))

    def names(filter_: object) -> list[str]:
        page = ok(http.post("/v1/apps/list", json={"filter": filter_}))
        return [a["name"] for a in page["items"]]

    assert names({"team": "a"}) == ["a0", "a1"]
    assert names({"tags": ["y"]}) == ["a0", "a1"]
    assert names({"tags": ["x", "y"]}) == ["a0"]
    assert names({"cfg": {"deep": {"on": True}}}) == ["a0"]
    assert names({"cfg": {"n": 1.0}}) == ["a0"]
    assert names({"cfg": {"deep": {"on": 1}}}) == []
    assert names({"missing": None}) == []
    assert names({}) == ["a0", "a1", "a2"]


def test_create_and_get_user(http: httpx.Client, world: World) -> None:
    assert_record(world.user, "User")
    assert world.user["app_id"] == world.app["id"]
    assert ok(http.get(f"{world.app_path}/users", params={"user_id": world.user["id"]})) == (
        world.user
    )
    assert ok(http.get(f"{world.app_path}/users/name/alice")) == world.user


def test_user_names_are_unique_per_app(http: httpx.Client, world: World) -> None:
    response = http.post(f"{world.app_path}/users", json={"name": "alice"})
    assert detail(response, 409) == "User with this name already exists"
    other = ok(http.post("/v1/apps", json={"name": "other"}))
    assert ok(http.post(f"/v1/apps/{other['id']}/users", json={"name": "alice"}))


def test_unknown_user_is_404(http: httpx.Client, world: World) -> None:
    response = http.get(f"{world.app_path}/users", params={"user_id": "ghost"})
    assert detail(response, 404) == "User with ID 'ghost' not found"
    assert detail(http.get(f"{world.app_path}/users/name/bob"), 404) == (
        "User with name 'bob' not found"
    )
    response = http.put(f"{world.app_path}/users/ghost", json={})
    assert detail(response, 404) == "User with ID 'ghost' not found"


def test_user_of_another_app_is_not_found(http: httpx.Client, world: World) -> None:
    other = build_world(http, app_name="other", user_name="bob")
    crossed = f"{world.app_path}/users/{other.user['id']}"
    assert detail(http.put(crossed, json={}), 404) == f"User with ID '{other.user['id']}' not found"
    assert detail(http.post(f"{crossed}/sessions", json={}), 404) == (
        f"User with ID '{other.user['id']}' not found"
    )
    response = http.get(f"{world.app_path}/users", params={"user_id": other.user["id"]})
    assert response.status_code == 404


def test_get_user_without_id_is_401(http: httpx.Client, world: World) -> None:
    message = "User ID not found in query parameter or JWT"
    assert detail(http.get(f"{world.app_path}/users"), 401) == message


def test_get_or_create_user(http: httpx.Client, world: World) -> None:
    assert ok(http.get(f"{world.app_path}/users/get_or_create/alice")) == world.user
    bob = ok(http.get(f"{world.app_path}/users/get_or_create/bob"))
    assert_record(bob, "User")
    assert bob["name"] == "bob"
    assert ok(http.post(f"{world.app_path}/users/list"))["total"] == 2


def test_update_user_and_rename_conflict(http: httpx.Client, world: World) -> None:
    ok(http.post(f"{world.app_path}/users", json={"name": "bob"}))
    updated = ok(http.put(world.user_path, json={"name": "alicia", "metadata": {"k": "v"}}))
    assert (updated["name"], updated["metadata"]) == ("alicia", {"k": "v"})
    response = http.put(world.user_path, json={"name": "bob"})
    assert detail(response, 409) == "User update failed - unique constraint violation"
    response = http.put(world.user_path, json={"name": "b" * 513})
    assert detail(response, 409) == "User update failed - unique constraint violation"
    assert ok(http.put(world.user_path, json={"name": "alicia"}))["name"] == "alicia"


def test_list_users_is_scoped_to_the_app(http: httpx.Client, world: World) -> None:
    build_world(http, app_name="other", user_name="bob")
    ok(http.post(f"{world.app_path}/users", json={"name": "carol", "metadata": {"vip": True}}))
    page = ok(http.post(f"{world.app_path}/users/list"))
    assert_page(page, "User", total=2)
    assert [u["name"] for u in page["items"]] == ["alice", "carol"]
    vip = ok(http.post(f"{world.app_path}/users/list", json={"filter": {"vip": True}}))
    assert [u["name"] for u in vip["items"]] == ["carol"]
    # Lists never check their parent: an unknown app has no users.
    assert_page(ok(http.post("/v1/apps/nope/users/list")), "User", total=0)
