"""Quickstart: app → user → session → messages → metamessage → list → streamed chat.

Runs on the in-process Honcho that ships with the package (`honcho_client.testing.FakeHoncho`),
so it needs no server and no network. Set HONCHO_BASE_URL (and HONCHO_API_KEY if your server
wants one) to run the very same calls against a real Honcho:

    python examples/quickstart.py
    HONCHO_BASE_URL=http://localhost:8000 python examples/quickstart.py
"""

from __future__ import annotations

import os
import uuid

from honcho_client import Honcho
from honcho_client.testing import FakeHoncho


def make_client() -> tuple[Honcho, str]:
    if os.environ.get("HONCHO_BASE_URL"):
        return Honcho(), os.environ["HONCHO_BASE_URL"]
    return FakeHoncho().client(), "the in-process Honcho (set HONCHO_BASE_URL for a real one)"


def main() -> None:
    client, where = make_client()
    print(f"Talking to {where}")
    with client:
        app = client.apps.get_or_create(f"quickstart-{uuid.uuid4().hex[:8]}")
        print(f"app       {app.id}  {app.name}")
        user = client.apps.users.create(app_id=app.id, name="alice", metadata={"plan": "free"})
        print(f"user      {user.id}  {user.name}")
        session = client.apps.users.sessions.create(app_id=app.id, user_id=user.id)
        print(f"session   {session.id}  active={session.is_active}")

        turns = [
            ("I'm planning a trip to Lisbon in May.", True),
            ("Lovely! Do you prefer museums or food tours?", False),
            ("Food tours, definitely. I'm vegetarian.", True),
        ]
        messages = []
        for content, is_user in turns:
            message = client.apps.users.sessions.messages.create(
                app_id=app.id,
                user_id=user.id,
                session_id=session.id,
                content=content,
                is_user=is_user,
            )
            print(f"message   {message.id}  {'user' if is_user else 'agent':5}  {content}")
            messages.append(message)

        note = client.apps.users.metamessages.create(
            app_id=app.id,
            user_id=user.id,
            session_id=session.id,
            message_id=messages[-1].id,
            metamessage_type="insight",
            content="Vegetarian; likes food tours.",
        )
        print(f"metamsg   {note.id}  [{note.metamessage_type}] {note.content}")

        page = client.apps.users.metamessages.list(
            app_id=app.id, user_id=user.id, metamessage_type="insight"
        )
        print(
            f"page      {len(page.items)} of {page.total} metamessages (page {page.page} of {page.pages})"
        )
        for item in page.items:
            print(f"          - {item.content}")

        print("chat      ", end="", flush=True)
        with client.apps.users.sessions.chat(
            session.id,
            app_id=app.id,
            user_id=user.id,
            queries="What should I plan for dinner?",
            stream=True,
        ) as answer:
            for chunk in answer:
                print(chunk, end="", flush=True)
        print()


if __name__ == "__main__":
    main()
