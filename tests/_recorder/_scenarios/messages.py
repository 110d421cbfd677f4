"""Messages: create, batch, list, get, update, and their errors."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, add_message, create_session, create_user, world


@scenario("messages.lifecycle")
def lifecycle(r: Recording) -> None:
    """Create single and batched messages, read, update and list them."""
    w = world(r)
    base = f"{w.session}/messages"
    first = r.post(base, json={"content": "hello", "is_user": True, "metadata": {"k": 1}})["id"]
    r.post(base, json={"content": "", "is_user": False})
    r.post(
        f"{base}/batch",
        json={
            "messages": [
                {"content": "one", "is_user": True},
                {"content": "two", "is_user": False, "metadata": {"k": 2}},
                {"content": "three ✓ émoji 🙂", "is_user": True},
            ]
        },
    )
    r.get(f"{base}/{first}")
    r.put(f"{base}/{first}", json={"metadata": {"k": 3, "nested": {"a": None}}})
    r.get(f"{base}/{first}")
    r.post(f"{base}/list")
    r.post(f"{base}/list", json={"filter": {"k": 2}})
    r.post(f"{base}/list", json={"filter": {"nested": {"a": None}}})
    r.post(f"{base}/list", query={"reverse": True})
    r.post(f"{base}/list", query={"size": 2, "page": 2})
    r.post(f"{base}/list", query={"size": 2, "page": 2, "reverse": True})
    long_text = r.macro(repeat("c", 50000))
    r.post(base, json={"content": long_text, "is_user": True})
    r.post(f"{base}/list", query={"size": 1, "page": 6})


@scenario("messages.errors")
def errors(r: Recording) -> None:
    """Messages of unknown sessions and messages, invalid bodies, oversized batches."""
    w = world(r)
    base = f"{w.session}/messages"
    message = add_message(r, w, "hi")
    r.post(
        f"{w.user}/sessions/{UNKNOWN}/messages",
        json={"content": "x", "is_user": True},
        covers="messages.create.session_not_found",
    )
    r.post(
        f"{w.user}/sessions/{UNKNOWN}/messages/batch",
        json={"messages": [{"content": "x", "is_user": True}]},
        covers="messages.batch.session_not_found",
    )
    r.get(f"{base}/{UNKNOWN}", covers="messages.get.not_found")
    r.put(
        f"{base}/{UNKNOWN}",
        json={"metadata": {}},
        covers=("messages.update.not_found", "details.message_not_found"),
    )
    r.put(f"{base}/{message}", json={}, covers="framework.body_missing")
    r.post(
        base,
        json={"content": r.macro(repeat("c", 50001)), "is_user": True},
        covers="messages.create.invalid",
    )
    r.post(base, json={"content": "x"}, covers="messages.create.invalid")
    r.post(base, json={"content": "x", "is_user": "maybe"}, covers="messages.create.invalid")
    r.post(base, json={"content": None, "is_user": True}, covers="messages.create.invalid")
    r.post(
        f"{base}/batch",
        json={"messages": [{"content": "x", "is_user": True}] * 101},
        covers="messages.batch.too_many",
    )
    r.post(f"{base}/batch", json={"messages": [{"content": "x", "is_user": True}] * 100})
    r.post(f"{base}/batch", json={}, covers="framework.body_missing")
    r.post(f"{base}/batch", json={"messages": [{"content": "x"}]})
    r.post(f"{base}/list", query={"size": 1})


@scenario("messages.foreign_and_missing_parents")
def foreign_and_missing(r: Recording) -> None:
    """Messages reached through another user's session, or a session that does not exist."""
    w = world(r)
    add_message(r, w, "mine")
    bob = create_user(r, w.app_id, "bob")
    bobs_session = create_session(r, w.app_id, bob)
    r.post(
        f"{w.app}/users/{bob}/sessions/{bobs_session}/messages",
        json={"content": "bob's", "is_user": True},
    )
    r.post(
        f"{w.app}/users/{bob}/sessions/{w.session_id}/messages/list",
        covers="lists.messages.foreign_session",
    )
    r.post(
        f"{w.user}/sessions/{bobs_session}/messages/list", covers="lists.messages.foreign_session"
    )
    r.post(f"{w.user}/sessions/{UNKNOWN}/messages/list", covers="lists.messages.missing_session")
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{UNKNOWN}/sessions/{UNKNOWN}/messages/list",
        covers="lists.messages.missing_session",
    )
    r.post(
        f"{w.app}/users/{bob}/sessions/{w.session_id}/messages",
        json={"content": "x", "is_user": True},
        covers="messages.create.session_not_found",
    )
    r.post(f"{w.session}/messages/list")
