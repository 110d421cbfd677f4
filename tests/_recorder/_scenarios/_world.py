"""Building blocks of scenarios: records created through the API, and their paths."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .._recording import Recording

# Ids of the right shape that no server ever hands out.
UNKNOWN = "unknownunknownunknown"
UNKNOWN_2 = "missingmissingmissing"


def create_app(r: Recording, base: str = "app", metadata: dict[str, Any] | None = None) -> str:
    body: dict[str, Any] = {"name": r.name(base)}
    if metadata is not None:
        body["metadata"] = metadata
    return str(r.post("/v1/apps", json=body)["id"])


def create_user(r: Recording, app_id: str, name: str = "alice") -> str:
    return str(r.post(f"/v1/apps/{app_id}/users", json={"name": name})["id"])


def create_session(r: Recording, app_id: str, user_id: str, metadata: Any = None) -> str:
    body = {} if metadata is None else {"metadata": metadata}
    return str(r.post(f"/v1/apps/{app_id}/users/{user_id}/sessions", json=body)["id"])


@dataclass(frozen=True)
class World:
    """An app, a user and a session, with the URL prefixes below them."""

    app_id: str
    user_id: str
    session_id: str

    @property
    def app(self) -> str:
        return f"/v1/apps/{self.app_id}"

    @property
    def user(self) -> str:
        return f"{self.app}/users/{self.user_id}"

    @property
    def session(self) -> str:
        return f"{self.user}/sessions/{self.session_id}"

    def other_session(self, session_id: str) -> str:
        return f"{self.user}/sessions/{session_id}"

    def collection(self, collection_id: str) -> str:
        return f"{self.user}/collections/{collection_id}"


def world(r: Recording, base: str = "app", user: str = "alice") -> World:
    app_id = create_app(r, base)
    user_id = create_user(r, app_id, user)
    return World(app_id, user_id, create_session(r, app_id, user_id))


def add_message(r: Recording, w: World, content: str, is_user: bool = True, **kw: Any) -> str:
    body = {"content": content, "is_user": is_user, **kw}
    return str(r.post(f"{w.session}/messages", json=body)["id"])


def add_collection(r: Recording, w: World, name: str = "notes", **kw: Any) -> str:
    return str(r.post(f"{w.user}/collections", json={"name": name, **kw})["id"])


def add_document(r: Recording, w: World, collection_id: str, content: str, **kw: Any) -> str:
    body = {"content": content, **kw}
    return str(r.post(f"{w.collection(collection_id)}/documents", json=body)["id"])


def add_metamessage(r: Recording, w: World, kind: str, content: str = "m", **kw: Any) -> str:
    body = {"metamessage_type": kind, "content": content, **kw}
    return str(r.post(f"{w.user}/metamessages", json=body)["id"])
