# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.sessions.messages`: the messages of a session.

`Messages` and `AsyncMessages` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import cast

import httpx
from pydantic import TypeAdapter

from honcho_client._async._awaitables import AsyncPaginator
from honcho_client._operation import Field, Operation, Schema
from honcho_client._resource import (
    AsyncAPIResource,
    SyncAPIResource,
    async_response_wrapper,
    response_wrapper,
)
from honcho_client._sync._pagination import SyncPage
from honcho_client._types import Body, Headers, Omit, Query, omit
from honcho_client.types.message import Message
from honcho_client.types.message_create import MessageCreate
from honcho_client.types.page_message import PageMessage

__all__ = ["AsyncMessages", "AsyncMessagesRaw", "Messages", "MessagesRaw"]

_BATCH_RESULT: TypeAdapter[list[Message]] = TypeAdapter(list[Message])

_CREATE = Operation(
    name="apps.users.sessions.messages.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages",
    path_params=("app_id", "user_id", "session_id"),
    query=(),
    body=Schema(
        "MessageCreate",
        (
            Field("content", ("string",), required=True, min_length=0, max_length=50000),
            Field("is_user", ("boolean",), required=True),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=Message.model_validate_json,
)

_BATCH = Operation(
    name="apps.users.sessions.messages.batch",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch",
    path_params=("app_id", "user_id", "session_id"),
    query=(),
    body=Schema(
        "MessageBatchCreate",
        (
            Field(
                "messages",
                ("array",),
                required=True,
                max_items=100,
                items=Schema(
                    "MessageCreate",
                    (
                        Field(
                            "content", ("string",), required=True, min_length=0, max_length=50000
                        ),
                        Field("is_user", ("boolean",), required=True),
                        Field("metadata", ("object",)),
                    ),
                ),
            ),
        ),
    ),
    safe=False,
    response="model",
    parse=_BATCH_RESULT.validate_json,
)

_LIST = Operation(
    name="apps.users.sessions.messages.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/list",
    path_params=("app_id", "user_id", "session_id"),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema("MessageGet", (Field("filter", ("object",), nullable=True),)),
    safe=True,
    response="page",
    parse=PageMessage.model_validate_json,
)

_GET = Operation(
    name="apps.users.sessions.messages.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}",
    path_params=("app_id", "user_id", "session_id", "message_id"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=Message.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.sessions.messages.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}",
    path_params=("app_id", "user_id", "session_id", "message_id"),
    query=(),
    body=Schema("MessageUpdate", (Field("metadata", ("object",), required=True),)),
    safe=True,
    response="model",
    parse=Message.model_validate_json,
)


class Messages(SyncAPIResource):
    """`client.apps.users.sessions.messages`: the messages of a session."""

    @cached_property
    def with_raw_response(self) -> MessagesRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return MessagesRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> MessagesRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return MessagesRaw(self, stream=True)

    def create(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        is_user: bool,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Add a message.

        Appends one message to the session.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            content: Text of the message, up to 50000 characters.
            is_user: True when the user wrote the message, false for the agent.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Message",
            self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"content": content, "is_user": is_user, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def batch(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        messages: Sequence[MessageCreate | Mapping[str, object]],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> builtins.list[Message]:
        """Add messages in bulk.

        Appends up to 100 messages to the session in one request; they are stored in the order given.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            messages: The messages, in the order they should be stored.
        """
        return cast(
            "builtins.list[Message]",
            self._client._request(
                _BATCH,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"messages": messages},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[Message]:
        """List messages.

        Returns one page of the session's messages. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[Message]",
            self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def get(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Fetch a message.

        Returns a single message of the session.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            message_id: The message to return.
        """
        return cast(
            "Message",
            self._client._request(
                _GET,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "message_id": message_id,
                },
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def update(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        metadata: Mapping[str, object],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Edit a message.

        Sets new metadata on a message; its content stays as it is.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            message_id: The message to change.
            metadata: New metadata object.
        """
        return cast(
            "Message",
            self._client._request(
                _UPDATE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "message_id": message_id,
                },
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class MessagesRaw:
    """`client.apps.users.sessions.messages` methods returning `APIResponse` objects."""

    def __init__(self, resource: Messages, *, stream: bool) -> None:
        self.create = response_wrapper(resource.create, stream=stream)
        self.batch = response_wrapper(resource.batch, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.get = response_wrapper(resource.get, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)


class AsyncMessages(AsyncAPIResource):
    """`client.apps.users.sessions.messages`: the messages of a session."""

    @cached_property
    def with_raw_response(self) -> AsyncMessagesRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncMessagesRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncMessagesRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncMessagesRaw(self, stream=True)

    async def create(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        is_user: bool,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Add a message.

        Appends one message to the session.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            content: Text of the message, up to 50000 characters.
            is_user: True when the user wrote the message, false for the agent.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Message",
            await self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"content": content, "is_user": is_user, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def batch(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        messages: Sequence[MessageCreate | Mapping[str, object]],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> builtins.list[Message]:
        """Add messages in bulk.

        Appends up to 100 messages to the session in one request; they are stored in the order given.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/batch``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            messages: The messages, in the order they should be stored.
        """
        return cast(
            "builtins.list[Message]",
            await self._client._request(
                _BATCH,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"messages": messages},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[Message]:
        """List messages.

        Returns one page of the session's messages. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            )
        )

    async def get(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Fetch a message.

        Returns a single message of the session.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            message_id: The message to return.
        """
        return cast(
            "Message",
            await self._client._request(
                _GET,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "message_id": message_id,
                },
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def update(
        self,
        message_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str,
        metadata: Mapping[str, object],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Message:
        """Edit a message.

        Sets new metadata on a message; its content stays as it is.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/messages/{message_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            message_id: The message to change.
            metadata: New metadata object.
        """
        return cast(
            "Message",
            await self._client._request(
                _UPDATE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "message_id": message_id,
                },
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncMessagesRaw:
    """`client.apps.users.sessions.messages` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncMessages, *, stream: bool) -> None:
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.batch = async_response_wrapper(resource.batch, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
