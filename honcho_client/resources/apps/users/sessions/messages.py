# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.sessions.messages`: the messages of a session."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import Annotated

from pydantic import Field
from typing_extensions import Unpack

from honcho_client._client.resource import C, Raw, Resource, Streaming, W, endpoint, page_endpoint
from honcho_client._core.operation import Call, Operation
from honcho_client._core.options import RequestOptions
from honcho_client._core.page import Page
from honcho_client._core.parsing import JsonOf
from honcho_client._core.sentinels import Omit, omit
from honcho_client.types.message import Message
from honcho_client.types.message_batch_create import MessageBatchCreate
from honcho_client.types.message_create import MessageCreate, MessageCreateParam
from honcho_client.types.message_get import MessageGet
from honcho_client.types.message_update import MessageUpdate

__all__ = ["Messages"]

_CREATE: Operation[Message] = Operation(
    name="apps.users.sessions.messages.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    body=MessageCreate,
    safe=False,
    parse=Message.model_validate_json,
)

_BATCH: Operation[list[Message]] = Operation(
    name="apps.users.sessions.messages.batch",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    body=MessageBatchCreate,
    safe=False,
    parse=JsonOf[list[Message]](list[Message]),
)

_LIST: Operation[Page[Message]] = Operation(
    name="apps.users.sessions.messages.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/list",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=MessageGet,
    safe=True,
    parse=Page[Message].model_validate_json,
)

_GET: Operation[Message] = Operation(
    name="apps.users.sessions.messages.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}",
    path_params={"app_id": str, "user_id": str, "session_id": str, "message_id": str},
    safe=True,
    parse=Message.model_validate_json,
)

_UPDATE: Operation[Message] = Operation(
    name="apps.users.sessions.messages.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}",
    path_params={"app_id": str, "user_id": str, "session_id": str, "message_id": str},
    body=MessageUpdate,
    safe=True,
    parse=Message.model_validate_json,
)


class Messages(Resource[C, W]):
    """`client.apps.users.sessions.messages`: the messages of a session."""

    @cached_property
    def with_raw_response(self) -> Messages[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Messages(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Messages[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Messages(self, Streaming)

    @endpoint
    def create(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        is_user: bool,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Message]:
        """Add a message.

        Appends one message to the session.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages``

        Args:
            session_id: The session the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            content: Text of the message, up to 50000 characters.
            is_user: True when the user wrote the message, false for the agent.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            body={"content": content, "is_user": is_user, "metadata": metadata},
            options=options,
        )

    @endpoint
    def batch(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        messages: Sequence[MessageCreate | MessageCreateParam],
        **options: Unpack[RequestOptions],
    ) -> Call[builtins.list[Message]]:
        """Add messages in bulk.

        Appends up to 100 messages to the session in one request; they are stored in the order given.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch``

        Args:
            session_id: The session the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            messages: The messages, in the order they should be stored.
        """
        return Call(
            _BATCH,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            body={"messages": messages},
            options=options,
        )

    @page_endpoint
    def list(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[Message]]:
        """List messages.

        Returns one page of the session's messages. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/list``

        Args:
            session_id: The session the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter},
            options=options,
        )

    @endpoint
    def get(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        **options: Unpack[RequestOptions],
    ) -> Call[Message]:
        """Fetch a message.

        Returns a single message of the session.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            message_id: The message to return.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
        """
        return Call(
            _GET,
            path={
                "app_id": app_id,
                "user_id": user_id,
                "session_id": session_id,
                "message_id": message_id,
            },
            options=options,
        )

    @endpoint
    def update(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        metadata: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> Call[Message]:
        """Edit a message.

        Sets new metadata on a message; its content stays as it is.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            message_id: The message to change.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={
                "app_id": app_id,
                "user_id": user_id,
                "session_id": session_id,
                "message_id": message_id,
            },
            body={"metadata": metadata},
            options=options,
        )
