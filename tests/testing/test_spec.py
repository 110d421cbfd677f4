"""The fake against the published Honcho 1.1.0 OpenAPI reference.

Checks that the routing table holds exactly the 41 operations, that each validates its body
with the request model the reference names (the SDK's generated model, as the fake
configures it) and its query with the parameters the reference lists, and that the responses
of a run over all operations match the response schemas exactly.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from _shared import shared_dir

from honcho_client import types
from honcho_client.testing import FakeHoncho
from honcho_client.testing._models import body_model
from honcho_client.testing._routes import ROUTES, resolve

from .conftest import build_world

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    folder = shared_dir()
    path = folder / "reference" / "honcho-openapi-1.1.0.json" if folder else None
    if path is None or not path.is_file():
        pytest.skip("the Honcho 1.1.0 reference is not available")
    return dict(json.loads(path.read_text()))


def operations(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {
        (method.upper(), path): op
        for path, item in spec["paths"].items()
        for method, op in item.items()
    }


def resolve_ref(spec: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = spec["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def ref_name(node: dict[str, Any]) -> str:
    """The schema a request body refers to (through an ``anyOf`` with null, if optional)."""
    for option in node.get("anyOf", [node]):
        if "$ref" in option:
            return str(option["$ref"].rsplit("/", 1)[1])
    raise AssertionError(f"no schema reference in {node}")


def test_routes_are_the_41_operations(spec: dict[str, Any]) -> None:
    assert sorted((r.method, r.template) for r in ROUTES) == sorted(operations(spec))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.template}")
def test_requests_are_validated_as_the_reference_says(spec: dict[str, Any], route: Any) -> None:
    op = operations(spec)[(route.method, route.template)]
    query = [p["name"] for p in op.get("parameters", ()) if p["in"] == "query"]
    assert sorted(route.query) == sorted(query)

    body = op.get("requestBody")
    if body is None:
        assert route.body is None
        return
    assert route.body is not None
    assert route.optional_body is not body.get("required", False)
    name = ref_name(body["content"]["application/json"]["schema"])
    assert route.body == name
    generated = getattr(types, name)
    model = body_model(name)
    assert issubclass(model, generated)
    assert set(model.model_fields) == set(spec["components"]["schemas"][name]["properties"])


def response_schema(spec: dict[str, Any], method: str, template: str) -> dict[str, Any]:
    content = operations(spec)[(method, template)]["responses"]["200"]["content"]
    return dict(content["application/json"]["schema"])


def check_exact_keys(spec: dict[str, Any], schema: dict[str, Any], value: Any) -> None:
    """Objects carry exactly the properties their schema lists."""
    schema = resolve_ref(spec, schema)
    if "properties" in schema:
        assert set(value) == set(schema["properties"]), (schema.get("title"), value)
        for name, prop in schema["properties"].items():
            check_exact_keys(spec, prop, value[name])
    elif schema.get("type") == "array":
        for item in value:
            check_exact_keys(spec, schema["items"], item)


def test_responses_match_the_reference(spec: dict[str, Any]) -> None:
    fake = FakeHoncho(require_auth=True)
    seen: dict[tuple[str, str], int] = {}
    validator_cls = jsonschema.validators.validator_for(spec)
    document = {"components": spec["components"]}

    def check(response: httpx.Response) -> None:
        request = response.request
        route, _ = resolve(request.method, request.url.path)
        key = (route.method, route.template)
        response.read()
        if response.status_code != 200 or not response.headers["content-type"].startswith(
            "application/json"
        ):
            return
        schema = response_schema(spec, *key)
        validator = validator_cls({**schema, **document})
        validator.validate(response.json())
        check_exact_keys(spec, schema, response.json())
        seen[key] = seen.get(key, 0) + 1

    with httpx.Client(
        transport=fake.transport(),
        base_url="http://t",
        headers={"Authorization": f"Bearer {fake.api_key}"},
        event_hooks={"response": [check]},
    ) as http:
        run_every_operation(http)
    missing = set(operations(spec)) - set(seen)
    assert missing == set()


def run_every_operation(http: httpx.Client) -> None:
    world = build_world(http)
    app, user, session = world.app, world.user, world.session
    http.get("/v1/apps", params={"app_id": app["id"]})
    http.post("/v1/apps/list", json={"filter": {}})
    http.get("/v1/apps/name/app")
    http.get("/v1/apps/get_or_create/other")
    http.put(world.app_path, json={"metadata": {"x": 1}})
    http.get(f"{world.app_path}/users", params={"user_id": user["id"]})
    http.post(f"{world.app_path}/users/list")
    http.get(f"{world.app_path}/users/name/alice")
    http.get(f"{world.app_path}/users/get_or_create/bob")
    http.put(world.user_path, json={"name": "alicia"})
    http.get(f"{world.user_path}/sessions", params={"session_id": session["id"]})
    http.post(f"{world.user_path}/sessions/list", json={"is_active": True})
    http.put(world.session_path, json={"metadata": {"t": 1}})
    message = http.post(
        f"{world.session_path}/messages", json={"content": "hi", "is_user": True}
    ).json()
    http.post(
        f"{world.session_path}/messages/batch",
        json={"messages": [{"content": "a", "is_user": False}]},
    )
    http.post(f"{world.session_path}/messages/list")
    http.get(f"{world.session_path}/messages/{message['id']}")
    http.put(f"{world.session_path}/messages/{message['id']}", json={"metadata": {}})
    meta = http.post(
        f"{world.user_path}/metamessages",
        json={
            "metamessage_type": "t",
            "content": "c",
            "session_id": session["id"],
            "message_id": message["id"],
        },
    ).json()
    http.post(f"{world.user_path}/metamessages/list")
    http.get(f"{world.user_path}/metamessages/{meta['id']}")
    http.put(f"{world.user_path}/metamessages/{meta['id']}", json={"metamessage_type": "u"})
    http.post(f"{world.session_path}/chat", json={"queries": "q"})
    http.get(f"{world.session_path}/clone", params={"deep_copy": True})
    collection = http.post(f"{world.user_path}/collections", json={"name": "c"}).json()
    coll_path = f"{world.user_path}/collections/{collection['id']}"
    http.get(f"{world.user_path}/collections", params={"collection_id": collection["id"]})
    http.post(f"{world.user_path}/collections/list")
    http.get(f"{world.user_path}/collections/name/c")
    http.put(coll_path, json={"metadata": {"k": 1}})
    document = http.post(f"{coll_path}/documents", json={"content": "doc"}).json()
    http.post(f"{coll_path}/documents/list")
    http.get(f"{coll_path}/documents/{document['id']}")
    http.put(f"{coll_path}/documents/{document['id']}", json={"metadata": {"k": 2}})
    http.post(f"{coll_path}/documents/query", json={"query": "new"})
    http.delete(f"{coll_path}/documents/{document['id']}")
    http.delete(coll_path)
    http.delete(world.session_path)
    http.post("/v1/keys", params={"app_id": app["id"]})
