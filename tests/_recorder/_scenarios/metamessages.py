"""Metamessages: create (type or label), list filters, get, update links, and errors."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, add_message, add_metamessage, create_session, create_user, world


@scenario("metamessages.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create metamessages at each level (user, session, message), read and list them."""
    w = world(r)
    message = add_message(r, w, "hello")
    base = f"{w.user}/metamessages"
    bare = r.post(base, json={"metamessage_type": "note", "content": "user level"})["id"]
    r.post(
        base,
        json={
            "metamessage_type": "summary",
            "content": "session level",
            "session_id": w.session_id,
            "metadata": {"k": 1},
        },
    )
    r.post(
        base,
        json={
            "label": "thought",
            "content": "message level",
            "session_id": w.session_id,
            "message_id": message,
        },
        covers="metamessages.label_alias_create",
    )
    r.post(
        base,
        json={"label": "a", "metamessage_type": "b", "content": "both given"},
        covers="metamessages.label_alias_create",
    )
    r.get(f"{base}/{bare}")
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={"metamessage_type": "summary"})
    r.post(f"{base}/list", json={"label": "thought"}, covers="metamessages.label_alias_list")
    r.post(f"{base}/list", json={"label": "nothing"}, covers="metamessages.label_alias_list")
    r.post(f"{base}/list", json={"session_id": w.session_id})
    r.post(f"{base}/list", json={"session_id": w.session_id, "message_id": message})
    r.post(
        f"{base}/list",
        json={"message_id": message},
        covers="metamessages.list_message_without_session",
    )
    r.post(f"{base}/list", json={"filter": {"k": 1}})
    r.post(f"{base}/list", json={"session_id": UNKNOWN})
    r.post(f"{base}/list", json={"metamessage_type": ""})
    r.post(f"{base}/list", query={"reverse": True, "size": 2})
    r.post(f"{w.app}/users/{UNKNOWN}/metamessages/list", covers="lists.metamessages.missing_user")
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{UNKNOWN}/metamessages/list",
        json={"session_id": w.session_id},
        covers="lists.metamessages.missing_user",
    )


@scenario("metamessages.update")
def update(r: Recording) -> None:
    """Update metadata, type and the session/message links of metamessages."""
    w = world(r)
    first = add_message(r, w, "first")
    second_session = create_session(r, w.app_id, w.user_id)
    other_message = str(
        r.post(
            f"{w.other_session(second_session)}/messages", json={"content": "x", "is_user": True}
        )["id"]
    )
    base = f"{w.user}/metamessages"
    linked = add_metamessage(r, w, "t", session_id=w.session_id, message_id=first)
    session_only = add_metamessage(r, w, "t", session_id=w.session_id)
    bare = add_metamessage(r, w, "t")
    r.put(f"{base}/{linked}", json={"metadata": {"v": 2}})
    r.put(f"{base}/{linked}", json={"metamessage_type": "renamed"})
    r.put(
        f"{base}/{linked}", json={"label": "relabelled"}, covers="metamessages.label_alias_create"
    )
    r.put(f"{base}/{linked}", json={})
    r.put(
        f"{base}/{session_only}",
        json={"message_id": first},
        covers="metamessages.update_message_keeps_session",
    )
    r.put(
        f"{base}/{linked}",
        json={"session_id": second_session},
        covers="metamessages.update_session_keeps_message",
    )
    r.get(f"{base}/{linked}")
    r.put(
        f"{base}/{linked}",
        json={"session_id": second_session, "message_id": other_message},
    )
    r.put(
        f"{base}/{bare}",
        json={"session_id": UNKNOWN},
        covers="metamessages.update_unknown_session_500",
    )
    r.get(f"{base}/{bare}")
    r.put(
        f"{base}/{bare}",
        json={"message_id": first},
        covers="metamessages.update.message_without_session",
    )
    r.put(
        f"{base}/{session_only}",
        json={"message_id": other_message},
        covers="metamessages.update.message_not_found",
    )
    r.put(
        f"{base}/{session_only}",
        json={"session_id": w.session_id, "message_id": UNKNOWN},
        covers="metamessages.update.message_not_found",
    )
    r.put(f"{base}/{UNKNOWN}", json={"metadata": {}}, covers="metamessages.update.not_found")
    r.put(
        f"{base}/{bare}",
        json={"metamessage_type": r.macro(repeat("t", 513))},
        covers="crashes.metamessage_type_long_update",
    )
    r.put(f"{base}/{bare}", json={"metamessage_type": r.macro(repeat("t", 512))})
    r.put(f"{base}/{bare}", json={"metamessage_type": ""})
    r.put(f"{base}/{bare}", json={"session_id": w.session_id})
    r.get(f"{base}/{bare}")
    r.post(f"{base}/list")


@scenario("metamessages.errors")
def errors(r: Recording) -> None:
    """Invalid metamessages, links to unknown or foreign sessions and messages."""
    w = world(r)
    message = add_message(r, w, "m")
    bob = create_user(r, w.app_id, "bob")
    bobs_session = create_session(r, w.app_id, bob)
    base = f"{w.user}/metamessages"
    r.post(
        base,
        json={"metamessage_type": "t", "content": "c", "message_id": message},
        covers="metamessages.create.message_without_session",
    )
    r.post(
        base,
        json={"metamessage_type": "t", "content": "c", "session_id": UNKNOWN},
        covers="metamessages.create.session_not_found",
    )
    r.post(
        base,
        json={"metamessage_type": "t", "content": "c", "session_id": bobs_session},
        covers="metamessages.create.session_not_found",
    )
    r.post(
        base,
        json={
            "metamessage_type": "t",
            "content": "c",
            "session_id": w.session_id,
            "message_id": UNKNOWN,
        },
        covers="metamessages.create.message_not_found",
    )
    r.post(
        f"{w.app}/users/{UNKNOWN}/metamessages",
        json={"metamessage_type": "t", "content": "c"},
        covers="metamessages.create.user_not_found",
    )
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/metamessages",
        json={"metamessage_type": "t", "content": "c"},
        covers="details.unknown_app_as_child",
    )
    r.post(
        base, json={"metamessage_type": "", "content": "c"}, covers="metamessages.create.invalid"
    )
    r.post(
        base,
        json={"metamessage_type": "t" * 51, "content": "c"},
        covers="metamessages.create.invalid",
    )
    r.post(base, json={"metamessage_type": "t" * 50, "content": "c"})
    r.post(base, json={"content": "c"}, covers="metamessages.create.invalid")
    r.post(base, json={"metamessage_type": "t"}, covers="metamessages.create.invalid")
    r.get(f"{base}/{UNKNOWN}", covers="metamessages.get.not_found")
    r.get(f"{w.app}/users/{bob}/metamessages/{UNKNOWN}", covers="metamessages.get.not_found")
    mine = add_metamessage(r, w, "t")
    r.get(f"{w.app}/users/{bob}/metamessages/{mine}", covers="metamessages.get.not_found")
    r.post(f"{base}/list", json={"session_id": bobs_session})
