"""Documents: create, get, list, query, update, delete, and their errors.

Which documents a query ranks first depends on the embedding model, so query answers
are compared as multisets, with top_k at least the number of candidates (or an exact
match of one document's content, which every model ranks first).
"""

from __future__ import annotations

from .._cassette import items
from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, add_collection, add_document, create_user, world


@scenario("documents.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create documents, read, list, query them, update (answers 500) and delete."""
    w = world(r)
    notes = add_collection(r, w, "notes")
    base = f"{w.collection(notes)}/documents"
    apples = r.post(base, json={"content": "likes apples", "metadata": {"t": "fruit"}})["id"]
    r.post(base, json={"content": "plays chess on sundays", "metadata": {"t": "game"}})
    r.post(base, json={"content": "lives in Lisbon"})
    r.get(f"{base}/{apples}")
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={"filter": {"t": "game"}})
    r.post(f"{base}/list", query={"reverse": True, "size": 2})
    r.post(f"{base}/query", json={"query": "what does the user eat?", "top_k": 5}, unordered=True)
    r.post(f"{base}/query", json={"query": "anything", "top_k": 3}, unordered=True)
    r.post(f"{base}/query", json={"query": "likes apples", "top_k": 1})
    r.post(f"{base}/query", json={"query": "x", "filter": {"t": "fruit"}}, unordered=True)
    r.post(f"{base}/query", json={"query": "x", "filter": {"t": "none"}})
    r.post(f"{base}/query", json={"query": "x", "filter": {}, "top_k": 50}, unordered=True)
    r.put(
        f"{base}/{apples}",
        json={"content": "likes pears"},
        covers="documents.update_500_saved",
    )
    r.get(f"{base}/{apples}", covers="documents.update_500_saved")
    r.put(f"{base}/{apples}", json={"metadata": {"t": "pear"}})
    r.put(f"{base}/{apples}", json={"content": "likes plums", "metadata": {"t": "plum"}})
    r.get(f"{base}/{apples}")
    r.delete(f"{base}/{apples}")
    r.get(f"{base}/{apples}", covers="details.document_not_found")
    r.delete(
        f"{base}/{apples}",
        covers=("details.document_delete_not_found", "documents.delete.not_found"),
    )
    r.post(f"{base}/list")


@scenario("documents.errors")
def errors(r: Recording) -> None:
    """Documents of unknown, foreign or deleted collections, and invalid bodies."""
    w = world(r)
    notes = add_collection(r, w, "notes")
    doc = add_document(r, w, notes, "fact")
    bob = create_user(r, w.app_id, "bob")
    bobs = str(r.post(f"{w.app}/users/{bob}/collections", json={"name": "b"})["id"])
    base = f"{w.collection(notes)}/documents"
    missing = f"{w.collection(UNKNOWN)}/documents"
    r.post(
        missing,
        json={"content": "x"},
        covers=("documents.create.collection_not_found", "details.collection_not_found"),
    )
    r.post(f"{w.collection(bobs)}/documents", json={"content": "x"})
    r.get(f"{base}/{UNKNOWN}", covers=("documents.get.not_found", "details.document_not_found"))
    r.get(f"{missing}/{doc}", covers="details.document_not_found")
    r.put(f"{base}/{UNKNOWN}", json={"content": "y"}, covers="documents.update.not_found")
    r.put(f"{missing}/{doc}", json={"content": "y"}, covers="documents.update.not_found")
    r.put(f"{base}/{doc}", json={}, covers="validation.document_update_empty")
    r.put(
        f"{base}/{doc}",
        json={"content": None, "metadata": None},
        covers="validation.document_update_empty",
    )
    r.put(f"{base}/{UNKNOWN}", json={}, covers="validation.document_update_empty")
    r.put(f"{base}/{doc}", json={"content": ""})
    r.put(
        f"{base}/{doc}",
        json={"metadata": r.macro(items(10001))},
        covers="details.metadata_size",
    )
    r.get(f"{base}/{doc}")
    r.post(base, json={"content": ""}, covers="documents.create.invalid")
    r.post(base, json={"metadata": {}}, covers="documents.create.invalid")
    r.post(f"{base}/query", json={"query": ""}, covers="documents.query.invalid")
    r.post(f"{base}/query", json={"query": "x", "top_k": 0}, covers="documents.query.invalid")
    r.post(f"{base}/query", json={"query": "x", "top_k": 51}, covers="documents.query.invalid")
    r.post(f"{base}/query", json={"query": "q" * 1001}, covers="documents.query.invalid")
    r.post(f"{base}/query", json={}, covers="documents.query.invalid")
    r.delete(
        f"{missing}/{doc}",
        covers=("documents.delete.collection_not_found", "details.collection_not_found"),
    )
    r.post(f"{missing}/list", covers="lists.documents.missing_collection")
    r.post(f"{w.collection(bobs)}/documents/list", covers="lists.documents.missing_collection")
    r.post(
        f"{missing}/query", json={"query": "x"}, covers="lists.documents_query.missing_collection"
    )
    r.post(
        f"{w.collection(bobs)}/documents/query",
        json={"query": "x"},
        covers="lists.documents_query.missing_collection",
    )


@scenario("documents.deleted_collection")
def deleted_collection(r: Recording) -> None:
    """A collection deleted with its documents: its lists are empty, its documents gone."""
    w = world(r)
    notes = add_collection(r, w, "notes")
    doc = add_document(r, w, notes, "fact one")
    add_document(r, w, notes, "fact two")
    base = f"{w.collection(notes)}/documents"
    r.post(f"{base}/list")
    r.delete(w.collection(notes))
    r.post(f"{base}/list", covers="lists.documents.deleted_collection")
    r.post(
        f"{base}/query", json={"query": "fact"}, covers="lists.documents_query.missing_collection"
    )
    r.get(f"{base}/{doc}")
    r.post(base, json={"content": "x"})
    r.delete(w.collection(notes))
