# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user.

`Sessions` and `AsyncSessions` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Literal, cast, overload

import httpx

from honcho_client._async._awaitables import AsyncPaginator
from honcho_client._async._streaming import AsyncChatStream
from honcho_client._operation import Field, Operation, Schema
from honcho_client._parsing import parse_json
from honcho_client._resource import (
    AsyncAPIResource,
    SyncAPIResource,
    async_response_wrapper,
    response_wrapper,
)
from honcho_client._sync._pagination import SyncPage
from honcho_client._sync._streaming import ChatStream
from honcho_client._types import Body, Headers, Omit, Query, omit
from honcho_client.types.dialectic_response import DialecticResponse
from honcho_client.types.page_session import PageSession
from honcho_client.types.session import Session

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.sessions.messages import AsyncMessages, Messages

__all__ = ["AsyncSessions", "AsyncSessionsRaw", "Sessions", "SessionsRaw"]

_GET = Operation(
    name="apps.users.sessions.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions",
    path_params=("app_id", "user_id"),
    query=(Field("session_id", ("string",), nullable=True),),
    body=None,
    safe=True,
    response="model",
    parse=Session.model_validate_json,
)

_CREATE = Operation(
    name="apps.users.sessions.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions",
    path_params=("app_id", "user_id"),
    query=(),
    body=Schema("SessionCreate", (Field("metadata", ("object",)),)),
    safe=False,
    response="model",
    parse=Session.model_validate_json,
)

_LIST = Operation(
    name="apps.users.sessions.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/list",
    path_params=("app_id", "user_id"),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema(
        "SessionGet",
        (Field("filter", ("object",), nullable=True), Field("is_active", ("boolean",))),
    ),
    safe=True,
    response="page",
    parse=PageSession.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.sessions.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}",
    path_params=("app_id", "user_id", "session_id"),
    query=(),
    body=Schema("SessionUpdate", (Field("metadata", ("object",), required=True),)),
    safe=True,
    response="model",
    parse=Session.model_validate_json,
)

_DELETE = Operation(
    name="apps.users.sessions.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}",
    path_params=("app_id", "user_id", "session_id"),
    query=(),
    body=None,
    safe=True,
    response="json",
    parse=parse_json,
)

_CHAT = Operation(
    name="apps.users.sessions.chat",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat",
    path_params=("app_id", "user_id", "session_id"),
    query=(),
    body=Schema(
        "DialecticOptions",
        (
            Field("queries", ("string", "array"), required=True, items=Field("items", ("string",))),
            Field("stream", ("boolean",)),
        ),
    ),
    safe=False,
    response="chat",
    parse=DialecticResponse.model_validate_json,
)

_CLONE = Operation(
    name="apps.users.sessions.clone",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/clone",
    path_params=("app_id", "user_id", "session_id"),
    query=(Field("message_id", ("string",), nullable=True), Field("deep_copy", ("boolean",))),
    body=None,
    safe=False,
    response="model",
    parse=Session.model_validate_json,
)


