"""Session clones: whole, up to a message, deep copies, empty sessions, and errors."""

from __future__ import annotations

from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, add_message, add_metamessage, create_session, world


@scenario("clones.messages")
def messages(r: Recording) -> None:
    """Clone a session whole and up to a message; the clones hold copies of the messages."""
    w = world(r)
    r.put(w.session, json={"metadata": {"topic": "t"}})
    first = add_message(r, w, "one", metadata={"n": 1})
    add_message(r, w, "two", is_user=False)
    add_message(r, w, "three")
    whole = str(r.get(f"{w.session}/clone")["id"])
    r.post(f"{w.other_session(whole)}/messages/list")
    cut = str(r.get(f"{w.session}/clone", query={"message_id": first})["id"])
    r.post(f"{w.other_session(cut)}/messages/list")
    r.get(f"{w.user}/sessions", query={"session_id": cut})
    r.post(f"{w.user}/sessions/list")


@scenario("clones.deep_copy")
def deep_copy(r: Recording) -> None:
    """Deep copies copy the metamessages of the session, tied to a message or not."""
    w = world(r)
    first = add_message(r, w, "one")
    second = add_message(r, w, "two")
    add_metamessage(r, w, "on_first", session_id=w.session_id, message_id=first)
    add_metamessage(r, w, "on_second", session_id=w.session_id, message_id=second)
    add_metamessage(r, w, "on_session", session_id=w.session_id)
    add_metamessage(r, w, "on_user")
    shallow = str(r.get(f"{w.session}/clone")["id"])
    r.post(f"{w.user}/metamessages/list", json={"session_id": shallow})
    deep = str(r.get(f"{w.session}/clone", query={"deep_copy": True})["id"])
    r.post(
        f"{w.user}/metamessages/list",
        json={"session_id": deep},
        covers="clone.deep_copy_session_metamessages",
    )
    cut = str(r.get(f"{w.session}/clone", query={"deep_copy": True, "message_id": first})["id"])
    r.post(
        f"{w.user}/metamessages/list",
        json={"session_id": cut},
        covers="clone.deep_copy_session_metamessages",
    )
    r.post(f"{w.other_session(cut)}/messages/list")
    r.get(f"{w.session}/clone", query={"deep_copy": "perhaps"}, covers="framework.query_invalid")


@scenario("clones.empty_session")
def empty_session(r: Recording) -> None:
    """A clone of an empty session answers a new id, but the session is never saved."""
    w = world(r)
    clone = str(r.get(f"{w.session}/clone", covers="clone.empty_not_saved")["id"])
    r.get(f"{w.user}/sessions", query={"session_id": clone}, covers="clone.empty_get_404")
    r.post(
        f"{w.other_session(clone)}/messages",
        json={"content": "x", "is_user": True},
        covers="clone.empty_message_404",
    )
    r.post(f"{w.user}/sessions/list")
    add_metamessage(r, w, "on_session", session_id=w.session_id)
    r.get(f"{w.session}/clone", query={"deep_copy": True}, covers="clone.empty_not_saved")
    r.post(f"{w.user}/sessions/list")


@scenario("clones.errors")
def errors(r: Recording) -> None:
    """Clones of unknown sessions, or up to a message of another session."""
    w = world(r)
    add_message(r, w, "mine")
    other = create_session(r, w.app_id, w.user_id)
    foreign = str(
        r.post(f"{w.other_session(other)}/messages", json={"content": "x", "is_user": True})["id"]
    )
    r.get(
        f"{w.user}/sessions/{UNKNOWN}/clone",
        covers=("clone.bad_session_detail", "sessions.clone.not_found"),
    )
    r.get(
        f"{w.session}/clone",
        query={"message_id": foreign},
        covers=("clone.bad_message_detail", "sessions.clone.not_found"),
    )
    r.get(
        f"{w.session}/clone",
        query={"message_id": UNKNOWN},
        covers="clone.bad_message_detail",
    )
    r.get(
        f"{w.app}/users/{UNKNOWN}/sessions/{w.session_id}/clone", covers="clone.bad_session_detail"
    )
    r.post(f"{w.user}/sessions/list")
