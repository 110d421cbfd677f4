# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Pydantic models of every schema in openapi.yaml, one module each, imported on first use."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import App as App
    from .app_create import AppCreate as AppCreate
    from .app_get import AppGet as AppGet
    from .app_update import AppUpdate as AppUpdate
    from .collection import Collection as Collection
    from .collection_create import CollectionCreate as CollectionCreate
    from .collection_get import CollectionGet as CollectionGet
    from .collection_update import CollectionUpdate as CollectionUpdate
    from .dialectic_options import DialecticOptions as DialecticOptions
    from .dialectic_response import DialecticResponse as DialecticResponse
    from .document import Document as Document
    from .document_create import DocumentCreate as DocumentCreate
    from .document_get import DocumentGet as DocumentGet
    from .document_query import DocumentQuery as DocumentQuery
    from .document_update import DocumentUpdate as DocumentUpdate
    from .http_validation_error import HTTPValidationError as HTTPValidationError
    from .message import Message as Message
    from .message_batch_create import MessageBatchCreate as MessageBatchCreate
    from .message_create import MessageCreate as MessageCreate
    from .message_get import MessageGet as MessageGet
    from .message_update import MessageUpdate as MessageUpdate
    from .metamessage import Metamessage as Metamessage
    from .metamessage_create import MetamessageCreate as MetamessageCreate
    from .metamessage_get import MetamessageGet as MetamessageGet
    from .metamessage_update import MetamessageUpdate as MetamessageUpdate
    from .page_app import PageApp as PageApp
    from .page_collection import PageCollection as PageCollection
    from .page_document import PageDocument as PageDocument
    from .page_message import PageMessage as PageMessage
    from .page_metamessage import PageMetamessage as PageMetamessage
    from .page_session import PageSession as PageSession
    from .page_user import PageUser as PageUser
    from .session import Session as Session
    from .session_create import SessionCreate as SessionCreate
    from .session_get import SessionGet as SessionGet
    from .session_update import SessionUpdate as SessionUpdate
    from .user import User as User
    from .user_create import UserCreate as UserCreate
    from .user_get import UserGet as UserGet
    from .user_update import UserUpdate as UserUpdate
    from .validation_error import ValidationError as ValidationError

__all__ = [
    "App",
    "AppCreate",
    "AppGet",
    "AppUpdate",
    "Collection",
    "CollectionCreate",
    "CollectionGet",
    "CollectionUpdate",
    "DialecticOptions",
    "DialecticResponse",
    "Document",
    "DocumentCreate",
    "DocumentGet",
    "DocumentQuery",
    "DocumentUpdate",
    "HTTPValidationError",
    "Message",
    "MessageBatchCreate",
    "MessageCreate",
    "MessageGet",
    "MessageUpdate",
    "Metamessage",
    "MetamessageCreate",
    "MetamessageGet",
    "MetamessageUpdate",
    "PageApp",
    "PageCollection",
    "PageDocument",
    "PageMessage",
    "PageMetamessage",
    "PageSession",
    "PageUser",
    "Session",
    "SessionCreate",
    "SessionGet",
    "SessionUpdate",
    "User",
    "UserCreate",
    "UserGet",
    "UserUpdate",
    "ValidationError",
]

_MODULES = {
    "App": "app",
    "AppCreate": "app_create",
    "AppGet": "app_get",
    "AppUpdate": "app_update",
    "Collection": "collection",
    "CollectionCreate": "collection_create",
    "CollectionGet": "collection_get",
    "CollectionUpdate": "collection_update",
    "DialecticOptions": "dialectic_options",
    "DialecticResponse": "dialectic_response",
    "Document": "document",
    "DocumentCreate": "document_create",
    "DocumentGet": "document_get",
    "DocumentQuery": "document_query",
    "DocumentUpdate": "document_update",
    "HTTPValidationError": "http_validation_error",
    "Message": "message",
    "MessageBatchCreate": "message_batch_create",
    "MessageCreate": "message_create",
    "MessageGet": "message_get",
    "MessageUpdate": "message_update",
    "Metamessage": "metamessage",
    "MetamessageCreate": "metamessage_create",
    "MetamessageGet": "metamessage_get",
    "MetamessageUpdate": "metamessage_update",
    "PageApp": "page_app",
    "PageCollection": "page_collection",
    "PageDocument": "page_document",
    "PageMessage": "page_message",
    "PageMetamessage": "page_metamessage",
    "PageSession": "page_session",
    "PageUser": "page_user",
    "Session": "session",
    "SessionCreate": "session_create",
    "SessionGet": "session_get",
    "SessionUpdate": "session_update",
    "User": "user",
    "UserCreate": "user_create",
    "UserGet": "user_get",
    "UserUpdate": "user_update",
    "ValidationError": "validation_error",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
