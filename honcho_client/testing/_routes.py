"""The 41 operations of Honcho API 1.1.0: a table of (method, path template) → handler.

Handlers run under the store lock with a :class:`Call` (validated path, query and body)
and return the JSON payload, raise :class:`ApiError`, or (for chat) return a
:class:`ChatJob` that the dispatcher answers outside the lock.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import _schemas as schemas
from ._http import ApiError
from ._responder import ChatContext
from ._similarity import rank
from ._store import KeyScope, Record, Store, json_contains
from ._validation import Model, QueryParam

Handler = Callable[["Call"], Any]


@dataclass(frozen=True)
class ChatJob:
    """A chat request whose answer the dispatcher computes with the responder."""

    context: ChatContext
    stream: bool


@dataclass(frozen=True)
class Route:
    """One operation: method, path template, handler and what to validate."""

    method: str
    template: str
    handler: Handler
    body: Model | None = None
    optional_body: bool = False
    query: Mapping[str, QueryParam] = field(default_factory=dict)
    # The id a GET reads from the query string, or else from a scoped key.
    id_param: str | None = None
    # Needs an admin (unscoped) key when auth is on.
    admin_only: bool = False

    def match(self, segments: Sequence[str]) -> dict[str, str] | None:
        """The path parameters if ``segments`` fit this template, else ``None``."""
        parts = self.template.split("/")[1:]
        if len(parts) != len(segments):
            return None
        params: dict[str, str] = {}
        for part, segment in zip(parts, segments, strict=False):
            if part.startswith("{"):
                if not segment:
                    return None
                params[part[1:-1]] = segment
            elif part != segment:
                return None
        return params


@dataclass
class Call:
    """What a handler gets: the store and the validated request parts."""

    store: Store
    params: Mapping[str, str]
    query: Mapping[str, Any]
    body: Mapping[str, Any]
    scope: KeyScope | None = None

    # -- chained lookups: each checks the whole chain app → user → session/collection → …

    def app(self, app_id: str | None = None) -> Record:
        app_id = self.params["app_id"] if app_id is None else app_id
        app = self.store.apps.get(app_id)
        if app is None:
            raise ApiError(404, f"App with ID {app_id} not found")
        return app

    def user(self, user_id: str | None = None) -> Record:
        app = self.app()
        user_id = self.params["user_id"] if user_id is None else user_id
        user = self.store.users.get(user_id)
        if user is None or user["app_id"] != app["id"]:
            raise ApiError(404, f"User with ID '{user_id}' not found")
        return user

    def session(self, session_id: str | None = None) -> Record:
        user = self.user()
        session_id = self.params["session_id"] if session_id is None else session_id
        session = self.store.sessions.get(session_id)
        if session is None or session["user_id"] != user["id"]:
            raise ApiError(404, "Session not found or does not belong to user")
        return session

    def message(self, message_id: str | None = None, session: Record | None = None) -> Record:
        session = self.session() if session is None else session
        message_id = self.params["message_id"] if message_id is None else message_id
        message = self.store.messages.get(message_id)
        if message is None or message["session_id"] != session["id"]:
            raise ApiError(404, f"Message with ID {message_id} not found")
        return message

    def metamessage(self) -> Record:
        user = self.user()
        metamessage_id = self.params["metamessage_id"]
        metamessage = self.store.metamessages.get(metamessage_id)
        if metamessage is None or metamessage["user_id"] != user["id"]:
            raise ApiError(404, f"Metamessage with ID {metamessage_id} not found")
        return metamessage

    def collection(self, collection_id: str | None = None) -> Record:
        user = self.user()
        collection_id = self.params["collection_id"] if collection_id is None else collection_id
        collection = self.store.collections.get(collection_id)
        if collection is None or collection["user_id"] != user["id"]:
            raise ApiError(404, f"Collection with ID {collection_id} not found")
        return collection

    def document(self) -> Record:
        collection = self.collection()
        document_id = self.params["document_id"]
        document = self.store.documents.get(document_id)
        if document is None or document["collection_id"] != collection["id"]:
            raise ApiError(404, f"Document with ID {document_id} not found")
        return document

    def query_id(self, name: str, label: str) -> str:
        """An id from the query string, else from a scoped key, else a 422."""
        value = self.query.get(name) or (getattr(self.scope, name) if self.scope else None)
        if not value:
            raise ApiError(422, f"{label} ID must be provided")
        return str(value)

    def page(self, rows: Iterable[Record], keep: Callable[[Record], bool] | None = None) -> Any:
        """A page of ``rows`` honouring the body ``filter`` and the paging query."""
        wanted = self.body.get("filter")
        selected = [
            row
            for row in rows
            if (wanted is None or json_contains(row["metadata"], wanted))
            and (keep is None or keep(row))
        ]
        if self.query.get("reverse"):
            selected.reverse()
        page, size = self.query["page"], self.query["size"]
        return {
            "items": selected[(page - 1) * size : page * size],
            "total": len(selected),
            "page": page,
            "size": size,
            "pages": math.ceil(len(selected) / size),
        }


# -- record builders -------------------------------------------------------------------


def _find(rows: Iterable[Record], **fields: Any) -> Record | None:
    wanted = tuple(fields.items())
    for row in rows:
        if all(row[key] == value for key, value in wanted):
            return row
    return None


def _new_app(store: Store, name: str, metadata: Any) -> Record:
    if _find(store.apps.values(), name=name):
        raise ApiError(409, f"App with name '{name}' already exists")
    app = {"id": store.new_id(), "name": name, "metadata": metadata, "created_at": store.now()}
    store.apps[app["id"]] = app
    return app


def _new_user(store: Store, app: Record, name: str, metadata: Any) -> Record:
    if _find(store.users.values(), app_id=app["id"], name=name):
        raise ApiError(409, "User with this name already exists")
    user = {
        "id": store.new_id(),
        "name": name,
        "app_id": app["id"],
        "created_at": store.now(),
        "metadata": metadata,
    }
    store.users[user["id"]] = user
    return user


def _new_session(store: Store, user: Record, metadata: Any) -> Record:
    session = {
        "id": store.new_id(),
        "is_active": True,
        "user_id": user["id"],
        "app_id": user["app_id"],
        "metadata": metadata,
        "created_at": store.now(),
    }
    store.sessions[session["id"]] = session
    return session


def _new_message(store: Store, session: Record, content: str, is_user: bool, meta: Any) -> Record:
    message = {
        "id": store.new_id(),
        "content": content,
        "is_user": is_user,
        "session_id": session["id"],
        "metadata": meta,
        "created_at": store.now(),
        "app_id": session["app_id"],
        "user_id": session["user_id"],
    }
    store.messages[message["id"]] = message
    return message


def _new_metamessage(store: Store, user: Record, fields: Mapping[str, Any]) -> Record:
    kind = fields["metamessage_type"]
    metamessage = {
        "id": store.new_id(),
        "label": kind,
        "content": fields["content"],
        "user_id": user["id"],
        "app_id": user["app_id"],
        "session_id": fields["session_id"],
        "message_id": fields["message_id"],
        "metadata": fields["metadata"],
        "created_at": store.now(),
        "metamessage_type": kind,
    }
    store.metamessages[metamessage["id"]] = metamessage
    return metamessage


def _check_collection_name(store: Store, user: Record, name: str) -> None:
    if _find(store.collections.values(), user_id=user["id"], name=name):
        raise ApiError(409, f"Collection with name '{name}' already exists")


# -- apps ------------------------------------------------------------------------------


def get_app(call: Call) -> Any:
    return call.app(call.query_id("app_id", "App"))


def create_app(call: Call) -> Any:
    return _new_app(call.store, call.body["name"], call.body["metadata"])


def list_apps(call: Call) -> Any:
    return call.page(call.store.apps.values())


def get_app_by_name(call: Call) -> Any:
    name = call.params["name"]
    app = _find(call.store.apps.values(), name=name)
    if app is None:
        raise ApiError(404, f"App with name '{name}' not found")
    return app


def get_or_create_app(call: Call) -> Any:
    name = call.params["name"]
    return _find(call.store.apps.values(), name=name) or _new_app(call.store, name, {})


def update_app(call: Call) -> Any:
    app = call.app()
    name, metadata = call.body["name"], call.body["metadata"]
    if name is not None and name != app["name"]:
        if _find(call.store.apps.values(), name=name):
            raise ApiError(409, f"App with name '{name}' already exists")
        app["name"] = name
    if metadata is not None:
        app["metadata"] = metadata
    return app


# -- users -----------------------------------------------------------------------------


def create_user(call: Call) -> Any:
    return _new_user(call.store, call.app(), call.body["name"], call.body["metadata"])


def get_user(call: Call) -> Any:
    return call.user(call.query_id("user_id", "User"))


def list_users(call: Call) -> Any:
    app = call.app()
    return call.page(u for u in call.store.users.values() if u["app_id"] == app["id"])


def get_user_by_name(call: Call) -> Any:
    app, name = call.app(), call.params["name"]
    user = _find(call.store.users.values(), app_id=app["id"], name=name)
    if user is None:
        raise ApiError(404, f"User with name '{name}' not found")
    return user


def get_or_create_user(call: Call) -> Any:
    app, name = call.app(), call.params["name"]
    existing = _find(call.store.users.values(), app_id=app["id"], name=name)
    return existing or _new_user(call.store, app, name, {})


def update_user(call: Call) -> Any:
    user = call.user()
    name, metadata = call.body["name"], call.body["metadata"]
    if name is not None and name != user["name"]:
        if _find(call.store.users.values(), app_id=user["app_id"], name=name):
            raise ApiError(409, "User with this name already exists")
        user["name"] = name
    if metadata is not None:
        user["metadata"] = metadata
    return user


# -- sessions --------------------------------------------------------------------------


def get_session(call: Call) -> Any:
    return call.session(call.query_id("session_id", "Session"))


def create_session(call: Call) -> Any:
    return _new_session(call.store, call.user(), call.body["metadata"])


def list_sessions(call: Call) -> Any:
    user, active_only = call.user(), call.body["is_active"]
    return call.page(
        s
        for s in call.store.sessions.values()
        if s["user_id"] == user["id"] and (s["is_active"] or not active_only)
    )


def update_session(call: Call) -> Any:
    session = call.session()
    session["metadata"] = call.body["metadata"]
    return session


def delete_session(call: Call) -> Any:
    call.session()["is_active"] = False
    return {"message": "Session deleted successfully"}


def chat(call: Call) -> Any:
    session = call.session()
    store, user_id = call.store, session["user_id"]
    queries = call.body["queries"]
    collections = {c["id"] for c in store.collections.values() if c["user_id"] == user_id}
    context = ChatContext(
        queries=(queries,) if isinstance(queries, str) else tuple(queries),
        app=copy.deepcopy(store.apps[session["app_id"]]),
        user=copy.deepcopy(store.users[user_id]),
        session=copy.deepcopy(session),
        messages=_copies(m for m in store.messages.values() if m["session_id"] == session["id"]),
        user_messages=_copies(m for m in store.messages.values() if m["user_id"] == user_id),
        metamessages=_copies(m for m in store.metamessages.values() if m["user_id"] == user_id),
        documents=_copies(d for d in store.documents.values() if d["collection_id"] in collections),
    )
    return ChatJob(context, stream=bool(call.body["stream"]))


def _copies(rows: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(copy.deepcopy(list(rows)))


def clone_session(call: Call) -> Any:
    store, original = call.store, call.session()
    messages = [m for m in store.messages.values() if m["session_id"] == original["id"]]
    cutoff = call.query["message_id"]
    if cutoff is not None:
        ids = [m["id"] for m in messages]
        if cutoff not in ids:
            raise ApiError(404, f"Message with ID {cutoff} not found")
        messages = messages[: ids.index(cutoff) + 1]
    user = store.users[original["user_id"]]
    clone = _new_session(store, user, copy.deepcopy(original["metadata"]))
    new_ids: dict[str, str] = {}
    for message in messages:
        meta = copy.deepcopy(message["metadata"])
        new_ids[message["id"]] = _new_message(
            store, clone, message["content"], message["is_user"], meta
        )["id"]
    if call.query["deep_copy"]:
        for meta in list(store.metamessages.values()):
            if meta["session_id"] == original["id"] and meta["message_id"] in new_ids:
                fields = copy.deepcopy(meta)
                fields.update(session_id=clone["id"], message_id=new_ids[meta["message_id"]])
                _new_metamessage(store, user, fields)
    return clone


# -- messages --------------------------------------------------------------------------


def create_message(call: Call) -> Any:
    body = call.body
    return _new_message(
        call.store, call.session(), body["content"], body["is_user"], body["metadata"]
    )


def create_messages(call: Call) -> Any:
    session = call.session()
    return [
        _new_message(call.store, session, m["content"], m["is_user"], m["metadata"])
        for m in call.body["messages"]
    ]


def list_messages(call: Call) -> Any:
    session = call.session()
    return call.page(m for m in call.store.messages.values() if m["session_id"] == session["id"])


def get_message(call: Call) -> Any:
    return call.message()


def update_message(call: Call) -> Any:
    message = call.message()
    message["metadata"] = call.body["metadata"]
    return message


# -- metamessages ----------------------------------------------------------------------


def _check_links(call: Call, session_id: str | None, message_id: str | None) -> None:
    if message_id is not None and session_id is None:
        raise ApiError(422, "Cannot specify message_id without session_id")
    if session_id is not None:
        session = call.session(session_id)
        if message_id is not None:
            call.message(message_id, session)


def create_metamessage(call: Call) -> Any:
    user = call.user()
    _check_links(call, call.body["session_id"], call.body["message_id"])
    return _new_metamessage(call.store, user, call.body)


def list_metamessages(call: Call) -> Any:
    user, body = call.user(), call.body
    if body["message_id"] is not None and body["session_id"] is None:
        raise ApiError(422, "Cannot specify message_id without session_id")
    wanted = {
        key: body[key]
        for key in ("metamessage_type", "session_id", "message_id")
        if body[key] is not None
    }
    return call.page(
        m
        for m in call.store.metamessages.values()
        if m["user_id"] == user["id"] and all(m[k] == v for k, v in wanted.items())
    )


def get_metamessage(call: Call) -> Any:
    return call.metamessage()


def update_metamessage(call: Call) -> Any:
    metamessage, body = call.metamessage(), call.body
    session_id, message_id = body["session_id"], body["message_id"]
    _check_links(call, session_id, message_id)
    if session_id is not None:
        if session_id != metamessage["session_id"] and message_id is None:
            metamessage["message_id"] = None
        metamessage["session_id"] = session_id
    if message_id is not None:
        metamessage["message_id"] = message_id
    if body["metamessage_type"] is not None:
        metamessage["label"] = metamessage["metamessage_type"] = body["metamessage_type"]
    if body["metadata"] is not None:
        metamessage["metadata"] = body["metadata"]
    return metamessage


# -- collections -----------------------------------------------------------------------


def get_collection(call: Call) -> Any:
    return call.collection(call.query_id("collection_id", "Collection"))


def create_collection(call: Call) -> Any:
    store, user, name = call.store, call.user(), call.body["name"]
    _check_collection_name(store, user, name)
    collection = {
        "id": store.new_id(),
        "name": name,
        "user_id": user["id"],
        "app_id": user["app_id"],
        "metadata": call.body["metadata"],
        "created_at": store.now(),
    }
    store.collections[collection["id"]] = collection
    return collection


def list_collections(call: Call) -> Any:
    user = call.user()
    return call.page(c for c in call.store.collections.values() if c["user_id"] == user["id"])


def get_collection_by_name(call: Call) -> Any:
    user, name = call.user(), call.params["name"]
    collection = _find(call.store.collections.values(), user_id=user["id"], name=name)
    if collection is None:
        raise ApiError(404, f"Collection with name '{name}' not found")
    return collection


def update_collection(call: Call) -> Any:
    collection = call.collection()
    name, metadata = call.body["name"], call.body["metadata"]
    if name is not None and name != collection["name"]:
        _check_collection_name(call.store, call.store.users[collection["user_id"]], name)
        collection["name"] = name
    if metadata is not None:
        collection["metadata"] = metadata
    return collection


def delete_collection(call: Call) -> Any:
    collection = call.collection()
    documents = call.store.documents
    for document_id in [
        d["id"] for d in documents.values() if d["collection_id"] == collection["id"]
    ]:
        del documents[document_id]
    del call.store.collections[collection["id"]]
    return {"message": "Collection deleted successfully"}


# -- documents -------------------------------------------------------------------------


def _documents_of(call: Call) -> list[Record]:
    collection = call.collection()
    return [d for d in call.store.documents.values() if d["collection_id"] == collection["id"]]


def list_documents(call: Call) -> Any:
    return call.page(_documents_of(call))


def get_document(call: Call) -> Any:
    return call.document()


def update_document(call: Call) -> Any:
    document = call.document()
    if call.body["content"] is not None:
        document["content"] = call.body["content"]
    if call.body["metadata"] is not None:
        document["metadata"] = call.body["metadata"]
    return document


def delete_document(call: Call) -> Any:
    del call.store.documents[call.document()["id"]]
    return {"message": "Document deleted successfully"}


def query_documents(call: Call) -> Any:
    wanted = call.body["filter"]
    candidates = [
        d for d in _documents_of(call) if wanted is None or json_contains(d["metadata"], wanted)
    ]
    return rank(call.body["query"], candidates, lambda d: str(d["content"]), call.body["top_k"])


def create_document(call: Call) -> Any:
    store, collection = call.store, call.collection()
    document = {
        "id": store.new_id(),
        "content": call.body["content"],
        "metadata": call.body["metadata"],
        "created_at": store.now(),
        "collection_id": collection["id"],
        "app_id": collection["app_id"],
        "user_id": collection["user_id"],
    }
    store.documents[document["id"]] = document
    return document


# -- keys ------------------------------------------------------------------------------


def create_key(call: Call) -> Any:
    query = call.query
    scope = KeyScope(
        app_id=query["app_id"] or None,
        user_id=query["user_id"] or None,
        session_id=query["session_id"] or None,
        collection_id=query["collection_id"] or None,
        expires_at=query["expires_at"],
    )
    return {"key": call.store.new_key(scope)}


# -- the table (in the server's registration order) --------------------------------------

_USER = "/v1/apps/{app_id}/users/{user_id}"
_SESSION = f"{_USER}/sessions/{{session_id}}"
_COLLECTION = f"{_USER}/collections/{{collection_id}}"


def _list(template: str, handler: Handler, body: Model = schemas.FILTER_ONLY) -> Route:
    return Route("POST", template, handler, body, optional_body=True, query=schemas.PAGE_QUERY)


def _get_by_id(template: str, handler: Handler, name: str) -> Route:
    return Route("GET", template, handler, query=schemas.id_query(name), id_param=name)


ROUTES: tuple[Route, ...] = (
    _get_by_id("/v1/apps", get_app, "app_id"),
    Route("POST", "/v1/apps", create_app, schemas.NAMED_CREATE, admin_only=True),
    replace(_list("/v1/apps/list", list_apps), admin_only=True),
    Route("GET", "/v1/apps/name/{name}", get_app_by_name, admin_only=True),
    Route("GET", "/v1/apps/get_or_create/{name}", get_or_create_app, admin_only=True),
    Route("PUT", "/v1/apps/{app_id}", update_app, schemas.NAMED_UPDATE),
    Route("POST", "/v1/apps/{app_id}/users", create_user, schemas.NAMED_CREATE),
    _get_by_id("/v1/apps/{app_id}/users", get_user, "user_id"),
    _list("/v1/apps/{app_id}/users/list", list_users),
    Route("GET", "/v1/apps/{app_id}/users/name/{name}", get_user_by_name),
    Route("GET", "/v1/apps/{app_id}/users/get_or_create/{name}", get_or_create_user),
    Route("PUT", _USER, update_user, schemas.NAMED_UPDATE),
    _get_by_id(f"{_USER}/sessions", get_session, "session_id"),
    Route("POST", f"{_USER}/sessions", create_session, schemas.SESSION_CREATE),
    _list(f"{_USER}/sessions/list", list_sessions, schemas.SESSION_GET),
    Route("PUT", _SESSION, update_session, schemas.METADATA_UPDATE),
    Route("DELETE", _SESSION, delete_session),
    Route("POST", f"{_SESSION}/chat", chat, schemas.DIALECTIC_OPTIONS),
    Route("GET", f"{_SESSION}/clone", clone_session, query=schemas.CLONE_QUERY),
    Route("POST", f"{_SESSION}/messages", create_message, schemas.MESSAGE_CREATE),
    Route("POST", f"{_SESSION}/messages/batch", create_messages, schemas.MESSAGE_BATCH),
    _list(f"{_SESSION}/messages/list", list_messages),
    Route("GET", f"{_SESSION}/messages/{{message_id}}", get_message),
    Route("PUT", f"{_SESSION}/messages/{{message_id}}", update_message, schemas.METADATA_UPDATE),
    Route("POST", f"{_USER}/metamessages", create_metamessage, schemas.METAMESSAGE_CREATE),
    _list(f"{_USER}/metamessages/list", list_metamessages, schemas.METAMESSAGE_GET),
    Route("GET", f"{_USER}/metamessages/{{metamessage_id}}", get_metamessage),
    Route(
        "PUT",
        f"{_USER}/metamessages/{{metamessage_id}}",
        update_metamessage,
        schemas.METAMESSAGE_UPDATE,
    ),
    _get_by_id(f"{_USER}/collections", get_collection, "collection_id"),
    Route("POST", f"{_USER}/collections", create_collection, schemas.COLLECTION_CREATE),
    _list(f"{_USER}/collections/list", list_collections),
    Route("GET", f"{_USER}/collections/name/{{name}}", get_collection_by_name),
    Route("PUT", _COLLECTION, update_collection, schemas.COLLECTION_UPDATE),
    Route("DELETE", _COLLECTION, delete_collection),
    _list(f"{_COLLECTION}/documents/list", list_documents),
    Route("GET", f"{_COLLECTION}/documents/{{document_id}}", get_document),
    Route(
        "PUT", f"{_COLLECTION}/documents/{{document_id}}", update_document, schemas.DOCUMENT_UPDATE
    ),
    Route("DELETE", f"{_COLLECTION}/documents/{{document_id}}", delete_document),
    Route("POST", f"{_COLLECTION}/documents/query", query_documents, schemas.DOCUMENT_QUERY),
    Route("POST", f"{_COLLECTION}/documents", create_document, schemas.DOCUMENT_CREATE),
    Route("POST", "/v1/keys", create_key, query=schemas.KEY_QUERY, admin_only=True),
)


def resolve(method: str, segments: Sequence[str]) -> tuple[Route, dict[str, str]]:
    """The first route matching method and path, else a 404 or 405 :class:`ApiError`."""
    allowed: list[str] = []
    for route in ROUTES:
        params = route.match(segments)
        if params is None:
            continue
        if route.method == method:
            return route, params
        allowed.append(route.method)
    if allowed:
        allow = ", ".join(sorted(set(allowed)))
        raise ApiError(405, "Method Not Allowed", (("allow", allow),))
    raise ApiError(404, "Not Found")
