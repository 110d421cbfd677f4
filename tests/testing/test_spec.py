"""The fake against the published Honcho 1.1.0 OpenAPI reference.

Checks that the routing table holds exactly the 41 operations, that every request
constraint of the reference (types, lengths, bounds, required fields) is validated, and
that the responses of a run over all operations match the response schemas exactly.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from _shared import shared_dir

from honcho_client.testing import FakeHoncho
from honcho_client.testing._routes import ROUTES, resolve
from honcho_client.testing._validation import (
    Bool,
    DateTime,
    Dict,
    Int,
    ListOf,
    Model,
    Nullable,
    Schema,
    Str,
    StrOrStrList,
)

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


def spec_shape(spec: dict[str, Any], node: dict[str, Any]) -> Any:
    """A comparable description of a reference schema."""
    node = resolve_ref(spec, node)
    if "anyOf" in node:
        options = [o for o in node["anyOf"] if o.get("type") != "null"]
        if len(options) < len(node["anyOf"]):
            (only,) = options
            return ("nullable", spec_shape(spec, only))
        return ("union", tuple(spec_shape(spec, o) for o in options))
    kind = node.get("type")
    if kind == "object" and "properties" in node:
        required = set(node.get("required", ()))
        return (
            "model",
            tuple(
                (name, name in required, spec_shape(spec, prop))
                for name, prop in node["properties"].items()
            ),
        )
    if kind == "object":
        return ("dict", node.get("maxProperties"))
    if kind == "string" and node.get("format") == "date-time":
        return ("datetime",)
    if kind == "string":
        return ("str", node.get("minLength"), node.get("maxLength"))
    if kind == "integer":
        return ("int", node.get("minimum"), node.get("maximum"))
    if kind == "boolean":
        return ("bool",)
    if kind == "array":
        return ("list", spec_shape(spec, node["items"]), node.get("maxItems"))
    raise AssertionError(f"unexpected schema {node}")


def fake_shape(schema: Schema) -> Any:
    """The same description for one of the fake's validators."""
    if isinstance(schema, Nullable):
        return ("nullable", fake_shape(schema.inner))
    if isinstance(schema, StrOrStrList):
        return ("union", (("str", None, None), ("list", ("str", None, None), None)))
    if isinstance(schema, Model):
        return (
            "model",
            tuple((name, f.required, fake_shape(f.schema)) for name, f in schema.fields.items()),
        )
    if isinstance(schema, Dict):
        return ("dict", schema.max_length)
    if isinstance(schema, DateTime):
        return ("datetime",)
    if isinstance(schema, Str):
        return ("str", schema.min_length, schema.max_length)
    if isinstance(schema, Int):
        return ("int", schema.ge, schema.le)
    if isinstance(schema, Bool):
        return ("bool",)
    if isinstance(schema, ListOf):
        return ("list", fake_shape(schema.item), schema.max_length)
    raise AssertionError(f"unexpected validator {schema}")


def test_routes_are_the_41_operations(spec: dict[str, Any]) -> None:
    assert sorted((r.method, r.template) for r in ROUTES) == sorted(operations(spec))


@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r.method} {r.template}")
def test_request_constraints_match_the_reference(spec: dict[str, Any], route: Any) -> None:
    op = operations(spec)[(route.method, route.template)]
    query = {
        p["name"]: spec_shape(spec, p["schema"])
        for p in op.get("parameters", ())
        if p["in"] == "query"
    }
    mine = {name: fake_shape(param.schema) for name, param in route.query.items()}
    # A nullable query parameter cannot be null in a query string: compare what is inside.
    unwrap = {k: v[1] if v[0] == "nullable" else v for k, v in query.items()}
    assert {k: v[1] if v[0] == "nullable" else v for k, v in mine.items()} == unwrap

    body = op.get("requestBody")
    if body is None:
        assert route.body is None
        return
    assert route.body is not None
    assert route.optional_body is not body.get("required", False)
    expected = spec_shape(spec, body["content"]["application/json"]["schema"])
    if expected[0] == "nullable":
        expected = expected[1]
    assert fake_shape(route.body) == expected


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
    fake = FakeHoncho()
    seen: dict[tuple[str, str], int] = {}
    validator_cls = jsonschema.validators.validator_for(spec)
    document = {"components": spec["components"]}

    def check(response: httpx.Response) -> None:
        request = response.request
        route, _ = resolve(request.method, request.url.path.split("/")[1:])
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
        transport=fake.transport(), base_url="http://t", event_hooks={"response": [check]}
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
    http.put(f"{coll_path}/documents/{document['id']}", json={"content": "new"})
    http.post(f"{coll_path}/documents/query", json={"query": "new"})
    http.delete(f"{coll_path}/documents/{document['id']}")
    http.delete(coll_path)
    http.delete(world.session_path)
    http.post("/v1/keys", params={"app_id": app["id"]})
