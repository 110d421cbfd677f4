"""The request schemas of Honcho API 1.1.0 (bodies and query parameters), as validators."""

from __future__ import annotations

from typing import Any

from ._validation import (
    Bool,
    DateTime,
    Dict,
    Field,
    Int,
    ListOf,
    Model,
    Nullable,
    QueryParam,
    Str,
    StrOrStrList,
)


def _not_reserved(name: Any) -> str | None:
    return "Collection name cannot be 'honcho'" if name == "honcho" else None


_METADATA = Field(Dict(), default={})
_OPTIONAL_METADATA = Field(Nullable(Dict()))
_FILTER = Field(Nullable(Dict()))
_OPTIONAL_STR = Field(Nullable(Str()))

NAMED_CREATE = Model({"name": Field(Str(1, 100), required=True), "metadata": _METADATA})
NAMED_UPDATE = Model({"name": _OPTIONAL_STR, "metadata": _OPTIONAL_METADATA})
FILTER_ONLY = Model({"filter": _FILTER})

SESSION_CREATE = Model({"metadata": _METADATA})
SESSION_GET = Model({"filter": _FILTER, "is_active": Field(Bool(), default=False)})
METADATA_UPDATE = Model({"metadata": Field(Dict(), required=True)})

MESSAGE_CREATE = Model(
    {
        "content": Field(Str(0, 50000), required=True),
        "is_user": Field(Bool(), required=True),
        "metadata": _METADATA,
    }
)
MESSAGE_BATCH = Model({"messages": Field(ListOf(MESSAGE_CREATE, 100), required=True)})

METAMESSAGE_CREATE = Model(
    {
        "metamessage_type": Field(Str(1, 50), required=True),
        "content": Field(Str(0, 50000), required=True),
        "session_id": _OPTIONAL_STR,
        "message_id": _OPTIONAL_STR,
        "metadata": _METADATA,
    }
)
METAMESSAGE_GET = Model(
    {
        "metamessage_type": _OPTIONAL_STR,
        "session_id": _OPTIONAL_STR,
        "message_id": _OPTIONAL_STR,
        "filter": _FILTER,
    }
)
METAMESSAGE_UPDATE = Model(
    {
        "session_id": _OPTIONAL_STR,
        "message_id": _OPTIONAL_STR,
        "metamessage_type": _OPTIONAL_STR,
        "metadata": _OPTIONAL_METADATA,
    }
)

COLLECTION_CREATE = Model(
    {
        "name": Field(Str(1, 100), required=True, validator=_not_reserved),
        "metadata": _METADATA,
    }
)
COLLECTION_UPDATE = Model(
    {
        "name": Field(Nullable(Str()), validator=_not_reserved),
        "metadata": _OPTIONAL_METADATA,
    }
)

DOCUMENT_CREATE = Model({"content": Field(Str(1, 100000), required=True), "metadata": _METADATA})
DOCUMENT_UPDATE = Model(
    {
        "metadata": Field(Nullable(Dict(max_length=10000))),
        "content": Field(Nullable(Str(1, 100000))),
    }
)
DOCUMENT_QUERY = Model(
    {
        "query": Field(Str(1, 1000), required=True),
        "filter": _FILTER,
        "top_k": Field(Int(ge=1, le=50), default=5),
    }
)

DIALECTIC_OPTIONS = Model(
    {"queries": Field(StrOrStrList(), required=True), "stream": Field(Bool(), default=False)}
)

PAGE_QUERY = {
    "reverse": QueryParam(Nullable(Bool()), False),
    "page": QueryParam(Int(ge=1), 1),
    "size": QueryParam(Int(ge=1, le=100), 50),
}
CLONE_QUERY = {
    "message_id": QueryParam(Nullable(Str())),
    "deep_copy": QueryParam(Bool(), False),
}
KEY_QUERY = {
    "app_id": QueryParam(Str()),
    "user_id": QueryParam(Str()),
    "session_id": QueryParam(Str()),
    "collection_id": QueryParam(Str()),
    "expires_at": QueryParam(DateTime()),
}


def id_query(name: str) -> dict[str, QueryParam]:
    """The optional ``<name>`` query parameter of the ``GET`` endpoints that take an id."""
    return {name: QueryParam(Str())}
