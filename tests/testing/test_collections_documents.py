"""Collections and documents: CRUD, reserved name, 404/409 details, lists and similarity query."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import World, assert_page, assert_record, build_world, detail, ok

RESERVED = {
    "type": "value_error",
    "loc": ["body", "name"],
    "msg": "Value error, Collection name cannot be 'honcho'",
    "input": "honcho",
    "ctx": {"error": {}},
}


@pytest.fixture
def collection(http: httpx.Client, world: World) -> dict[str, Any]:
    body = {"name": "notes", "metadata": {"kind": "facts"}}
    return dict(ok(http.post(f"{world.user_path}/collections", json=body)))


def collection_path(world: World, collection: dict[str, Any]) -> str:
    return f"{world.user_path}/collections/{collection['id']}"


def add_document(http: httpx.Client, path: str, content: str, **metadata: Any) -> Any:
    body = {"content": content, "metadata": metadata}
    return ok(http.post(f"{path}/documents", json=body))


def test_collection_shape_and_lookups(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    assert_record(collection, "Collection")
    assert (collection["user_id"], collection["app_id"]) == (world.user["id"], world.app["id"])
    params = {"collection_id": collection["id"]}
    assert ok(http.get(f"{world.user_path}/collections", params=params)) == collection
    assert ok(http.get(f"{world.user_path}/collections/name/notes")) == collection


NOT_FOUND = "Collection not found or does not belong to user"


def test_collection_404s_and_401_without_id(http: httpx.Client, world: World) -> None:
    url = f"{world.user_path}/collections"
    assert detail(http.get(url, params={"collection_id": "nope"}), 404) == NOT_FOUND
    assert detail(http.get(f"{url}/name/nope"), 404) == "Collection with name 'nope' not found"
    assert detail(http.put(f"{url}/nope", json={"name": "x"}), 404) == NOT_FOUND
    assert detail(http.delete(f"{url}/nope"), 404) == NOT_FOUND
    assert detail(http.get(url), 401) == "Collection ID not found in query parameter or JWT"
    unknown_user = f"{world.app_path}/users/ghost/collections"
    assert detail(http.post(unknown_user, json={"name": "c"}), 404) == (
        "User with ID 'ghost' not found"
    )


def test_collection_of_another_user_is_not_found(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    bob = ok(http.post(f"{world.app_path}/users", json={"name": "bob"}))
    url = f"{world.app_path}/users/{bob['id']}/collections/{collection['id']}"
    assert detail(http.put(url, json={"metadata": {}}), 404) == NOT_FOUND
    assert_page(ok(http.post(f"{url}/documents/list")), "Document", total=0)


def test_collection_names_are_unique_per_user(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    response = http.post(f"{world.user_path}/collections", json={"name": "notes"})
    assert detail(response, 409) == "Collection with name 'notes' already exists"
    other = build_world(http, app_name="o", user_name="bob")
    assert ok(http.post(f"{other.user_path}/collections", json={"name": "notes"}))


def test_reserved_collection_name(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    response = http.post(f"{world.user_path}/collections", json={"name": "honcho"})
    assert detail(response, 422) == [RESERVED]
    response = http.put(collection_path(world, collection), json={"name": "honcho"})
    assert detail(response, 422) == [RESERVED]
    for name in ("HONCHO", "Honcho"):
        response = http.post(f"{world.user_path}/collections", json={"name": name})
        assert detail(response, 422) == [{**RESERVED, "input": name}]
        response = http.put(collection_path(world, collection), json={"name": name})
        assert detail(response, 422) == [{**RESERVED, "input": name}]
    assert ok(http.post(f"{world.user_path}/collections", json={"name": "honchos"}))


def test_update_collection_needs_a_field(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    message = "Invalid collection configuration - at least one field must be provided"
    for body in ({}, {"name": None, "metadata": None}):
        assert detail(http.put(collection_path(world, collection), json=body), 422) == message
    # Checked before the collection is looked up.
    assert detail(http.put(f"{world.user_path}/collections/nope", json={}), 422) == message


def test_update_and_rename_collection(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    ok(http.post(f"{world.user_path}/collections", json={"name": "other"}))
    path = collection_path(world, collection)
    updated = ok(http.put(path, json={"name": "renamed", "metadata": {"v": 2}}))
    assert (updated["name"], updated["metadata"]) == ("renamed", {"v": 2})
    conflict = "Collection update failed - name already in use"
    assert detail(http.put(path, json={"name": "other", "metadata": {"v": 3}}), 409) == conflict
    assert detail(http.put(path, json={"name": "x" * 513}), 409) == conflict
    assert ok(http.put(path, json={"name": "renamed"})) == updated


def test_delete_collection_removes_it_and_its_documents(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    path = collection_path(world, collection)
    add_document(http, path, "doc")
    assert ok(http.delete(path)) == {"message": "Collection deleted successfully"}
    assert detail(http.delete(path), 404) == NOT_FOUND
    assert ok(http.post(f"{world.user_path}/collections/list"))["total"] == 0
    assert ok(http.post(f"{world.user_path}/collections", json={"name": "notes"}))


def test_list_collections(http: httpx.Client, world: World, collection: dict[str, Any]) -> None:
    ok(http.post(f"{world.user_path}/collections", json={"name": "b", "metadata": {"x": 1}}))
    page = ok(http.post(f"{world.user_path}/collections/list"))
    assert_page(page, "Collection", total=2)
    filtered = ok(http.post(f"{world.user_path}/collections/list", json={"filter": {"x": 1}}))
    assert [c["name"] for c in filtered["items"]] == ["b"]


def test_document_crud(http: httpx.Client, world: World, collection: dict[str, Any]) -> None:
    path = collection_path(world, collection)
    document = add_document(http, path, "alice likes tea", source="chat")
    assert_record(document, "Document")
    assert (document["collection_id"], document["user_id"], document["app_id"]) == (
        collection["id"],
        world.user["id"],
        world.app["id"],
    )
    url = f"{path}/documents/{document['id']}"
    assert ok(http.get(url)) == document
    updated = ok(http.put(url, json={"metadata": {"source": "import"}}))
    assert (updated["content"], updated["metadata"]) == ("alice likes tea", {"source": "import"})
    assert detail(http.put(url, json={}), 422) == "Content and metadata cannot both be None"
    assert ok(http.delete(url)) == {"message": "Document deleted successfully"}
    missing = f"Document with ID '{document['id']}' not found"
    assert detail(http.get(url), 404) == missing
    assert detail(http.put(url, json={"metadata": {}}), 404) == missing
    assert detail(http.delete(url), 404) == "Document not found or does not belong to user"
    elsewhere = f"{world.user_path}/collections/nope/documents/{document['id']}"
    assert detail(http.get(elsewhere), 404) == missing
    assert detail(http.delete(elsewhere), 404) == NOT_FOUND
    assert (
        detail(
            http.post(f"{world.user_path}/collections/nope/documents", json={"content": "c"}), 404
        )
        == NOT_FOUND
    )


def test_document_content_update_answers_500_but_is_saved(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    url = f"{collection_path(world, collection)}/documents"
    document = add_document(http, url.removesuffix("/documents"), "before", k=1)
    response = http.put(f"{url}/{document['id']}", json={"content": "after"})
    assert detail(response, 500) == "An unexpected error occurred"
    saved = ok(http.get(f"{url}/{document['id']}"))
    assert (saved["content"], saved["metadata"]) == ("after", {"k": 1})
    assert saved["created_at"] > document["created_at"]


def test_list_documents(http: httpx.Client, world: World, collection: dict[str, Any]) -> None:
    path = collection_path(world, collection)
    for i in range(3):
        add_document(http, path, f"doc {i}", i=i)
    page = ok(http.post(f"{path}/documents/list", params={"size": 2, "reverse": True}))
    assert_page(page, "Document", total=3, size=2)
    assert [d["content"] for d in page["items"]] == ["doc 2", "doc 1"]
    filtered = ok(http.post(f"{path}/documents/list", json={"filter": {"i": 1}}))
    assert [d["content"] for d in filtered["items"]] == ["doc 1"]
    missing = f"{world.user_path}/collections/nope"
    assert_page(ok(http.post(f"{missing}/documents/list")), "Document", total=0)
    assert ok(http.post(f"{missing}/documents/query", json={"query": "doc"})) == []
    ok(http.delete(path))
    assert_page(ok(http.post(f"{path}/documents/list")), "Document", total=0)


def test_query_ranks_by_similarity(
    http: httpx.Client, world: World, collection: dict[str, Any]
) -> None:
    path = collection_path(world, collection)
    texts = [
        "The weather in Paris is rainy today",
        "Alice enjoys hiking in the mountains",
        "Quarterly revenue grew by ten percent",
        "Bob prefers swimming to hiking",
        "Mountains and hiking trails near Alice's home",
        "A recipe for tomato soup",
        "Notes on the Python programming language",
    ]
    for text in texts:
        add_document(http, path, text, topic="hiking" if "hiking" in text else "other")
    results = ok(http.post(f"{path}/documents/query", json={"query": "alice hiking mountains"}))
    assert isinstance(results, list)
    assert len(results) == 5
    for document in results:
        assert_record(document, "Document")
    assert {results[0]["content"], results[1]["content"]} == {texts[1], texts[4]}
    top = ok(http.post(f"{path}/documents/query", json={"query": "tomato soup", "top_k": 1}))
    assert [d["content"] for d in top] == [texts[5]]
    body = {"query": "alice", "filter": {"topic": "other"}, "top_k": 50}
    filtered = ok(http.post(f"{path}/documents/query", json=body))
    assert len(filtered) == 4
    assert all("hiking" not in d["content"] for d in filtered)


def test_query_validation(http: httpx.Client, world: World, collection: dict[str, Any]) -> None:
    url = f"{collection_path(world, collection)}/documents/query"
    for top_k, kind in ((0, "greater_than_equal"), (51, "less_than_equal")):
        (issue,) = detail(http.post(url, json={"query": "q", "top_k": top_k}), 422)
        assert (issue["type"], issue["loc"], issue["input"]) == (kind, ["body", "top_k"], top_k)
    (issue,) = detail(http.post(url, json={"query": ""}), 422)
    assert issue["type"] == "string_too_short"
