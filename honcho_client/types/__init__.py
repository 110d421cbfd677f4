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
    from .app_create import AppCreateParam as AppCreateParam
    from .app_get import AppGet as AppGet
    from .app_get import AppGetParam as AppGetParam
    from .app_update import AppUpdate as AppUpdate
    from .app_update import AppUpdateParam as AppUpdateParam
    from .collection import Collection as Collection
    from .collection_create import CollectionCreate as CollectionCreate
    from .collection_create import CollectionCreateParam as CollectionCreateParam
    from .collection_get import CollectionGet as CollectionGet
    from .collection_get import CollectionGetParam as CollectionGetParam
    from .collection_update import CollectionUpdate as CollectionUpdate
    from .collection_update import CollectionUpdateParam as CollectionUpdateParam
    from .deleted import Deleted as Deleted
    from .dialectic_options import DialecticOptions as DialecticOptions
    from .dialectic_options import DialecticOptionsParam as DialecticOptionsParam
    from .dialectic_response import DialecticResponse as DialecticResponse
    from .document import Document as Document
    from .document_create import DocumentCreate as DocumentCreate
    from .document_create import DocumentCreateParam as DocumentCreateParam
    from .document_get import DocumentGet as DocumentGet
    from .document_get import DocumentGetParam as DocumentGetParam
    from .document_query import DocumentQuery as DocumentQuery
    from .document_query import DocumentQueryParam as DocumentQueryParam
    from .document_update import DocumentUpdate as DocumentUpdate
    from .document_update import DocumentUpdateParam as DocumentUpdateParam
    from .http_validation_error import HTTPValidationError as HTTPValidationError
    from .key_created import KeyCreated as KeyCreated
    from .message import Message as Message
    from .message_batch_create import MessageBatchCreate as MessageBatchCreate
    from .message_batch_create import MessageBatchCreateParam as MessageBatchCreateParam
    from .message_create import MessageCreate as MessageCreate
    from .message_create import MessageCreateParam as MessageCreateParam
    from .message_get import MessageGet as MessageGet
    from .message_get import MessageGetParam as MessageGetParam
    from .message_update import MessageUpdate as MessageUpdate
    from .message_update import MessageUpdateParam as MessageUpdateParam
    from .metamessage import Metamessage as Metamessage
    from .metamessage_create import MetamessageCreate as MetamessageCreate
    from .metamessage_create import MetamessageCreateParam as MetamessageCreateParam
    from .metamessage_get import MetamessageGet as MetamessageGet
    from .metamessage_get import MetamessageGetParam as MetamessageGetParam
    from .metamessage_update import MetamessageUpdate as MetamessageUpdate
    from .metamessage_update import MetamessageUpdateParam as MetamessageUpdateParam
    from .session import Session as Session
    from .session_create import SessionCreate as SessionCreate
    from .session_create import SessionCreateParam as SessionCreateParam
    from .session_get import SessionGet as SessionGet
    from .session_get import SessionGetParam as SessionGetParam
    from .session_update import SessionUpdate as SessionUpdate
    from .session_update import SessionUpdateParam as SessionUpdateParam
    from .user import User as User
    from .user_create import UserCreate as UserCreate
    from .user_create import UserCreateParam as UserCreateParam
    from .user_get import UserGet as UserGet
    from .user_get import UserGetParam as UserGetParam
    from .user_update import UserUpdate as UserUpdate
    from .user_update import UserUpdateParam as UserUpdateParam
    from .validation_error import ValidationError as ValidationError

_MODULES = {
    "App": "app",
    "AppCreate": "app_create",
    "AppCreateParam": "app_create",
    "AppGet": "app_get",
    "AppGetParam": "app_get",
    "AppUpdate": "app_update",
    "AppUpdateParam": "app_update",
    "Collection": "collection",
    "CollectionCreate": "collection_create",
    "CollectionCreateParam": "collection_create",
    "CollectionGet": "collection_get",
    "CollectionGetParam": "collection_get",
    "CollectionUpdate": "collection_update",
    "CollectionUpdateParam": "collection_update",
    "Deleted": "deleted",
    "DialecticOptions": "dialectic_options",
    "DialecticOptionsParam": "dialectic_options",
    "DialecticResponse": "dialectic_response",
    "Document": "document",
    "DocumentCreate": "document_create",
    "DocumentCreateParam": "document_create",
    "DocumentGet": "document_get",
    "DocumentGetParam": "document_get",
    "DocumentQuery": "document_query",
    "DocumentQueryParam": "document_query",
    "DocumentUpdate": "document_update",
    "DocumentUpdateParam": "document_update",
    "HTTPValidationError": "http_validation_error",
    "KeyCreated": "key_created",
    "Message": "message",
    "MessageBatchCreate": "message_batch_create",
    "MessageBatchCreateParam": "message_batch_create",
    "MessageCreate": "message_create",
    "MessageCreateParam": "message_create",
    "MessageGet": "message_get",
    "MessageGetParam": "message_get",
    "MessageUpdate": "message_update",
    "MessageUpdateParam": "message_update",
    "Metamessage": "metamessage",
    "MetamessageCreate": "metamessage_create",
    "MetamessageCreateParam": "metamessage_create",
    "MetamessageGet": "metamessage_get",
    "MetamessageGetParam": "metamessage_get",
    "MetamessageUpdate": "metamessage_update",
    "MetamessageUpdateParam": "metamessage_update",
    "Session": "session",
    "SessionCreate": "session_create",
    "SessionCreateParam": "session_create",
    "SessionGet": "session_get",
    "SessionGetParam": "session_get",
    "SessionUpdate": "session_update",
    "SessionUpdateParam": "session_update",
    "User": "user",
    "UserCreate": "user_create",
    "UserCreateParam": "user_create",
    "UserGet": "user_get",
    "UserGetParam": "user_get",
    "UserUpdate": "user_update",
    "UserUpdateParam": "user_update",
    "ValidationError": "validation_error",
}
__all__ = [
    "App",
    "AppCreate",
    "AppCreateParam",
    "AppGet",
    "AppGetParam",
    "AppUpdate",
    "AppUpdateParam",
    "Collection",
    "CollectionCreate",
    "CollectionCreateParam",
    "CollectionGet",
    "CollectionGetParam",
    "CollectionUpdate",
    "CollectionUpdateParam",
    "Deleted",
    "DialecticOptions",
    "DialecticOptionsParam",
    "DialecticResponse",
    "Document",
    "DocumentCreate",
    "DocumentCreateParam",
    "DocumentGet",
    "DocumentGetParam",
    "DocumentQuery",
    "DocumentQueryParam",
    "DocumentUpdate",
    "DocumentUpdateParam",
    "HTTPValidationError",
    "KeyCreated",
    "Message",
    "MessageBatchCreate",
    "MessageBatchCreateParam",
    "MessageCreate",
    "MessageCreateParam",
    "MessageGet",
    "MessageGetParam",
    "MessageUpdate",
    "MessageUpdateParam",
    "Metamessage",
    "MetamessageCreate",
    "MetamessageCreateParam",
    "MetamessageGet",
    "MetamessageGetParam",
    "MetamessageUpdate",
    "MetamessageUpdateParam",
    "Session",
    "SessionCreate",
    "SessionCreateParam",
    "SessionGet",
    "SessionGetParam",
    "SessionUpdate",
    "SessionUpdateParam",
    "User",
    "UserCreate",
    "UserCreateParam",
    "UserGet",
    "UserGetParam",
    "UserUpdate",
    "UserUpdateParam",
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
