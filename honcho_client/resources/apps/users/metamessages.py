# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message.

`Metamessages` and `AsyncMetamessages` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import cast

import httpx

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
from honcho_client.types.metamessage import Metamessage
from honcho_client.types.page_metamessage import PageMetamessage

__all__ = ["AsyncMetamessages", "AsyncMetamessagesRaw", "Metamessages", "MetamessagesRaw"]

_CREATE = Operation(
    name="apps.users.metamessages.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages",
    path_params=("app_id", "user_id"),
    query=(),
    body=Schema(
        "MetamessageCreate",
        (
            Field("metamessage_type", ("string",), required=True, min_length=1, max_length=50),
            Field("content", ("string",), required=True, min_length=0, max_length=50000),
            Field("session_id", ("string",), nullable=True),
            Field("message_id", ("string",), nullable=True),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=Metamessage.model_validate_json,
)

_LIST = Operation(
    name="apps.users.metamessages.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/list",
    path_params=("app_id", "user_id"),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema(
        "MetamessageGet",
        (
            Field("metamessage_type", ("string",), nullable=True),
            Field("session_id", ("string",), nullable=True),
            Field("message_id", ("string",), nullable=True),
            Field("filter", ("object",), nullable=True),
        ),
    ),
    safe=True,
    response="page",
    parse=PageMetamessage.model_validate_json,
)

_GET = Operation(
    name="apps.users.metamessages.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}",
    path_params=("app_id", "user_id", "metamessage_id"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=Metamessage.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.metamessages.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}",
    path_params=("app_id", "user_id", "metamessage_id"),
    query=(),
    body=Schema(
        "MetamessageUpdate",
        (
            Field("session_id", ("string",), nullable=True),
            Field("message_id", ("string",), nullable=True),
            Field("metamessage_type", ("string",), nullable=True),
            Field("metadata", ("object",), nullable=True),
        ),
    ),
    safe=True,
    response="model",
    parse=Metamessage.model_validate_json,
)


class Metamessages(SyncAPIResource):
    """`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message."""

    @cached_property
    def with_raw_response(self) -> MetamessagesRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return MetamessagesRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> MetamessagesRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return MetamessagesRaw(self, stream=True)

    def create(
        self,
        user_id: str,
        *,
        app_id: str,
        metamessage_type: str,
        content: str,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Create a metamessage.

        Stores a metamessage (data about the conversation, such as notes or derived facts) for the user. It can be attached to a session, and to a message in it, by putting their IDs in the body.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_type: Kind of metamessage, 1 to 50 characters.
            content: Body of the metamessage, up to 50000 characters.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Metamessage",
            self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {
                    "metamessage_type": metamessage_type,
                    "content": content,
                    "session_id": session_id,
                    "message_id": message_id,
                    "metadata": metadata,
                },
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
        metamessage_type: str | None | Omit = omit,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[Metamessage]:
        """List metamessages.

        Returns one page of the user's metamessages. Without a body every metamessage of the user is listed; the body can narrow that down by session, by message, by metamessage type and by a metadata filter, in any combination.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_type: Only metamessages of this kind.
            session_id: Only metamessages attached to this session.
            message_id: Only metamessages attached to this message.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[Metamessage]",
            self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id},
                {"reverse": reverse, "page": page, "size": size},
                {
                    "metamessage_type": metamessage_type,
                    "session_id": session_id,
                    "message_id": message_id,
                    "filter": filter,
                },
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def get(
        self,
        metamessage_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Fetch a metamessage.

        Returns a single metamessage of the user.

        ``GET /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_id: The metamessage to return.
        """
        return cast(
            "Metamessage",
            self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
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
        metamessage_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        metamessage_type: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Edit a metamessage.

        Changes a metamessage's type or metadata, or the session and message it is attached to.

        ``PUT /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_id: The metamessage to change.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metamessage_type: New kind.
            metadata: New metadata object.
        """
        return cast(
            "Metamessage",
            self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
                None,
                {
                    "session_id": session_id,
                    "message_id": message_id,
                    "metamessage_type": metamessage_type,
                    "metadata": metadata,
                },
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class MetamessagesRaw:
    """`client.apps.users.metamessages` methods returning `APIResponse` objects."""

    def __init__(self, resource: Metamessages, *, stream: bool) -> None:
        self.create = response_wrapper(resource.create, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.get = response_wrapper(resource.get, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)


class AsyncMetamessages(AsyncAPIResource):
    """`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message."""

    @cached_property
    def with_raw_response(self) -> AsyncMetamessagesRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncMetamessagesRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncMetamessagesRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncMetamessagesRaw(self, stream=True)

    async def create(
        self,
        user_id: str,
        *,
        app_id: str,
        metamessage_type: str,
        content: str,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Create a metamessage.

        Stores a metamessage (data about the conversation, such as notes or derived facts) for the user. It can be attached to a session, and to a message in it, by putting their IDs in the body.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_type: Kind of metamessage, 1 to 50 characters.
            content: Body of the metamessage, up to 50000 characters.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Metamessage",
            await self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {
                    "metamessage_type": metamessage_type,
                    "content": content,
                    "session_id": session_id,
                    "message_id": message_id,
                    "metadata": metadata,
                },
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
        metamessage_type: str | None | Omit = omit,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[Metamessage]:
        """List metamessages.

        Returns one page of the user's metamessages. Without a body every metamessage of the user is listed; the body can narrow that down by session, by message, by metamessage type and by a metadata filter, in any combination.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_type: Only metamessages of this kind.
            session_id: Only metamessages attached to this session.
            message_id: Only metamessages attached to this message.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id},
                {"reverse": reverse, "page": page, "size": size},
                {
                    "metamessage_type": metamessage_type,
                    "session_id": session_id,
                    "message_id": message_id,
                    "filter": filter,
                },
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            )
        )

    async def get(
        self,
        metamessage_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Fetch a metamessage.

        Returns a single metamessage of the user.

        ``GET /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_id: The metamessage to return.
        """
        return cast(
            "Metamessage",
            await self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
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
        metamessage_id: str,
        *,
        app_id: str,
        user_id: str,
        session_id: str | None | Omit = omit,
        message_id: str | None | Omit = omit,
        metamessage_type: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Metamessage:
        """Edit a metamessage.

        Changes a metamessage's type or metadata, or the session and message it is attached to.

        ``PUT /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metamessage_id: The metamessage to change.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metamessage_type: New kind.
            metadata: New metadata object.
        """
        return cast(
            "Metamessage",
            await self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
                None,
                {
                    "session_id": session_id,
                    "message_id": message_id,
                    "metamessage_type": metamessage_type,
                    "metadata": metadata,
                },
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncMetamessagesRaw:
    """`client.apps.users.metamessages` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncMetamessages, *, stream: bool) -> None:
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
