# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""Models of the spec's schemas, one module each, imported on first use.

`XParam` is the `TypedDict` form of request model `X`: either may be passed where a request takes one.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app import App as App
    from .app_create import AppCreate as AppCreate
    from .app_get import AppGet as AppGet
    from .app_update import AppUpdate as AppUpdate
    from .collection import Collection as Collection
    from .collection_create import CollectionCreate as CollectionCreate
    from .collection_get import CollectionGet as CollectionGet
    from .collection_update import CollectionUpdate as CollectionUpdate
    from .deleted import Deleted as Deleted
    from .dialectic_options import DialecticOptions as DialecticOptions
    from .dialectic_response import DialecticResponse as DialecticResponse
    from .document import Document as Document
    from .document_create import DocumentCreate as DocumentCreate
    from .document_get import DocumentGet as DocumentGet
    from .document_query import DocumentQuery as DocumentQuery
    from .document_update import DocumentUpdate as DocumentUpdate
    from .http_validation_error import HTTPValidationError as HTTPValidationError
    from .key_created import KeyCreated as KeyCreated
    from .message import Message as Message
    from .message_batch_create import MessageBatchCreate as MessageBatchCreate
    from .message_create import MessageCreate as MessageCreate
    from .message_create import MessageCreateParam as MessageCreateParam
    from .message_get import MessageGet as MessageGet
    from .message_update import MessageUpdate as MessageUpdate
    from .metamessage import Metamessage as Metamessage
    from .metamessage_create import MetamessageCreate as MetamessageCreate
    from .metamessage_get import MetamessageGet as MetamessageGet
    from .metamessage_update import MetamessageUpdate as MetamessageUpdate
    from .session import Session as Session
    from .session_create import SessionCreate as SessionCreate
    from .session_get import SessionGet as SessionGet
    from .session_update import SessionUpdate as SessionUpdate
    from .user import User as User
    from .user_create import UserCreate as UserCreate
    from .user_get import UserGet as UserGet
    from .user_update import UserUpdate as UserUpdate
    from .validation_error import ValidationError as ValidationError

_MODULES = {
    "App": "app",
    "AppCreate": "app_create",
    "AppGet": "app_get",
    "AppUpdate": "app_update",
    "Collection": "collection",
    "CollectionCreate": "collection_create",
    "CollectionGet": "collection_get",
    "CollectionUpdate": "collection_update",
    "Deleted": "deleted",
    "DialecticOptions": "dialectic_options",
    "DialecticResponse": "dialectic_response",
    "Document": "document",
    "DocumentCreate": "document_create",
    "DocumentGet": "document_get",
    "DocumentQuery": "document_query",
    "DocumentUpdate": "document_update",
    "HTTPValidationError": "http_validation_error",
    "KeyCreated": "key_created",
    "Message": "message",
    "MessageBatchCreate": "message_batch_create",
    "MessageCreate": "message_create",
    "MessageCreateParam": "message_create",
    "MessageGet": "message_get",
    "MessageUpdate": "message_update",
    "Metamessage": "metamessage",
    "MetamessageCreate": "metamessage_create",
    "MetamessageGet": "metamessage_get",
    "MetamessageUpdate": "metamessage_update",
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
__all__ = [
    "App",
    "AppCreate",
    "AppGet",
    "AppUpdate",
    "Collection",
    "CollectionCreate",
    "CollectionGet",
    "CollectionUpdate",
    "Deleted",
    "DialecticOptions",
    "DialecticResponse",
    "Document",
    "DocumentCreate",
    "DocumentGet",
    "DocumentQuery",
    "DocumentUpdate",
    "HTTPValidationError",
    "KeyCreated",
    "Message",
    "MessageBatchCreate",
    "MessageCreate",
    "MessageCreateParam",
    "MessageGet",
    "MessageUpdate",
    "Metamessage",
    "MetamessageCreate",
    "MetamessageGet",
    "MetamessageUpdate",
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


def __getattr__(name: str) -> object:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
