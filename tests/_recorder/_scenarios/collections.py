"""Collections: create, get (by id, by name), list, update, delete, and their errors."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording, segment
from .._registry import scenario
from ._world import UNKNOWN, add_collection, create_user, world


@scenario("collections.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create collections, read them, update, list and delete them."""
    w = world(r)
    base = f"{w.user}/collections"
    notes = r.post(base, json={"name": "notes", "metadata": {"kind": "n"}})["id"]
    r.post(base, json={"name": "facts"})
    r.post(base, json={"name": "honcho-like"})
    r.post(base, json={"name": "Honcho2"})
    r.get(base, query={"collection_id": notes})
    r.get(f"{base}/name/notes")
    r.get(f"{base}/name/{segment('Honcho2')}")
    r.put(f"{base}/{notes}", json={"metadata": {"kind": "m"}})
    r.put(f"{base}/{notes}", json={"name": "notes2"})
    r.put(f"{base}/{notes}", json={"name": "notes2", "metadata": {}})
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={"filter": {"kind": "m"}})
    r.post(f"{base}/list", query={"reverse": True, "size": 3})
    r.delete(f"{base}/{notes}")
    r.get(base, query={"collection_id": notes}, covers="details.collection_not_found")
    r.post(f"{base}/list")


@scenario("collections.honcho_name")
def honcho_name(r: Recording) -> None:
    """The name 'honcho' is reserved in any letter case, on create and on update."""
    w = world(r)
    base = f"{w.user}/collections"
    for name in ("honcho", "HONCHO", "Honcho", "hOnChO"):
        r.post(base, json={"name": name}, covers="validation.collection_honcho_create")
    notes = add_collection(r, w, "notes")
    for name in ("honcho", "HoNcHo"):
        r.put(f"{base}/{notes}", json={"name": name}, covers="validation.collection_honcho_update")
    r.put(
        f"{base}/{UNKNOWN}", json={"name": "honcho"}, covers="validation.collection_honcho_update"
    )
    r.get(f"{base}/name/honcho")
    r.post(f"{base}/list")


@scenario("collections.errors")
def errors(r: Recording) -> None:
    """Unknown users and collections, empty updates, taken and too long names."""
    w = world(r)
    bob = create_user(r, w.app_id, "bob")
    bobs = str(r.post(f"{w.app}/users/{bob}/collections", json={"name": "b"})["id"])
    base = f"{w.user}/collections"
    notes = add_collection(r, w, "notes")
    add_collection(r, w, "facts")
    r.post(base, json={"name": "notes"}, covers="collections.create.conflict")
    r.post(f"{w.app}/users/{bob}/collections", json={"name": "notes"})
    r.post(
        f"{w.app}/users/{UNKNOWN}/collections",
        json={"name": "x"},
        covers="collections.create.user_not_found",
    )
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/collections",
        json={"name": "x"},
        covers="details.unknown_app_as_child",
    )
    r.post(base, json={"name": ""})
    r.post(base, json={"name": "c" * 101})
    r.post(base, covers="framework.body_missing")
    r.get(
        base,
        query={"collection_id": UNKNOWN},
        covers=("collections.get.not_found", "details.collection_not_found"),
    )
    r.get(base, query={"collection_id": bobs}, covers="collections.get.not_found")
    r.get(base, covers=("get_by_id.omitted.collections", "collections.get.no_id"))
    r.get(base, query={"collection_id": ""}, covers="get_by_id.empty.collections")
    r.get(f"{base}/name/nothing", covers="collections.by_name.not_found")
    r.get(f"{w.app}/users/{bob}/collections/name/notes")
    r.put(
        f"{base}/{notes}",
        json={},
        covers=("validation.collection_update_empty",),
    )
    r.put(
        f"{base}/{notes}",
        json={"name": None, "metadata": None},
        covers="validation.collection_update_empty",
    )
    r.put(
        f"{base}/{UNKNOWN}",
        json={},
        covers="validation.collection_update_empty",
    )
    r.put(
        f"{base}/{UNKNOWN}",
        json={"name": "x"},
        covers=("collections.update.not_found", "details.collection_not_found"),
    )
    r.put(f"{base}/{bobs}", json={"name": "x"}, covers="collections.update.not_found")
    r.put(
        f"{base}/{notes}",
        json={"name": "facts"},
        covers="details.collection_update_conflict",
    )
    r.put(
        f"{base}/{notes}",
        json={"name": r.macro(repeat("c", 513))},
        covers="conflicts.name_long_update",
    )
    r.put(f"{base}/{notes}", json={"name": "c" * 200})
    r.delete(
        f"{base}/{UNKNOWN}",
        covers=("collections.delete.not_found", "details.collection_not_found"),
    )
    r.delete(f"{base}/{bobs}", covers="collections.delete.not_found")
    r.post(f"{w.app}/users/{UNKNOWN}/collections/list", covers="lists.collections.missing_user")
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/collections/list",
        covers="lists.collections.missing_user",
    )
    r.post(f"{base}/list")
