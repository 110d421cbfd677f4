"""Apps: create, get (by id, by name), get_or_create, update, list, and their errors."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording, segment
from .._registry import scenario
from ._world import UNKNOWN, create_app


@scenario("apps.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create an app, read it every way, update it and list it."""
    app = r.post("/v1/apps", json={"name": r.name("a"), "metadata": {"run": r.run, "n": 1}})
    app_id = app["id"]
    r.get("/v1/apps", query={"app_id": app_id})
    r.get(f"/v1/apps/name/{segment(r.name('a'))}")
    r.get(f"/v1/apps/get_or_create/{segment(r.name('a'))}")
    r.get(f"/v1/apps/get_or_create/{segment(r.name('b'))}")
    r.put(f"/v1/apps/{app_id}", json={"metadata": {"run": r.run, "n": 2, "deep": {"x": [1, 2]}}})
    r.put(f"/v1/apps/{app_id}", json={"name": r.name("renamed")})
    r.put(f"/v1/apps/{app_id}", json={"name": r.name("renamed"), "metadata": {"run": r.run}})
    r.put(f"/v1/apps/{app_id}", json={})
    r.put(f"/v1/apps/{app_id}", json={"name": None, "metadata": None})
    r.get(f"/v1/apps/name/{segment(r.name('renamed'))}")
    r.get(f"/v1/apps/name/{segment(r.name('a'))}", covers="apps.by_name.not_found")


@scenario("apps.list")
def list_apps(r: Recording) -> None:
    """The apps list, narrowed to this run by a metadata filter: order, pages, reverse."""
    for index in range(3):
        r.post("/v1/apps", json={"name": r.name(f"l{index}"), "metadata": {"run": r.run}})
    r.post("/v1/apps", json={"name": r.name("other"), "metadata": {"run": r.run, "tag": "t"}})
    mine = {"filter": {"run": r.run}}
    r.post("/v1/apps/list", json=mine)
    r.post("/v1/apps/list", json=mine, query={"reverse": True})
    r.post("/v1/apps/list", json=mine, query={"page": 2, "size": 3})
    r.post("/v1/apps/list", json=mine, query={"page": 3, "size": 3})
    r.post("/v1/apps/list", json={"filter": {"run": r.run, "tag": "t"}})
    r.post("/v1/apps/list", json={"filter": {"run": r.run, "tag": "missing"}})
    r.post("/v1/apps/list", json=mine, query={"page": 0}, covers="framework.page_invalid")
    r.post("/v1/apps/list", json=mine, query={"size": 0}, covers="framework.page_invalid")
    r.post("/v1/apps/list", json=mine, query={"size": 101}, covers="framework.page_invalid")
    r.post("/v1/apps/list", json=mine, query={"size": 100})
    r.post("/v1/apps/list", json=mine, query={"page": "x"}, covers="framework.query_invalid")
    r.post("/v1/apps/list", json=mine, query={"reverse": "maybe"}, covers="framework.query_invalid")
    r.post("/v1/apps/list", json=mine, query={"reverse": "1"})
    r.post("/v1/apps/list", json={"filter": "no"}, covers="framework.body_wrong_type")


@scenario("apps.create_errors")
def create_errors(r: Recording) -> None:
    """Invalid app bodies and a name taken twice."""
    r.post("/v1/apps", covers="framework.body_missing")
    r.post("/v1/apps", json={}, covers="framework.body_missing")
    r.post("/v1/apps", json={"name": ""}, covers="apps.create.invalid")
    r.post("/v1/apps", json={"name": r.name("n" * 100)}, covers="apps.create.invalid")
    r.post("/v1/apps", json={"name": 12}, covers="framework.body_wrong_type")
    r.post("/v1/apps", json={"name": r.name("m"), "metadata": [1]})
    r.post("/v1/apps", json={"name": r.name("m"), "metadata": "x"})
    r.post("/v1/apps", json=None)
    r.post("/v1/apps", json=[{"name": r.name("list")}])
    r.post("/v1/apps", text='{"name": ', covers="framework.body_invalid_json")
    r.post("/v1/apps", json={"name": r.name("dup")})
    r.post("/v1/apps", json={"name": r.name("dup")}, covers="apps.create.conflict")
    r.post("/v1/apps", json={"name": r.name("extra"), "unknown": 1})
    r.post("/v1/apps", text='{"name": "' + r.name("twice") + '", "name": "' + r.name("t2") + '"}')
    r.post(
        "/v1/apps",
        text='{"name":"' + r.name("ctype") + '"}',
        headers={"content-type": "text/plain"},
    )


@scenario("apps.get_errors")
def get_errors(r: Recording) -> None:
    """Get an app by an unknown, omitted or empty id, and by an unknown name."""
    r.get("/v1/apps", query={"app_id": UNKNOWN}, covers="apps.get.not_found")
    r.get("/v1/apps", covers=("get_by_id.omitted.apps", "apps.get.no_id"))
    r.get("/v1/apps", query={"app_id": ""}, covers="get_by_id.empty.apps")
    r.get(f"/v1/apps/name/{segment(r.name('nothing'))}", covers="apps.by_name.not_found")


@scenario("apps.update_errors")
def update_errors(r: Recording) -> None:
    """Updates of an unknown app, to a taken name, to a name over 512 characters."""
    first = create_app(r, "first")
    create_app(r, "second")
    r.put(f"/v1/apps/{UNKNOWN}", json={"name": r.name("z")}, covers="apps.update.not_found")
    r.put(
        f"/v1/apps/{first}",
        json={"name": r.name("second")},
        covers=("apps.update.conflict", "details.app_update_conflict"),
    )
    long_name = r.macro(repeat("n", 513))
    r.put(f"/v1/apps/{first}", json={"name": long_name}, covers="conflicts.name_long_update")
    r.put(f"/v1/apps/{first}", json={"name": r.name("n" * 200)})
    r.put(f"/v1/apps/{first}", covers="framework.body_missing")
    r.put(f"/v1/apps/{first}", json={"metadata": 3}, covers="framework.body_wrong_type")
    r.get("/v1/apps", query={"app_id": first})
