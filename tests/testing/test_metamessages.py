"""Metamessages: label/metamessage_type, session and message links, list filters, update."""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import World, assert_page, assert_record, build_world, detail, ok

LINK_RULE = "Cannot specify message_id without session_id"


def create(http: httpx.Client, world: World, **body: Any) -> Any:
    body = {"metamessage_type": "thought", "content": "c", **body}
    return http.post(f"{world.user_path}/metamessages", json=body)


def message(http: httpx.Client, world: World, content: str = "hi") -> Any:
    body = {"content": content, "is_user": True}
    return ok(http.post(f"{world.session_path}/messages", json=body))


def test_create_has_label_and_type(http: httpx.Client, world: World) -> None:
    meta = ok(create(http, world, metadata={"k": 1}))
    assert_record(meta, "Metamessage")
    assert meta["label"] == meta["metamessage_type"] == "thought"
    assert (meta["session_id"], meta["message_id"], meta["metadata"]) == (None, None, {"k": 1})
    assert (meta["user_id"], meta["app_id"]) == (world.user["id"], world.app["id"])
    assert ok(http.get(f"{world.user_path}/metamessages/{meta['id']}")) == meta


def test_create_linked_to_session_and_message(http: httpx.Client, world: World) -> None:
    msg = message(http, world)
    meta = ok(create(http, world, session_id=world.session["id"], message_id=msg["id"]))
    assert (meta["session_id"], meta["message_id"]) == (world.session["id"], msg["id"])


def test_label_is_accepted_for_metamessage_type(http: httpx.Client, world: World) -> None:
    url = f"{world.user_path}/metamessages"
    meta = ok(http.post(url, json={"label": "note", "content": "c"}))
    assert meta["label"] == meta["metamessage_type"] == "note"
    both = ok(http.post(url, json={"label": "a", "metamessage_type": "b", "content": "c"}))
    assert both["label"] == "b"  # metamessage_type wins
    (issue,) = detail(http.post(url, json={"label": "", "content": "c"}), 422)
    assert (issue["type"], issue["loc"]) == ("string_too_short", ["body", "label"])
    (issue,) = detail(http.post(url, json={"content": "c"}), 422)
    assert (issue["type"], issue["loc"]) == ("missing", ["body", "metamessage_type"])
    page = ok(http.post(f"{url}/list", json={"label": "note"}))
    assert [m["id"] for m in page["items"]] == [meta["id"]]
    renamed = ok(http.put(f"{url}/{meta['id']}", json={"label": "memo"}))
    assert renamed["metamessage_type"] == "memo"


def test_message_id_without_session_id(http: httpx.Client, world: World) -> None:
    msg = message(http, world)
    assert detail(create(http, world, message_id=msg["id"]), 422) == LINK_RULE
    meta = ok(create(http, world))
    url = f"{world.user_path}/metamessages/{meta['id']}"
    assert detail(http.put(url, json={"message_id": msg["id"]}), 422) == LINK_RULE
    linked = ok(create(http, world, session_id=world.session["id"], message_id=msg["id"]))
    # Listing by message alone is a plain filter.
    page = ok(http.post(f"{world.user_path}/metamessages/list", json={"message_id": msg["id"]}))
    assert [m["id"] for m in page["items"]] == [linked["id"]]
    # An update with only message_id keeps the session it has.
    other = message(http, world, "again")
    url = f"{world.user_path}/metamessages/{linked['id']}"
    moved = ok(http.put(url, json={"message_id": other["id"]}))
    assert (moved["session_id"], moved["message_id"]) == (world.session["id"], other["id"])


def test_session_must_belong_to_the_user(http: httpx.Client, world: World) -> None:
    other = build_world(http, app_name="o", user_name="bob")
    for session_id in ("nope", other.session["id"]):
        response = create(http, world, session_id=session_id)
        assert detail(response, 404) == "Session not found or does not belong to user"


