"""What each of the 41 operations does to the state, as the real server v1.1.0 does it.

Handlers run under the store lock with a :class:`Call` (validated path, query and body) and
return the JSON payload, raise :class:`ApiError`, or (for chat) return a :class:`ChatJob`
that the dispatcher answers outside the lock. Lookups and details follow the server's
queries: lists never check their parent (an unknown parent is an empty page), and an unknown
app is reported as its child not being found.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping
from datetime import timezone
from typing import Any

from ._auth import SCOPE_FIELDS, KeyScope
from ._call import Call, ChatJob, too_long
from ._http import SERVER_ERROR, ApiError
from ._jsonb import contains, normalized
from ._models import RESERVED_COLLECTION
from ._responder import ChatContext, representation
from ._similarity import rank
from ._store import Record, Store

REPRESENTATION_TYPE = "honcho_user_representation"
NAME_LIMIT = 512  # what the database stores for names and metamessage types
CONTENT_LIMIT = 65_535  # what the database stores for document content
CREATE_NAME_LIMIT = 100


# -- record builders -------------------------------------------------------------------


def _find(rows: Iterable[Record], **fields: Any) -> Record | None:
    wanted = tuple(fields.items())
    for row in rows:
        if all(row[key] == value for key, value in wanted):
            return row
    return None


def _as_sent(record: Record, metadata: Any) -> Record:
    """The answer to a create or update: the stored record with the metadata as it was sent.

    The database keeps metadata in jsonb key order, which later reads return; the answer to
    the write itself is made from the object the server still holds.
    """
    return record if metadata is None else {**record, "metadata": copy.deepcopy(metadata)}


def _add(table: dict[str, Record], record: Record) -> Record:
    table[record["id"]] = record
    return record


def _new_app(call: Call, name: str, metadata: Any) -> Record:
    call.storable(name, metadata)
    if _find(call.store.apps.values(), name=name):
        raise ApiError(409, f"App with name '{name}' already exists")
    store = call.store
    app = {"id": store.new_id(), "name": name, "metadata": normalized(metadata)}
    app["created_at"] = store.now()
    return _add(store.apps, app)


def _new_user(call: Call, name: str, metadata: Any) -> Record:
    call.storable(name, metadata)
    store, app_id = call.store, call.app_id
    if app_id not in store.apps or _find(store.users.values(), app_id=app_id, name=name):
        raise ApiError(409, "User with this name already exists")
    user = {"id": store.new_id(), "name": name, "app_id": app_id, "created_at": store.now()}
    user["metadata"] = normalized(metadata)
    return _add(store.users, user)


def _new_session(store: Store, app_id: str, user_id: str, metadata: Any) -> Record:
    return {
        "id": store.new_id(),
        "is_active": True,
        "user_id": user_id,
        "app_id": app_id,
        "metadata": normalized(metadata),
        "created_at": store.now(),
    }


def _new_message(store: Store, session: Record, content: str, is_user: bool, meta: Any) -> Record:
    message = {
        "id": store.new_id(),
        "content": content,
        "is_user": is_user,
        "session_id": session["id"],
        "metadata": normalized(meta),
        "created_at": store.now(),
        "app_id": session["app_id"],
        "user_id": session["user_id"],
    }
    return _add(store.messages, message)


def _new_metamessage(store: Store, fields: Mapping[str, Any]) -> Record:
    meta = {
        "id": store.new_id(),
        "label": fields["label"],
        "content": fields["content"],
        "user_id": fields["user_id"],
        "app_id": fields["app_id"],
        "session_id": fields["session_id"],
        "message_id": fields["message_id"],
        "metadata": normalized(fields["metadata"]),
        "created_at": store.now(),
        "metamessage_type": fields["label"],
    }
    return _add(store.metamessages, meta)


def _new_collection(store: Store, app_id: str, user_id: str, name: str, metadata: Any) -> Record:
    collection = {
        "id": store.new_id(),
        "name": name,
        "user_id": user_id,
        "app_id": app_id,
        "metadata": normalized(metadata),
        "created_at": store.now(),
    }
    return _add(store.collections, collection)


def _check_new_name(call: Call, name: str) -> None:
    """get_or_create validates the name it creates inside the handler."""
    if len(name) > CREATE_NAME_LIMIT:
        if call.defect("get_or_create_long_name"):
            raise ApiError(500, SERVER_ERROR)
        raise too_long(["path", "name"], name, CREATE_NAME_LIMIT)


def _scoped_id(call: Call, name: str, label: str) -> str:
    """The id a GET-by-id route reads: the query's (if the key allows it), else the key's."""
    scope, wanted = call.scope, call.query.get(name)
    if wanted:
        granted = getattr(scope, name)
        if not scope.admin and granted is not None and granted != wanted:
            raise ApiError(401, "Unauthorized access to resource")
        return str(wanted)
    granted = getattr(scope, name)
    if not granted:
        raise ApiError(401, f"{label} ID not found in query parameter or JWT")
    return str(granted)


def _check_parent_scope(call: Call, *names: str) -> None:
    scope = call.scope
    if scope.admin:
        return
    for name in names:
        granted = getattr(scope, name)
        if granted is not None and granted != call.params[name]:
            raise ApiError(401, "Unauthorized access to resource")


# -- apps ------------------------------------------------------------------------------


def get_app(call: Call) -> Any:
    scope, wanted = call.scope, call.query.get("app_id")
    if wanted:
        if not scope.admin and scope.app_id != wanted:
            raise ApiError(401, "Unauthorized access to resource")
        return call.app(wanted)
    if not scope.app_id:
        raise ApiError(401, "App ID not found in query parameter or JWT")
    return call.app(scope.app_id)


def create_app(call: Call) -> Any:
    metadata = call.body["metadata"]
    return _as_sent(_new_app(call, call.body["name"], metadata), metadata)


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
    existing = _find(call.store.apps.values(), name=name)
    if existing is not None:
        return existing
    _check_new_name(call, name)
    return _new_app(call, name, {})


def update_app(call: Call) -> Any:
    app = call.app(call.app_id)
    name, metadata = call.body["name"], call.body["metadata"]
    call.storable(name, metadata)
    if name is not None:
        taken = _find(call.store.apps.values(), name=name)
        if len(name) > NAME_LIMIT or (taken is not None and taken is not app):
            raise ApiError(409, "App update failed - unique constraint violation")
        app["name"] = name
    if metadata is not None:
        app["metadata"] = normalized(metadata)
    return _as_sent(app, metadata)


# -- users -----------------------------------------------------------------------------


def create_user(call: Call) -> Any:
    metadata = call.body["metadata"]
    return _as_sent(_new_user(call, call.body["name"], metadata), metadata)


def get_user(call: Call) -> Any:
    _check_parent_scope(call, "app_id")
    return call.user(_scoped_id(call, "user_id", "User"))


def list_users(call: Call) -> Any:
    return call.page(call.store.users.values(), app_id=call.app_id)


def get_user_by_name(call: Call) -> Any:
    name = call.params["name"]
    user = _find(call.store.users.values(), app_id=call.app_id, name=name)
    if user is None:
        raise ApiError(404, f"User with name '{name}' not found")
    return user


def get_or_create_user(call: Call) -> Any:
    name = call.params["name"]
    existing = _find(call.store.users.values(), app_id=call.app_id, name=name)
    if existing is not None:
        return existing
    _check_new_name(call, name)
    return _new_user(call, name, {})


def update_user(call: Call) -> Any:
    user = call.user()
    name, metadata = call.body["name"], call.body["metadata"]
    call.storable(name, metadata)
    if name is not None:
        taken = _find(call.store.users.values(), app_id=call.app_id, name=name)
        if len(name) > NAME_LIMIT or (taken is not None and taken is not user):
            raise ApiError(409, "User update failed - unique constraint violation")
        user["name"] = name
    if metadata is not None:
        user["metadata"] = normalized(metadata)
    return _as_sent(user, metadata)


# -- sessions --------------------------------------------------------------------------


def get_session(call: Call) -> Any:
    _check_parent_scope(call, "app_id", "user_id")
    return call.session(_scoped_id(call, "session_id", "Session"))


def create_session(call: Call) -> Any:
    call.user()
    call.storable(call.body["metadata"])
    store, metadata = call.store, call.body["metadata"]
    session = _add(store.sessions, _new_session(store, call.app_id, call.user_id, metadata))
    return _as_sent(session, metadata)


def list_sessions(call: Call) -> Any:
    rows: Iterable[Record] = call.store.sessions.values()
    if call.body["is_active"]:
        rows = [s for s in rows if s["is_active"]]
    return call.page(rows, app_id=call.app_id, user_id=call.user_id)


def update_session(call: Call) -> Any:
    session = call.session()
    call.storable(call.body["metadata"])
    session["metadata"] = normalized(call.body["metadata"])
    return _as_sent(session, call.body["metadata"])


def delete_session(call: Call) -> Any:
    call.session()["is_active"] = False
    return {"message": "Session deleted successfully"}


def chat(call: Call) -> Any:
    stream = bool(call.body["stream"])
    try:
        return _chat(call, stream)
    except ApiError as error:
        if stream and call.defect("stream_error_after_headers"):
            return ChatJob(None, stream, failure=error)
        raise


def _chat(call: Call, stream: bool) -> ChatJob:
    queries = call.body["queries"]
    if queries == []:
        if call.defect("empty_queries"):
            raise ApiError(500, SERVER_ERROR)
        issue = {
            "type": "too_short",
            "loc": ["body", "queries"],
            "msg": "List should have at least 1 item after validation, not 0",
            "input": [],
            "ctx": {"field_type": "List", "min_length": 1, "actual_length": 0},
        }
        raise ApiError(422, [issue])
    store, session_id = call.store, call.params["session_id"]
    user = call.user()
    collection = _find(store.collections.values(), **_owner(call), name=RESERVED_COLLECTION)
    if collection is None:
        collection = _new_collection(store, call.app_id, call.user_id, RESERVED_COLLECTION, {})
    session = store.sessions.get(session_id)
    if session is not None and (session["app_id"], session["user_id"]) != (
        call.app_id,
        call.user_id,
    ):
        session = None
    messages = _copies(m for m in store.messages.values() if m["session_id"] == session_id)
    mine = [m for m in messages if (m["app_id"], m["user_id"]) == (call.app_id, call.user_id)]
    collections = {c["id"] for c in store.collections.values() if c["user_id"] == user["id"]}
    context = ChatContext(
        queries=(queries,) if isinstance(queries, str) else tuple(queries),
        app=copy.deepcopy(store.apps.get(call.app_id, {})),
        user=copy.deepcopy(user),
        session=copy.deepcopy(session or {}),
        messages=tuple(mine),
        user_messages=_copies(m for m in store.messages.values() if m["user_id"] == user["id"]),
        metamessages=_copies(m for m in store.metamessages.values() if m["user_id"] == user["id"]),
        documents=_copies(d for d in store.documents.values() if d["collection_id"] in collections),
    )
    latest = next((m for m in reversed(mine) if m["is_user"]), None)
    if latest is not None:
        fields = {**_owner(call), "session_id": session_id, "message_id": latest["id"]}
        notes = [d for d in context.documents if d["collection_id"] == collection["id"]]
        facts = [d["content"] for d in rank(context.query, notes, lambda d: d["content"], 10)]
        content = representation(context, facts)
        fields.update(label=REPRESENTATION_TYPE, content=content, metadata={})
        _new_metamessage(store, fields)
    return ChatJob(context, stream)


def _owner(call: Call) -> dict[str, str]:
    return {"app_id": call.app_id, "user_id": call.user_id}


def _copies(rows: Iterable[Record]) -> tuple[Record, ...]:
    return tuple(copy.deepcopy(list(rows)))


def clone_session(call: Call) -> Any:
    store = call.store
    try:
        original = call.session()
    except ApiError as error:
        if error.status != 404:
            raise
        raise ApiError(404, "Session not found") from error
    cutoff_id = call.query["message_id"]
    messages = [m for m in store.messages.values() if m["session_id"] == original["id"]]
    if cutoff_id is not None:
        call.storable(cutoff_id)
        ids = [m["id"] for m in messages]
        if cutoff_id not in ids:
            raise ApiError(404, "Session not found")
        messages = messages[: ids.index(cutoff_id) + 1]
    clone = _new_session(store, original["app_id"], original["user_id"], original["metadata"])
    if not messages:
        if not call.defect("empty_clone_lost"):
            _add(store.sessions, clone)
        return clone
    _add(store.sessions, clone)
    new_ids = {
        m["id"]: _new_message(store, clone, m["content"], m["is_user"], m["metadata"])["id"]
        for m in messages
    }
    if call.query["deep_copy"]:
        for meta in list(store.metamessages.values()):
            if meta["session_id"] != original["id"]:
                continue
            if cutoff_id is not None and meta["message_id"] not in (None, *new_ids):
                continue
            fields = {**meta, "app_id": original["app_id"], "session_id": clone["id"]}
            fields["message_id"] = new_ids.get(meta["message_id"])
            _new_metamessage(store, copy.deepcopy(fields))
    return clone


# -- messages --------------------------------------------------------------------------


def create_message(call: Call) -> Any:
    session, body = call.session(), call.body
    call.storable(body["content"], body["metadata"])
    message = _new_message(call.store, session, body["content"], body["is_user"], body["metadata"])
    return _as_sent(message, body["metadata"])


def create_messages(call: Call) -> Any:
    session, batch = call.session(), call.body["messages"]
    if not batch and call.defect("empty_batch"):
        raise ApiError(500, SERVER_ERROR)
    for m in batch:
        call.storable(m["content"], m["metadata"])
    return [
        _new_message(call.store, session, m["content"], m["is_user"], m["metadata"]) for m in batch
    ]


def list_messages(call: Call) -> Any:
    return call.page(
        call.store.messages.values(), **_owner(call), session_id=call.params["session_id"]
    )


def get_message(call: Call) -> Any:
    message_id = call.params["message_id"]
    message = call.message(call.params["session_id"], message_id)
    if message is None:
        raise ApiError(404, f"Message with ID {message_id} not found")
    return message


def update_message(call: Call) -> Any:
    message = call.message(call.params["session_id"], call.params["message_id"])
    if message is None:
        raise ApiError(404, "Message not found")
    call.storable(call.body["metadata"])
    message["metadata"] = normalized(call.body["metadata"])
    return _as_sent(message, call.body["metadata"])


# -- metamessages ----------------------------------------------------------------------

_LINK_404 = "Message not found or does not belong to session"


def create_metamessage(call: Call) -> Any:
    call.user()
    body = call.body
    session_id, message_id = body["session_id"], body["message_id"]
    if session_id is not None:
        call.session(session_id)
        if message_id is not None and call.message(session_id, message_id) is None:
            raise ApiError(404, _LINK_404)
    elif message_id is not None:
        raise ApiError(422, "Cannot specify message_id without session_id")
    label = body["metamessage_type"]
    call.storable(label, body["content"], body["metadata"])
    fields = {**_owner(call), "session_id": session_id, "message_id": message_id}
    fields.update(label=label, content=body["content"], metadata=body["metadata"])
    return _as_sent(_new_metamessage(call.store, fields), body["metadata"])


def list_metamessages(call: Call) -> Any:
    body = call.body
    wanted = {
        column: body[field]
        for column, field in (
            ("session_id", "session_id"),
            ("message_id", "message_id"),
            ("label", "metamessage_type"),
        )
        if body[field]
    }
    return call.page(call.store.metamessages.values(), **_owner(call), **wanted)


def get_metamessage(call: Call) -> Any:
    return call.metamessage()


def update_metamessage(call: Call) -> Any:
    meta, body = call.metamessage(), call.body
    session_id, message_id = body["session_id"], body["message_id"]
    if message_id is not None and session_id is None:
        session_id = meta["session_id"]
        if session_id is None:
            raise ApiError(422, "Cannot specify message_id without session_id")
    call.storable(session_id, message_id)
    linked = session_id is not None and message_id is not None
    if linked and call.message(session_id, message_id) is None:
        raise ApiError(404, "Message not found or doesn't belong to session")
    label, metadata = body["metamessage_type"], body["metadata"]
    call.storable(label, metadata)
    if session_id is not None and session_id not in call.store.sessions:
        if call.defect("metamessage_unknown_session_update"):
            raise ApiError(500, SERVER_ERROR)
        raise ApiError(404, "Session not found or does not belong to user")
    if (
        label is not None
        and len(label) > NAME_LIMIT
        and call.defect("long_metamessage_type_update")
    ):
        raise ApiError(500, SERVER_ERROR)
    if session_id is not None:
        meta["session_id"] = session_id
    if message_id is not None:
        meta["message_id"] = message_id
    if metadata is not None:
        meta["metadata"] = normalized(metadata)
    if label is not None:
        meta["label"] = meta["metamessage_type"] = label
    return _as_sent(meta, metadata)


# -- collections -----------------------------------------------------------------------


def get_collection(call: Call) -> Any:
    _check_parent_scope(call, "app_id", "user_id")
    return call.collection(_scoped_id(call, "collection_id", "Collection"))


def create_collection(call: Call) -> Any:
    call.user()
    name, metadata = call.body["name"], call.body["metadata"]
    call.storable(name, metadata)
    store = call.store
    if _find(store.collections.values(), **_owner(call), name=name):
        raise ApiError(409, f"Collection with name '{name}' already exists")
    return _as_sent(_new_collection(store, call.app_id, call.user_id, name, metadata), metadata)


def list_collections(call: Call) -> Any:
    return call.page(call.store.collections.values(), **_owner(call))


def get_collection_by_name(call: Call) -> Any:
    name = call.params["name"]
    found = _find(call.store.collections.values(), **_owner(call), name=name)
    if found is None:
        raise ApiError(404, f"Collection with name '{name}' not found")
    return found


def update_collection(call: Call) -> Any:
    name, metadata = call.body["name"], call.body["metadata"]
    if name is None and metadata is None:
        detail = "Invalid collection configuration - at least one field must be provided"
        raise ApiError(422, detail)
    collection = call.collection()
    call.storable(name, metadata)
    if name is not None:
        taken = _find(call.store.collections.values(), **_owner(call), name=name)
        if len(name) > NAME_LIMIT or (taken is not None and taken is not collection):
            raise ApiError(409, "Collection update failed - name already in use")
        collection["name"] = name
    if metadata is not None:
        collection["metadata"] = normalized(metadata)
    return _as_sent(collection, metadata)


def delete_collection(call: Call) -> Any:
    collection = call.collection()
    if collection["name"] == RESERVED_COLLECTION:
        detail = f"Invalid collection configuration - '{RESERVED_COLLECTION}' is a reserved name"
        raise ApiError(422, detail)
    documents = call.store.documents
    for document_id in [
        d["id"] for d in documents.values() if d["collection_id"] == collection["id"]
    ]:
        del documents[document_id]
    del call.store.collections[collection["id"]]
    return {"message": "Collection deleted successfully"}


# -- documents -------------------------------------------------------------------------


def _document_scope(call: Call) -> dict[str, str]:
    return {**_owner(call), "collection_id": call.params["collection_id"]}


def list_documents(call: Call) -> Any:
    return call.page(call.store.documents.values(), **_document_scope(call))


def get_document(call: Call) -> Any:
    document = call.document()
    if document is None:
        raise ApiError(404, f"Document with ID '{call.params['document_id']}' not found")
    return document


def _check_content(call: Call, content: str) -> None:
    if len(content) > CONTENT_LIMIT and call.defect("long_document_content"):
        raise ApiError(500, SERVER_ERROR)


def update_document(call: Call) -> Any:
    content, metadata = call.body["content"], call.body["metadata"]
    if content is None and metadata is None:
        raise ApiError(422, "Content and metadata cannot both be None")
    document = get_document(call)
    call.storable(content, metadata)
    if content is not None:
        _check_content(call, content)
        document["content"] = content
        document["created_at"] = call.store.now()
    if metadata is not None:
        document["metadata"] = normalized(metadata)
    if content is not None and call.defect("document_update_500"):
        raise ApiError(500, SERVER_ERROR)
    return _as_sent(document, metadata)


def delete_document(call: Call) -> Any:
    collection = call.collection()
    if collection["name"] == RESERVED_COLLECTION:
        raise ApiError(422, f"Cannot delete collection with reserved name '{RESERVED_COLLECTION}'")
    document = call.document()
    if document is None:
        raise ApiError(404, "Document not found or does not belong to user")
    del call.store.documents[document["id"]]
    return {"message": "Document deleted successfully"}


def query_documents(call: Call) -> Any:
    metadata_filter = call.body["filter"] or None
    call.storable(metadata_filter)
    wanted = _document_scope(call)
    candidates = [
        d
        for d in call.store.documents.values()
        if all(d[key] == value for key, value in wanted.items())
        and (metadata_filter is None or contains(d["metadata"], metadata_filter))
    ]
    return rank(call.body["query"], candidates, lambda d: str(d["content"]), call.body["top_k"])


def create_document(call: Call) -> Any:
    collection, body = call.collection(), call.body
    call.storable(body["content"], body["metadata"])
    _check_content(call, body["content"])
    store = call.store
    document = {
        "id": store.new_id(),
        "content": body["content"],
        "metadata": normalized(body["metadata"]),
        "created_at": store.now(),
        "collection_id": collection["id"],
        "app_id": collection["app_id"],
        "user_id": collection["user_id"],
    }
    return _add(store.documents, document)


# -- keys ------------------------------------------------------------------------------


def create_key(call: Call) -> Any:
    if not call.auth.required:
        raise ApiError(405, "Feature is disabled")
    ids = {name: call.query[name] or None for name in SCOPE_FIELDS}
    if not any(ids.values()):
        detail = "At least one of app_id, user_id, session_id, or collection_id must be provided"
        raise ApiError(422, detail)
    expires_at = call.query["expires_at"]
    if expires_at is not None and expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=timezone.utc)
    scope = KeyScope(
        app_id=ids["app_id"],
        user_id=ids["user_id"],
        session_id=ids["session_id"],
        collection_id=ids["collection_id"],
        expires_at=expires_at,
    )
    return {"key": call.auth.issue(scope)}
