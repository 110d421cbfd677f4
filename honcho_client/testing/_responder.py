"""The chat (dialectic) side of the fake: what a responder sees and the default responder."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Snapshot = Mapping[str, Any]


@dataclass(frozen=True)
class ChatContext:
    """Everything a responder may use to answer a chat request (all deep copies).

    Attributes:
        queries: the question(s) asked, always as a tuple of strings.
        app, user, session: the records the chat was addressed to (``session`` is empty
            when it does not exist: the server answers such chats too).
        messages: this session's messages, oldest first.
        user_messages: the messages of every session of this user, oldest first.
        metamessages: this user's metamessages, oldest first.
        documents: the documents in every collection of this user, oldest first.
    """

    queries: tuple[str, ...]
    app: Snapshot
    user: Snapshot
    session: Snapshot
    messages: tuple[Snapshot, ...] = ()
    user_messages: tuple[Snapshot, ...] = ()
    metamessages: tuple[Snapshot, ...] = ()
    documents: tuple[Snapshot, ...] = ()

    @property
    def query(self) -> str:
        """The queries joined by a space."""
        return " ".join(self.queries)


Responder = Callable[[ChatContext], str]


def default_responder(context: ChatContext) -> str:
    """A deterministic answer built from the question and what the fake knows of the user.

    e.g. ``Based on 3 messages from alice: the latest was "I love hiking". You asked: ...``
    """
    name = context.user.get("name", "the user")
    said = [m for m in context.user_messages if m.get("is_user")]
    question = context.query.strip() or "(nothing)"
    if not said:
        return f"I have no messages from {name} yet, so I cannot answer: {question}"
    count = len(said)
    latest = said[-1].get("content", "")
    plural = "" if count == 1 else "s"
    return (
        f'Based on {count} message{plural} from {name}: the latest was "{latest}". '
        f"You asked: {question}"
    )


def representation(context: ChatContext, facts: Sequence[str] = ()) -> str:
    """What the fake saves as the user's representation after a chat (a metamessage).

    The server's layout: its two headings, the model's view of the user's mental state (the
    fake writes a short deterministic note there) and the facts found in the user's
    ``honcho`` collection, written as a Python list.
    """
    name = context.user.get("name", "the user")
    said = [m.get("content", "") for m in context.messages if m.get("is_user")]
    latest = f' The latest thing they said here: "{said[-1]}".' if said else ""
    note = (
        f"Notes on {name}: {len(said)} message{'' if len(said) == 1 else 's'} "
        f"from them in this session.{latest} Asked about them: {context.query.strip()}"
    )
    return (
        f"\nPREDICTION ABOUT THE USER'S CURRENT MENTAL STATE:\n{note}\n\n"
        f"RELEVANT LONG-TERM FACTS ABOUT THE USER:\n{list(facts)!r}\n"
    )


_PIECE = re.compile(r"\s*\S+\s*|\s+")


def split_chunks(text: str) -> list[str]:
    """Split an answer into word-sized stream chunks that join back to ``text``."""
    return _PIECE.findall(text)