def test_message_must_belong_to_the_session(http: httpx.Client, world: World) -> None:
    second = ok(http.post(f"{world.user_path}/sessions", json={}))
    elsewhere = ok(
        http.post(
            f"{world.user_path}/sessions/{second['id']}/messages",
            json={"content": "x", "is_user": True},
        )
    )
    for message_id in ("nope", elsewhere["id"]):
        response = create(http, world, session_id=world.session["id"], message_id=message_id)
        assert detail(response, 404) == "Message not found or does not belong to session"


def test_unknown_metamessage_is_404(http: httpx.Client, world: World) -> None:
    other = build_world(http, app_name="o", user_name="bob")
    theirs = ok(create(http, other))
    for meta_id in ("nope", theirs["id"]):
        url = f"{world.user_path}/metamessages/{meta_id}"
        assert detail(http.get(url), 404) == f"Metamessage with ID {meta_id} not found"
        assert detail(http.put(url, json={}), 404) == f"Metamessage with ID {meta_id} not found"


def test_update_changes_type_links_and_metadata(http: httpx.Client, world: World) -> None:
    msg = message(http, world)
    meta = ok(create(http, world))
    url = f"{world.user_path}/metamessages/{meta['id']}"
    body = {
        "metamessage_type": "summary",
        "session_id": world.session["id"],
        "message_id": msg["id"],
        "metadata": {"v": 2},
    }
    updated = ok(http.put(url, json=body))
    assert updated["label"] == updated["metamessage_type"] == "summary"
    assert (updated["session_id"], updated["message_id"], updated["metadata"]) == (
        world.session["id"],
        msg["id"],
        {"v": 2},
    )
    assert updated["content"] == "c"
    unchanged = ok(http.put(url, json={}))
    assert unchanged == updated
    bad = http.put(url, json={"session_id": world.session["id"], "message_id": "nope"})
    assert detail(bad, 404) == "Message not found or doesn't belong to session"
    # Moving to another session keeps the old message_id; an unknown session is a 500.
    second = ok(http.post(f"{world.user_path}/sessions", json={}))
    moved = ok(http.put(url, json={"session_id": second["id"]}))
    assert (moved["session_id"], moved["message_id"]) == (second["id"], msg["id"])
    assert detail(http.put(url, json={"session_id": "nope"}), 500) == (
        "An unexpected error occurred"
    )
    long_type = http.put(url, json={"metamessage_type": "t" * 513})
    assert detail(long_type, 500) == "An unexpected error occurred"
    assert ok(http.get(url)) == moved


def test_list_filters(http: httpx.Client, world: World) -> None:
    msg = message(http, world)
    second = ok(http.post(f"{world.user_path}/sessions", json={}))
    ok(create(http, world, metamessage_type="thought", metadata={"n": 1}))
    ok(create(http, world, metamessage_type="summary", session_id=world.session["id"]))
    ok(
        create(
            http,
            world,
            metamessage_type="thought",
            session_id=world.session["id"],
            message_id=msg["id"],
        )
    )
    ok(create(http, world, metamessage_type="thought", session_id=second["id"]))
    build_world(http, app_name="o", user_name="bob")
    url = f"{world.user_path}/metamessages/list"

    def contents(**body: Any) -> list[tuple[Any, Any, Any]]:
        page = ok(http.post(url, json=body))
        return [(m["metamessage_type"], m["session_id"], m["message_id"]) for m in page["items"]]

    everything = ok(http.post(url))
    assert_page(everything, "Metamessage", total=4)
    assert len(contents(metamessage_type="thought")) == 3
    assert contents(session_id=world.session["id"]) == [
        ("summary", world.session["id"], None),
        ("thought", world.session["id"], msg["id"]),
    ]
    assert contents(session_id=world.session["id"], message_id=msg["id"]) == [
        ("thought", world.session["id"], msg["id"])
    ]
    assert contents(metamessage_type="summary", session_id=second["id"]) == []
    assert contents(filter={"n": 1}) == [("thought", None, None)]
    reverse = ok(http.post(url, params={"reverse": "true"}))
    assert [m["id"] for m in reverse["items"]] == [m["id"] for m in everything["items"]][::-1]