class Sessions(SyncAPIResource):
    """`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user."""

    @cached_property
    def messages(self) -> Messages:
        """`client.apps.users.sessions.messages`"""
        from honcho_client.resources.apps.users.sessions.messages import Messages

        return Messages(self._client)

    @cached_property
    def with_raw_response(self) -> SessionsRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return SessionsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> SessionsRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return SessionsRaw(self, stream=True)

    def get(
        self,
        user_id: str,
        *,
        app_id: str,
        session_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Fetch a session.

        Returns one session of the user. Use the `session_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the session the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: Session to return. Defaults to the session the bearer token is for.
        """
        return cast(
            "Session",
            self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id},
                {"session_id": session_id},
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def create(
        self,
        user_id: str,
        *,
        app_id: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Create a session.

        Starts a new conversation session for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Session",
            self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def list(
        self,
        user_id: str,
        *,
        app_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        is_active: bool | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[Session]:
        """List sessions.

        Returns one page of the user's sessions. An optional body narrows the result by metadata and by whether the session is still active.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            filter: Only return items whose metadata matches this object.
            is_active: Set to true to list only sessions that are still active.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[Session]",
            self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter, "is_active": is_active},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def update(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        metadata: Mapping[str, object],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Edit a session.

        Sets new metadata on a session.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to change.
            metadata: New metadata object.
        """
        return cast(
            "Session",
            self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def delete(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a session.

        Soft-deletes a session: it stays stored but is flagged as no longer active.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to deactivate.
        """
        return cast(
            "object",
            self._client._request(
                _DELETE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    @overload
    def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[False] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse: ...

    @overload
    def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> ChatStream: ...

    @overload
    def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse | ChatStream: ...

    def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse | ChatStream:
        """Ask about the user.

        Puts one or more questions to Honcho's dialectic agent, which answers them from what it has learned about this user. With `stream` set, the answer arrives as a server-sent event stream rather than a single JSON object.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            queries: A question, or a list of questions, about the user.
            stream: Stream the answer as server-sent events.
        """
        return cast(
            "DialecticResponse | ChatStream",
            self._client._request(
                _CHAT,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"queries": queries, "stream": stream},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def clone(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        message_id: str | None | Omit = omit,
        deep_copy: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Clone a session.

        Copies a session, with its messages, into a new session. Give `message_id` to copy only the conversation up to that message, and `deep_copy` to bring the metamessages along too.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/clone``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to copy.
            message_id: Last message to carry over into the copy. Leave out to copy every message.
            deep_copy: Set to true to copy the metamessages as well.
        """
        return cast(
            "Session",
            self._client._request(
                _CLONE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                {"message_id": message_id, "deep_copy": deep_copy},
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class SessionsRaw:
    """`client.apps.users.sessions` methods returning `APIResponse` objects."""

    def __init__(self, resource: Sessions, *, stream: bool) -> None:
        self.get = response_wrapper(resource.get, stream=stream)
        self.create = response_wrapper(resource.create, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)
        self.delete = response_wrapper(resource.delete, stream=stream)
        self.chat = response_wrapper(resource.chat, stream=stream)
        self.clone = response_wrapper(resource.clone, stream=stream)


class AsyncSessions(AsyncAPIResource):
    """`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user."""

    @cached_property
    def messages(self) -> AsyncMessages:
        """`client.apps.users.sessions.messages`"""
        from honcho_client.resources.apps.users.sessions.messages import AsyncMessages

        return AsyncMessages(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncSessionsRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncSessionsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncSessionsRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncSessionsRaw(self, stream=True)

    async def get(
        self,
        user_id: str,
        *,
        app_id: str,
        session_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Fetch a session.

        Returns one session of the user. Use the `session_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the session the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: Session to return. Defaults to the session the bearer token is for.
        """
        return cast(
            "Session",
            await self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id},
                {"session_id": session_id},
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def create(
        self,
        user_id: str,
        *,
        app_id: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Create a session.

        Starts a new conversation session for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Session",
            await self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def list(
        self,
        user_id: str,
        *,
        app_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        is_active: bool | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[Session]:
        """List sessions.

        Returns one page of the user's sessions. An optional body narrows the result by metadata and by whether the session is still active.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            filter: Only return items whose metadata matches this object.
            is_active: Set to true to list only sessions that are still active.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter, "is_active": is_active},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            )
        )

    async def update(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        metadata: Mapping[str, object],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Edit a session.

        Sets new metadata on a session.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to change.
            metadata: New metadata object.
        """
        return cast(
            "Session",
            await self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def delete(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a session.

        Soft-deletes a session: it stays stored but is flagged as no longer active.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to deactivate.
        """
        return cast(
            "object",
            await self._client._request(
                _DELETE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    @overload
    async def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[False] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse: ...

    @overload
    async def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[True],
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncChatStream: ...

    @overload
    async def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse | AsyncChatStream: ...

    async def chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> DialecticResponse | AsyncChatStream:
        """Ask about the user.

        Puts one or more questions to Honcho's dialectic agent, which answers them from what it has learned about this user. With `stream` set, the answer arrives as a server-sent event stream rather than a single JSON object.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session the request is about.
            queries: A question, or a list of questions, about the user.
            stream: Stream the answer as server-sent events.
        """
        return cast(
            "DialecticResponse | AsyncChatStream",
            await self._client._request(
                _CHAT,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                None,
                {"queries": queries, "stream": stream},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def clone(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        message_id: str | None | Omit = omit,
        deep_copy: bool | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Session:
        """Clone a session.

        Copies a session, with its messages, into a new session. Give `message_id` to copy only the conversation up to that message, and `deep_copy` to bring the metamessages along too.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/clone``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: The session to copy.
            message_id: Last message to carry over into the copy. Leave out to copy every message.
            deep_copy: Set to true to copy the metamessages as well.
        """
        return cast(
            "Session",
            await self._client._request(
                _CLONE,
                {"app_id": app_id, "user_id": user_id, "session_id": session_id},
                {"message_id": message_id, "deep_copy": deep_copy},
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncSessionsRaw:
    """`client.apps.users.sessions` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncSessions, *, stream: bool) -> None:
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
        self.delete = async_response_wrapper(resource.delete, stream=stream)
        self.chat = async_response_wrapper(resource.chat, stream=stream)
        self.clone = async_response_wrapper(resource.clone, stream=stream)
