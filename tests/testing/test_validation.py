"""422 responses in FastAPI's list form, with pydantic v2 types, messages, locs and ctx."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import World, detail, ok


def one_issue(response: httpx.Response) -> dict[str, Any]:
    (issue,) = detail(response, 422)
    return dict(issue)


def test_string_too_short(http: httpx.Client, world: World) -> None:
    body = {"metamessage_type": "", "content": "c"}
    assert one_issue(http.post(f"{world.user_path}/metamessages", json=body)) == {
        "type": "string_too_short",
        "loc": ["body", "metamessage_type"],
        "msg": "String should have at least 1 character",
        "input": "",
        "ctx": {"min_length": 1},
    }


def test_string_too_long(http: httpx.Client, world: World) -> None:
    body = {"metamessage_type": "x" * 51, "content": "c"}
    assert one_issue(http.post(f"{world.user_path}/metamessages", json=body)) == {
        "type": "string_too_long",
        "loc": ["body", "metamessage_type"],
        "msg": "String should have at most 50 characters",
        "input": "x" * 51,
        "ctx": {"max_length": 50},
    }
    issue = one_issue(http.post("/v1/apps", json={"name": "n" * 101}))
    assert (issue["type"], issue["ctx"]) == ("string_too_long", {"max_length": 100})


def test_missing_fields_are_all_reported(http: httpx.Client, world: World) -> None:
    issues = detail(http.post(f"{world.session_path}/messages", json={}), 422)
    assert issues == [
        {"type": "missing", "loc": ["body", "content"], "msg": "Field required", "input": {}},
        {"type": "missing", "loc": ["body", "is_user"], "msg": "Field required", "input": {}},
    ]


def test_missing_body(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps")) == {
        "type": "missing",
        "loc": ["body"],
        "msg": "Field required",
        "input": None,
    }


def test_string_type(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps", json={"name": 5})) == {
        "type": "string_type",
        "loc": ["body", "name"],
        "msg": "Input should be a valid string",
        "input": 5,
    }


@pytest.mark.parametrize(
    ("value", "kind", "msg"),
    [
        ("maybe", "bool_parsing", "Input should be a valid boolean, unable to interpret input"),
        (2, "bool_parsing", "Input should be a valid boolean, unable to interpret input"),
        ([], "bool_type", "Input should be a valid boolean"),
        (None, "bool_type", "Input should be a valid boolean"),
    ],
)
def test_bool_errors(http: httpx.Client, world: World, value: Any, kind: str, msg: str) -> None:
    body = {"content": "c", "is_user": value}
    assert one_issue(http.post(f"{world.session_path}/messages", json=body)) == {
        "type": kind,
        "loc": ["body", "is_user"],
        "msg": msg,
        "input": value,
    }


def test_lax_bools_are_accepted(http: httpx.Client, world: World) -> None:
    for value, expected in (("yes", True), (0, False), ("FALSE", False)):
        body = {"content": "c", "is_user": value}
        assert ok(http.post(f"{world.session_path}/messages", json=body))["is_user"] is expected


def test_bool_query_parsing(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps/list", params={"reverse": "sideways"})) == {
        "type": "bool_parsing",
        "loc": ["query", "reverse"],
        "msg": "Input should be a valid boolean, unable to interpret input",
        "input": "sideways",
    }


def test_int_parsing(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps/list", params={"size": "ten"})) == {
        "type": "int_parsing",
        "loc": ["query", "size"],
        "msg": "Input should be a valid integer, unable to parse string as an integer",
        "input": "ten",
    }


@pytest.mark.parametrize("name", ["size", "page"])
def test_greater_than_equal(http: httpx.Client, name: str) -> None:
    assert one_issue(http.post("/v1/apps/list", params={name: 0})) == {
        "type": "greater_than_equal",
        "loc": ["query", name],
        "msg": "Input should be greater than or equal to 1",
        "input": "0",
        "ctx": {"ge": 1},
    }


def test_less_than_equal(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps/list", params={"size": 101})) == {
        "type": "less_than_equal",
        "loc": ["query", "size"],
        "msg": "Input should be less than or equal to 100",
        "input": "101",
        "ctx": {"le": 100},
    }
    assert ok(http.post("/v1/apps/list", params={"size": 100}))["size"] == 100


def test_query_and_body_issues_are_reported_together(http: httpx.Client) -> None:
    issues = detail(http.post("/v1/apps/list", params={"page": 0}, json={"filter": 1}), 422)
    assert [(i["type"], i["loc"]) for i in issues] == [
        ("greater_than_equal", ["query", "page"]),
        ("dict_type", ["body", "filter"]),
    ]


def test_json_invalid(http: httpx.Client) -> None:
    headers = {"content-type": "application/json"}
    assert one_issue(http.post("/v1/apps", content=b"{not json", headers=headers)) == {
        "type": "json_invalid",
        "loc": ["body", 1],
        "msg": "JSON decode error",
        "input": {},
        "ctx": {"error": "Expecting property name enclosed in double quotes"},
    }
    issue = one_issue(http.post("/v1/apps", content=b"oops", headers=headers))
    assert (issue["type"], issue["loc"]) == ("json_invalid", ["body", 0])


@pytest.mark.parametrize("body", [b"[1, 2]", b'"text"', b"7"])
def test_model_attributes_type(http: httpx.Client, body: bytes) -> None:
    issue = one_issue(
        http.post("/v1/apps", content=body, headers={"content-type": "application/json"})
    )
    assert issue == {
        "type": "model_attributes_type",
        "loc": ["body"],
        "msg": "Input should be a valid dictionary or object to extract fields from",
        "input": httpx.Response(200, content=body).json(),
    }


def test_non_json_content_type_is_not_parsed(http: httpx.Client) -> None:
    issue = one_issue(
        http.post("/v1/apps", content=b'{"name": "x"}', headers={"content-type": "text/plain"})
    )
    assert (issue["type"], issue["input"]) == ("model_attributes_type", '{"name": "x"}')


def test_dict_type(http: httpx.Client) -> None:
    assert one_issue(http.post("/v1/apps", json={"name": "x", "metadata": [1]})) == {
        "type": "dict_type",
        "loc": ["body", "metadata"],
        "msg": "Input should be a valid dictionary",
        "input": [1],
    }


def test_document_limits(http: httpx.Client, world: World) -> None:
    collection = ok(http.post(f"{world.user_path}/collections", json={"name": "c"}))
    url = f"{world.user_path}/collections/{collection['id']}/documents"
    assert one_issue(http.post(url, json={"content": ""}))["type"] == "string_too_short"
    issue = one_issue(http.post(url, json={"content": "x" * 100001}))
    assert (issue["type"], issue["ctx"]) == ("string_too_long", {"max_length": 100000})
    document = ok(http.post(url, json={"content": "x"}))
    big = {str(i): i for i in range(10001)}
    issue = one_issue(http.put(f"{url}/{document['id']}", json={"metadata": big}))
    assert issue["type"] == "too_long"
    assert issue["ctx"] == {"field_type": "Dictionary", "max_length": 10000, "actual_length": 10001}
    assert issue["msg"] == "Dictionary should have at most 10000 items after validation, not 10001"


def test_message_content_limit(http: httpx.Client, world: World) -> None:
    body = {"content": "x" * 50001, "is_user": True}
    issue = one_issue(http.post(f"{world.session_path}/messages", json=body))
    assert (issue["type"], issue["loc"]) == ("string_too_long", ["body", "content"])


def test_expires_at_must_be_a_datetime(http: httpx.Client) -> None:
    issue = one_issue(http.post("/v1/keys", params={"expires_at": "soon"}))
    assert (issue["type"], issue["loc"]) == ("datetime_from_date_parsing", ["query", "expires_at"])


def test_deep_copy_must_be_a_bool(http: httpx.Client, world: World) -> None:
    issue = one_issue(http.get(f"{world.session_path}/clone", params={"deep_copy": "perhaps"}))
    assert (issue["type"], issue["loc"]) == ("bool_parsing", ["query", "deep_copy"])
