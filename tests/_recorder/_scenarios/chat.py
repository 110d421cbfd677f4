"""Chat: answers (plain and streamed), its side effects, its validation and crashes."""

from __future__ import annotations

from .._cassette import repeat
from .._recording import Recording
from .._registry import scenario
from ._world import UNKNOWN, add_message, world


@scenario("chat.side_effects")
def side_effects(r: Recording) -> None:
    """Chat creates the user's 'honcho' collection and saves a representation metamessage."""
    w = world(r)
    add_message(r, w, "I like apples")
    add_message(r, w, "Noted", is_user=False)
    r.post(f"{w.user}/collections/list")
    r.get(f"{w.user}/collections/name/honcho")
    r.post(f"{w.session}/chat", json={"queries": "what does the user like?"})
    r.post(f"{w.user}/collections/list", covers="chat.creates_honcho_collection")
    honcho = r.get(f"{w.user}/collections/name/honcho", covers="chat.honcho_collection_by_name")
    r.post(f"{w.user}/metamessages/list", covers="chat.saves_representation")
    r.post(
        f"{w.user}/metamessages/list",
        json={"metamessage_type": "honcho_user_representation"},
        covers="chat.saves_representation",
    )
    r.post(f"{w.session}/chat", json={"queries": ["one?", "two?"]})
    r.post(f"{w.session}/chat", json={"queries": "streamed?", "stream": True})
    r.post(f"{w.user}/metamessages/list", json={"session_id": w.session_id})
    r.post(f"{w.user}/collections/list")
    honcho_id = str(honcho["id"])
    r.post(f"{w.collection(honcho_id)}/documents/list")
    r.delete(w.collection(honcho_id), covers="collections.delete.honcho")
    r.delete(f"{w.collection(honcho_id)}/documents/{UNKNOWN}", covers="documents.delete.honcho")
    r.put(w.collection(honcho_id), json={"metadata": {"x": 1}})
    r.put(w.collection(honcho_id), json={"name": "renamed"})
    r.get(f"{w.user}/collections/name/honcho")


@scenario("chat.without_user_messages")
def without_user_messages(r: Recording) -> None:
    """Chat on a session with no user message, on an unknown session, for an unknown user."""
    w = world(r)
    r.post(f"{w.session}/chat", json={"queries": "anything?"})
    r.post(f"{w.user}/metamessages/list")
    r.post(f"{w.user}/collections/list")
    r.post(
        f"{w.user}/sessions/{UNKNOWN}/chat",
        json={"queries": "hello?"},
        covers="chat.unknown_session",
    )
    r.post(
        f"{w.user}/sessions/{UNKNOWN}/chat",
        json={"queries": "hello?", "stream": True},
        covers="chat.unknown_session",
    )
    r.post(f"{w.user}/collections/list")
    r.post(
        f"{w.app}/users/{UNKNOWN}/sessions/{w.session_id}/chat",
        json={"queries": "who?"},
        covers="sessions.chat.user_not_found",
    )
    r.post(
        f"{w.app}/users/{UNKNOWN}/sessions/{w.session_id}/chat",
        json={"queries": "who?", "stream": True},
        covers="sessions.chat.user_not_found",
    )
    r.post(
        f"/v1/apps/{UNKNOWN}/users/{w.user_id}/sessions/{w.session_id}/chat",
        json={"queries": "who?", "stream": True},
    )
    add_message(r, w, "only the app spoke", is_user=False)
    r.post(f"{w.session}/chat", json={"queries": "again?"})
    r.post(f"{w.user}/metamessages/list")


@scenario("chat.validation")
def validation(r: Recording) -> None:
    """Chat options: query count and length limits, types, and the empty list crash."""
    w = world(r)
    chat = f"{w.session}/chat"
    r.post(chat, json={"queries": ["q"] * 26}, covers="validation.chat_too_many_queries")
    r.post(chat, json={"queries": ["q"] * 25})
    long_query = r.macro(repeat("q", 10001))
    r.post(chat, json={"queries": long_query}, covers="validation.chat_query_too_long")
    r.post(chat, json={"queries": ["ok", long_query]}, covers="validation.chat_query_too_long")
    r.post(chat, json={"queries": r.macro(repeat("q", 10000))})
    r.post(
        chat, json={"queries": []}, covers=("crashes.empty_queries", "crashes.unannounced_close")
    )
    r.post(chat, json={}, covers="sessions.chat.invalid")
    r.post(chat, json={"queries": 3}, covers="sessions.chat.invalid")
    r.post(chat, json={"queries": [1, 2]}, covers="sessions.chat.invalid")
    r.post(chat, json={"queries": "q", "stream": "often"}, covers="sessions.chat.invalid")
    r.post(chat, covers="framework.body_missing")
    r.post(chat, json={"queries": ""})
