"""What a handler works with: the validated request, and lookups with the server's queries.

A :class:`Call` carries the store, the validated path, query and body, the key's scope and
the defects to mirror. Its lookups filter as the server's SQL does (an unknown app is
reported as its child not being found) and give the server's 404 details; its ``page``
builds a list page as the server's pagination does.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._auth import Authenticator, KeyScope
from ._defects import has_non_finite, has_unstorable_text
from ._http import SERVER_ERROR, ApiError
from ._jsonb import contains
from ._responder import ChatContext
from ._store import Record, Store

MAX_OFFSET = 2**63 - 1  # the database's largest OFFSET

Handler = Callable[["Call"], Any]


@dataclass(frozen=True)
class ChatJob:
    """A chat request whose answer the dispatcher computes with the responder.

    ``failure`` is set when the chat fails once its 200 stream has started (a server
    defect): the dispatcher then answers an empty stream.
    """

    context: ChatContext | None
    stream: bool
    failure: ApiError | None = None


def too_long(loc: list[Any], value: str, limit: int) -> ApiError:
    issue = {
        "type": "string_too_long",
        "loc": loc,
        "msg": f"String should have at most {limit} characters",
        "input": value,
        "ctx": {"max_length": limit},
    }
    return ApiError(422, [issue])


@dataclass
class Call:
    """What a handler gets: the store, the validated request parts, the key and the defects."""

    store: Store
    params: Mapping[str, str]
    query: Mapping[str, Any]
    body: Mapping[str, Any]
    scope: KeyScope
    defects: frozenset[str]
    auth: Authenticator

    def defect(self, name: str) -> bool:
        return name in self.defects

    def storable(self, *values: Any) -> None:
        """Fail like the database does for values it refuses (a server defect)."""
        for value in values:
            if self.defect("nul_characters") and has_unstorable_text(value):
                raise ApiError(500, SERVER_ERROR)
            if self.defect("non_finite_numbers") and has_non_finite(value):
                raise ApiError(500, SERVER_ERROR)

    @property
    def app_id(self) -> str:
        return self.params["app_id"]

    @property
    def user_id(self) -> str:
        return self.params["user_id"]

    # -- lookups, each with the server's own query and detail ---------------------------

    def app(self, app_id: str) -> Record:
        self.storable(app_id)
        app = self.store.apps.get(app_id)
        if app is None:
            raise ApiError(404, f"App with ID {app_id} not found")
        return app

    def user(self, user_id: str | None = None) -> Record:
        user_id = self.user_id if user_id is None else user_id
        self.storable(user_id)
        user = self.store.users.get(user_id)
        if user is None or user["app_id"] != self.app_id:
            raise ApiError(404, f"User with ID '{user_id}' not found")
        return user

    def session(self, session_id: str | None = None) -> Record:
        session_id = self.params["session_id"] if session_id is None else session_id
        self.storable(session_id)
        session = self.store.sessions.get(session_id)
        if session is None or (session["app_id"], session["user_id"]) != (
            self.app_id,
            self.user_id,
        ):
            raise ApiError(404, "Session not found or does not belong to user")
        return session

    def message(self, session_id: str, message_id: str) -> Record | None:
        self.storable(message_id)
        message = self.store.messages.get(message_id)
        if message is None or (message["app_id"], message["user_id"], message["session_id"]) != (
            self.app_id,
            self.user_id,
            session_id,
        ):
            return None
        return message

    def metamessage(self) -> Record:
        metamessage_id = self.params["metamessage_id"]
        meta = self.store.metamessages.get(metamessage_id)
        if meta is None or (meta["app_id"], meta["user_id"]) != (self.app_id, self.user_id):
            raise ApiError(404, f"Metamessage with ID {metamessage_id} not found")
        return meta

    def collection(self, collection_id: str | None = None) -> Record:
        collection_id = self.params["collection_id"] if collection_id is None else collection_id
        self.storable(collection_id)
        found = self.store.collections.get(collection_id)
        if found is None or (found["app_id"], found["user_id"]) != (self.app_id, self.user_id):
            raise ApiError(404, "Collection not found or does not belong to user")
        return found

    def document(self) -> Record | None:
        document = self.store.documents.get(self.params["document_id"])
        if document is None or (
            document["app_id"],
            document["user_id"],
            document["collection_id"],
        ) != (self.app_id, self.user_id, self.params["collection_id"]):
            return None
        return document

    # -- lists -------------------------------------------------------------------------

    def page(self, rows: Iterable[Record], **wanted: Any) -> Any:
        """A page of the rows whose fields equal ``wanted``, honouring filter and paging."""
        metadata_filter = self.body.get("filter") or None
        self.storable(metadata_filter, *wanted.values())
        selected = [
            row
            for row in rows
            if all(row[key] == value for key, value in wanted.items())
            and (metadata_filter is None or contains(row["metadata"], metadata_filter))
        ]
        if self.query.get("reverse"):
            selected.reverse()
        page, size = self.query["page"], self.query["size"]
        if (page - 1) * size > MAX_OFFSET and self.defect("huge_page"):
            raise ApiError(500, SERVER_ERROR)
        return {
            "items": selected[(page - 1) * size : page * size],
            "total": len(selected),
            "page": page,
            "size": size,
            "pages": math.ceil(len(selected) / size),
        }
