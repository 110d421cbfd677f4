"""Testing the agent of `agent.py` with the in-process Honcho (`FakeHoncho`).

The fake answers as a Honcho server does, keeps what the agent stores where a test can read it,
and fails on demand, so the agent's own behaviour can be checked: what it stores, what it gives
its model, and what it does when Honcho fails. Run with `python -m pytest examples/test_agent.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from agent import Agent, Prompt

from honcho_client import APIConnectionError
from honcho_client.testing import ChatContext, FakeHoncho

CHAT = "/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat"
MESSAGES = "/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages"


class RecordingLLM:
    """A model stand-in that answers in two chunks and keeps every prompt it was given."""

    def __init__(self) -> None:
        self.prompts: list[Prompt] = []

    def __call__(self, prompt: Prompt) -> Iterator[str]:
        self.prompts.append(prompt)
        yield "Try "
        yield "a lentil curry."


@pytest.fixture
def fake() -> FakeHoncho:
    fake = FakeHoncho()
    fake.responder = lambda context: "Alice is vegetarian."  # what the dialectic answers
    return fake


@pytest.fixture
def llm() -> RecordingLLM:
    return RecordingLLM()


@pytest.fixture
def agent(fake: FakeHoncho, llm: RecordingLLM) -> Iterator[Agent]:
    with fake.client(max_retries=1) as client:
        yield Agent(client, user="alice", llm=llm)


def test_the_answer_streams_and_both_turns_are_stored(agent: Agent, fake: FakeHoncho) -> None:
    chunks = list(agent.reply("What should I cook?"))
    assert chunks == ["Try ", "a lentil curry."]
    stored = [(m["content"], m["is_user"]) for m in fake.messages]
    assert stored == [("What should I cook?", True), ("Try a lentil curry.", False)]
    assert {m["session_id"] for m in fake.messages} == {agent.session.id}


def test_the_model_gets_the_dialectic_context_and_the_earlier_turns(
    agent: Agent, fake: FakeHoncho, llm: RecordingLLM
) -> None:
    asked: list[ChatContext] = []

    def responder(context: ChatContext) -> str:
        asked.append(context)
        return "Alice is vegetarian."

    fake.responder = responder
    list(agent.reply("Hi, I'm Alice."))
    list(agent.reply("What should I cook?"))
    first, second = llm.prompts
    assert (first.context, first.history) == ("Alice is vegetarian.", ())
    assert second.history == (("user", "Hi, I'm Alice."), ("agent", "Try a lentil curry."))
    assert "What should I cook?" in asked[-1].queries[0]
    assert fake.request_count("POST", CHAT) == 2


def test_a_failing_dialectic_is_answered_without_memory(
    agent: Agent, fake: FakeHoncho, llm: RecordingLLM
) -> None:
    fake.fail_next(status=500, path=CHAT)
    assert "".join(agent.reply("What should I cook?")) == "Try a lentil curry."
    assert llm.prompts[0].context == ""
    assert fake.request_count("POST", CHAT) == 1  # a chat is not sent again after a 500
    assert len(fake.messages) == 2


def test_a_turn_lost_on_the_way_is_raised_and_never_stored_twice(
    agent: Agent, fake: FakeHoncho, llm: RecordingLLM
) -> None:
    fake.drop_next(method="POST", path=MESSAGES)
    with pytest.raises(APIConnectionError):
        list(agent.reply("What should I cook?"))
    assert fake.messages == ()  # dropped before the server stored it
    assert fake.request_count("POST", MESSAGES) == 1  # and a create is not retried
    assert llm.prompts == []
