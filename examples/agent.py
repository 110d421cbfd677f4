"""A small chat agent that keeps its memory in Honcho.

Each turn of the conversation is stored in a Honcho session; before answering, the agent asks
Honcho's dialectic what it knows about the user, and hands that context, the recent turns and
the new message to a language model, whose answer is streamed back as it is written.

`stand_in_llm` is a placeholder: replace it with a call to your model (any function that takes
a `Prompt` and yields text). The example runs on the in-process Honcho by default, so it needs
no server and no network; set HONCHO_BASE_URL (and HONCHO_API_KEY if your server wants one) to
keep the memory in a real Honcho:

    python examples/agent.py          # a short scripted conversation
    python examples/agent.py --chat   # talk to it; an empty line or end of input stops
    HONCHO_BASE_URL=http://localhost:8000 python examples/agent.py

`examples/test_agent.py` shows how to test such an agent with `FakeHoncho`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from honcho_client import APIStatusError, Honcho
from honcho_client.testing import FakeHoncho

HISTORY_TURNS = 10
"""How many of the latest turns the model sees besides the dialectic's context."""


@dataclass(frozen=True)
class Prompt:
    """What the model gets for one answer."""

    message: str
    """The user's new message."""
    context: str
    """What Honcho's dialectic knows about the user ("" when it could not be asked)."""
    history: tuple[tuple[str, str], ...]
    """The latest turns before this one, oldest first, as ("user" | "agent", text)."""


LLM = Callable[[Prompt], Iterable[str]]
"""A language model: a prompt in, the answer's text out in chunks."""


def stand_in_llm(prompt: Prompt) -> Iterator[str]:
    """A placeholder model that answers from the context; replace it with your own."""
    known = prompt.context or "nothing yet"
    text = f"You said {prompt.message!r} after {len(prompt.history)} earlier turns. I know: {known}"
    words = text.split(" ")
    for i, word in enumerate(words):
        yield word if i == 0 else f" {word}"


class Agent:
    """A chat agent for one user, whose turns are kept in a Honcho session."""

    def __init__(
        self, client: Honcho, *, user: str, app: str = "agent-example", llm: LLM = stand_in_llm
    ) -> None:
        self.client = client
        self.llm = llm
        self.app = client.apps.get_or_create(app)  # safe to run again: finds what exists
        self.user = client.apps.users.get_or_create(user, app_id=self.app.id)
        self.session = client.apps.users.sessions.create(app_id=self.app.id, user_id=self.user.id)

    def reply(self, message: str) -> Iterator[str]:
        """Store the user's message, then yield the answer in chunks as the model writes it.

        The answer is stored once it is complete. If the dialectic fails with an error status,
        the agent answers without its context rather than not at all; any other failure (the
        server unreachable, a turn not stored) is raised to the caller.
        """
        history = self._history()
        self._store(message, is_user=True)
        prompt = Prompt(message=message, context=self._context(message), history=history)
        answer: list[str] = []
        for chunk in self.llm(prompt):
            answer.append(chunk)
            yield chunk
        self._store("".join(answer), is_user=False)

    def _history(self) -> tuple[tuple[str, str], ...]:
        page = self.client.apps.users.sessions.messages.list(
            self.session.id,
            app_id=self.app.id,
            user_id=self.user.id,
            reverse=True,
            size=HISTORY_TURNS,
        )
        turns = [("user" if m.is_user else "agent", m.content) for m in page.items]
        return tuple(reversed(turns))

    def _context(self, message: str) -> str:
        try:
            with self.client.apps.users.sessions.chat(
                self.session.id,
                app_id=self.app.id,
                user_id=self.user.id,
                queries=f"What should I know about this user to answer: {message}",
                stream=True,
            ) as stream:
                return stream.text()
        except APIStatusError as error:
            print(f"(answering without memory: {error})", file=sys.stderr)
            return ""

    def _store(self, content: str, *, is_user: bool) -> None:
        self.client.apps.users.sessions.messages.create(
            self.session.id,
            app_id=self.app.id,
            user_id=self.user.id,
            content=content,
            is_user=is_user,
        )


def make_client() -> Honcho:
    """A client for HONCHO_BASE_URL when it is set, else for the in-process Honcho."""
    if os.environ.get("HONCHO_BASE_URL"):
        return Honcho()
    return FakeHoncho().client()


def say(agent: Agent, message: str) -> None:
    print(f"you:   {message}")
    print("agent: ", end="", flush=True)
    for chunk in agent.reply(message):
        print(chunk, end="", flush=True)
    print()


def main(argv: list[str]) -> None:
    with make_client() as client:
        agent = Agent(client, user="alice")
        if "--chat" not in argv:
            for message in ("Hi! I'm Alice.", "I'm vegetarian.", "What should I cook tonight?"):
                say(agent, message)
            return
        for line in sys.stdin:
            if not line.strip():
                break
            say(agent, line.strip())


if __name__ == "__main__":
    main(sys.argv[1:])
