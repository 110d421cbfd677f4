"""The spec reader: what it makes of OpenAPI 3.0 and 3.1 constructs, and how it refuses the rest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]

from codegen import spec as _spec

ROOT = Path(__file__).resolve().parents[2]


def _doc(
    paths: dict[str, Any], schemas: dict[str, Any] | None = None, version: str = "3.1.0"
) -> dict[str, Any]:
    return {
        "openapi": version,
        "info": {"title": "T", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas or {}},
    }


def _load(tmp_path: Path, doc: dict[str, Any]) -> _spec.Api:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(doc))
    return _spec.load(path)


def _ok(schema: dict[str, Any] | None = None) -> dict[str, Any]:
    content = {"application/json": {"schema": schema}} if schema is not None else None
    return {"200": {"description": "ok", **({"content": content} if content else {})}}


def _post(body: dict[str, Any], media: str = "application/json") -> dict[str, Any]:
    return {
        "post": {
            "operationId": "make_thing_things_post",
            "requestBody": {"required": True, "content": {media: {"schema": body}}},
            "responses": _ok({}),
        }
    }


UNSUPPORTED = [
    pytest.param(
        {"/things": _post({"not": {"type": "string"}})},
        {},
        "POST /things (make_thing_things_post): request body: `not` is not supported",
        id="not",
    ),
    pytest.param(
        {
            "/things": _post(
                {"allOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/B"}]}
            )
        },
        {
            "A": {"type": "object", "properties": {"a": {"type": "string"}}},
            "B": {"type": "object", "properties": {"b": {"type": "string"}}},
        },
        "POST /things (make_thing_things_post): request body: allOf with 2 schemas is not supported",
        id="allOf-of-two",
    ),
    pytest.param(
        {
            "/things": {
                "get": {
                    "operationId": "list_things_get",
                    "responses": {"404": {"description": "no"}},
                }
            }
        },
        {},
        "GET /things (list_things_get): no success (2xx) response",
        id="no-2xx",
    ),
    pytest.param(
        {"/things": {"get": {"operationId": "g", "responses": _ok({"$ref": "other.yaml#/Thing"})}}},
        {},
        "GET /things (g): response 200: schema reference 'other.yaml#/Thing' is not a component schema",
        id="external-ref",
    ),
    pytest.param(
        {"/things": {"get": {"operationId": "g", "responses": _ok({"enum": [0.5, 1.5]})}}},
        {},
        "GET /things (g): response 200: enum value 0.5 is not supported (only strings and integers)",
        id="float-enum",
    ),
    pytest.param(
        {
            "/things": {
                "get": {
                    "operationId": "g",
                    "parameters": [{"name": "f", "in": "query", "content": {"text/plain": {}}}],
                    "responses": _ok({}),
                }
            }
        },
        {},
        "GET /things (g): query parameter 'f': a parameter given by `content` 'text/plain' is not supported",
        id="parameter-content-not-json",
    ),
    pytest.param(
        {
            "/things": {
                "get": {
                    "operationId": "g",
                    "responses": _ok(
                        {"prefixItems": [{"type": "string"}], "items": {"type": "integer"}}
                    ),
                }
            }
        },
        {},
        "GET /things (g): response 200: `prefixItems` with more items after them is not supported",
        id="open-tuple",
    ),
    pytest.param(
        {
            "/things": {
                "get": {"operationId": "g", "responses": _ok({"$ref": "#/components/schemas/A"})}
            }
        },
        {"A": {"anyOf": [{"$ref": "#/components/schemas/A"}, {"type": "string"}]}},
        "GET /things (g): schema A: a type that is itself (without an object between)",
        id="alias-of-itself",
    ),
    pytest.param(
        {"/things/{id}": {"get": {"operationId": "g", "responses": _ok({})}}},
        {},
        "GET /things/{id} (g): path parameter 'id' is not declared",
        id="undeclared-path-parameter",
    ),
    pytest.param(
        {
            "/things": _post(
                {"type": "object", "properties": {"f": {"type": "string", "format": "binary"}}}
            )
        },
        {},
        "POST /things (make_thing_things_post): request body: a file (format: binary) in a JSON body is not supported",
        id="file-in-json",
    ),
]


UNSUPPORTED += [
    pytest.param(
        {"/things": {"get": {"operationId": "g", "parameters": [7], "responses": _ok({})}}},
        {},
        "GET /things (g): must be an object, got 7",
        id="malformed",
    ),
    pytest.param(
        {
            "/a": {
                "get": {"x-sdk-resource": "things", "x-sdk-method": "get", "responses": _ok({})}
            },
            "/b": {
                "get": {"x-sdk-resource": "things", "x-sdk-method": "get", "responses": _ok({})}
            },
        },
        {},
        "GET /b: named things.get, as is GET /a",
        id="same-name-twice",
    ),
]


def test_a_schema_may_refer_to_itself(tmp_path: Path) -> None:
    schemas = {
        "Node": {
            "type": "object",
            "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}
            },
        }
    }
    paths = {
        "/tree": {
            "get": {"operationId": "g", "responses": _ok({"$ref": "#/components/schemas/Node"})}
        }
    }
    (node,) = _load(tmp_path, _doc(paths, schemas)).models
    assert node.props[0].type.model == "list[Node]"


@pytest.mark.parametrize(("paths", "schemas", "message"), UNSUPPORTED)
def test_an_unsupported_construct_fails_naming_operation_and_construct(
    tmp_path: Path, paths: dict[str, Any], schemas: dict[str, Any], message: str
) -> None:
    with pytest.raises(_spec.SpecError) as caught:
        _load(tmp_path, _doc(paths, schemas))
    assert str(caught.value).startswith(message), str(caught.value)


def test_the_cli_reports_it_without_a_traceback(tmp_path: Path) -> None:
    spec = tmp_path / "bad.json"
    spec.write_text(json.dumps(_doc({"/things": _post({"not": {"type": "string"}})})))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "--spec",
            str(spec),
            "--package",
            "bad",
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "codegen: bad.json: POST /things (make_thing_things_post): request body: `not` is not supported"
    )
    assert not (tmp_path / "out").exists()


def test_openapi_3_0_nullable_all_of_and_exclusive_bounds(tmp_path: Path) -> None:
    schemas = {
        "Inner": {"type": "object", "properties": {"x": {"type": "integer"}}},
        "Thing": {
            "type": "object",
            "required": ["inner"],
            "properties": {
                "inner": {
                    "allOf": [{"$ref": "#/components/schemas/Inner"}],
                    "description": "wrapped",
                },
                "note": {"type": "string", "nullable": True},
                "ratio": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "maximum": 1},
            },
        },
    }
    paths = {
        "/things": {
            "get": {
                "operationId": "get_thing",
                "responses": _ok({"$ref": "#/components/schemas/Thing"}),
            }
        }
    }
    api = _load(tmp_path, _doc(paths, schemas, version="3.0.2"))
    thing = next(m for m in api.models if m.class_name == "Thing")
    types = {p.name: p.type.model for p in thing.props}
    assert types == {
        "inner": "Inner",
        "note": "str | None",
        "ratio": "Annotated[float, Field(gt=0, le=1)]",
    }
    assert thing.props[0].description == "wrapped"


def test_openapi_3_1_type_lists_const_and_typed_maps(tmp_path: Path) -> None:
    schemas = {
        "Thing": {
            "type": "object",
            "properties": {
                "kind": {"const": "thing"},
                "label": {"type": ["string", "null"], "maxLength": 3},
                "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            },
        }
    }
    paths = {
        "/things": {
            "get": {
                "operationId": "get_thing",
                "responses": _ok({"$ref": "#/components/schemas/Thing"}),
            }
        }
    }
    thing = next(m for m in _load(tmp_path, _doc(paths, schemas)).models if m.class_name == "Thing")
    assert {p.name: (p.type.model, p.type.param) for p in thing.props} == {
        "kind": ('Literal["thing"]', 'Literal["thing"]'),
        "label": ("Annotated[str, Field(max_length=3)] | None", "str | None"),
        "counts": ("dict[str, int]", "Mapping[str, int]"),
    }


def test_python_names_for_wire_names(tmp_path: Path) -> None:
    schemas = {
        "Thing": {
            "type": "object",
            "properties": {
                "from": {"type": "string"},
                "json": {"type": "string"},
                "X-Tag": {"type": "string"},
            },
        }
    }
    paths = {
        "/things/{thing-id}": {
            "post": {
                "operationId": "g",
                "parameters": [
                    {
                        "name": "thing-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
                    {"name": "from", "in": "query", "schema": {"type": "string"}},
                ],
                "requestBody": {
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                    }
                },
                "responses": _ok({}),
            }
        }
    }
    api = _load(tmp_path, _doc(paths, schemas))
    (op,) = api.ops
    assert [(p.name, p.wire, p.location) for p in op.params] == [
        ("thing_id", "thing-id", "path"),
        ("from_", "from", "body"),
        ("json", "json", "body"),
        ("x_tag", "X-Tag", "body"),
        ("x_trace", "X-Trace", "header"),
        ("query_from_", "from", "query"),  # taken by the body's `from`: prefixed by its location
    ]
    thing = next(m for m in api.models if m.class_name == "Thing")
    assert [(p.name, p.wire) for p in thing.props] == [
        ("from_", "from"),
        ("json_", "json"),
        ("x_tag", "X-Tag"),
    ]


def test_sdk_document_puts_the_sdk_result_schemas_in_the_responses() -> None:
    doc = yaml.load((ROOT / "openapi.yaml").read_text(), Loader=yaml.CSafeLoader)
    view = _spec.sdk_document(doc)
    delete = view["paths"]["/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}"]["delete"]
    schema = delete["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Deleted"}
    assert view["components"]["schemas"]["Deleted"]["required"] == ["message"]
    assert "x-sdk-schemas" not in view["components"]
    assert doc["components"]["x-sdk-schemas"], "the input is left as it was"


def test_resource_classes_never_take_a_model_or_another_resource_name(tmp_path: Path) -> None:
    schemas = {"Items": {"type": "object", "properties": {"n": {"type": "integer"}}}}

    def get(path: str) -> dict[str, Any]:
        names = [part[1:-1] for part in path.split("/") if part.startswith("{")]
        parameters = [
            {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names
        ]
        ok = _ok({"$ref": "#/components/schemas/Items"})
        return {path: {"get": {"operationId": path, "parameters": parameters, "responses": ok}}}

    paths = get("/items/{id}") | get("/shops/{shop}/peers/{id}") | get("/rooms/{room}/peers/{id}")
    api = _load(tmp_path, _doc(paths, schemas))
    assert {r.dotted: r.class_name for r in api.resources} == {
        "items": "ItemsResource",
        "shops": "Shops",
        "shops.peers": "Peers",
        "rooms": "Rooms",
        "rooms.peers": "RoomsPeers",
    }


def test_the_client_keeps_its_own_names(tmp_path: Path) -> None:
    def get(path: str, operation_id: str) -> dict[str, Any]:
        return {path: {"get": {"operationId": operation_id, "responses": _ok({})}}}

    paths = get("/", "close") | get("/timeout/now", "now") | get("/v1/base_url", "read")
    api = _load(tmp_path, _doc(paths))
    assert sorted(op.dotted for op in api.ops) == ["base_url_.read", "close_", "timeout_.now"]
