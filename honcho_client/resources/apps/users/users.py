# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users`: the users of an app.

`Users` and `AsyncUsers` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, cast

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
from honcho_client.types.page_user import PageUser
from honcho_client.types.user import User

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.collections.collections import (
        AsyncCollections,
        Collections,
    )
    from honcho_client.resources.apps.users.metamessages import AsyncMetamessages, Metamessages
    from honcho_client.resources.apps.users.sessions.sessions import AsyncSessions, Sessions

__all__ = ["AsyncUsers", "AsyncUsersRaw", "Users", "UsersRaw"]

_GET = Operation(
    name="apps.users.get",
    method="GET",
    path="/v1/apps/{app_id}/users",
    path_params=("app_id",),
    query=(Field("user_id", ("string",), nullable=True),),
    body=None,
    safe=True,
    response="model",
    parse=User.model_validate_json,
)

_CREATE = Operation(
    name="apps.users.create",
    method="POST",
    path="/v1/apps/{app_id}/users",
    path_params=("app_id",),
    query=(),
    body=Schema(
        "UserCreate",
        (
            Field("name", ("string",), required=True, min_length=1, max_length=100),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=User.model_validate_json,
)

_LIST = Operation(
    name="apps.users.list",
    method="POST",
    path="/v1/apps/{app_id}/users/list",
    path_params=("app_id",),
    query=(
        Field("reverse", ("boolean",)),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema("UserGet", (Field("filter", ("object",), nullable=True),)),
    safe=True,
    response="page",
    parse=PageUser.model_validate_json,
)

_GET_BY_NAME = Operation(
    name="apps.users.get_by_name",
    method="GET",
    path="/v1/apps/{app_id}/users/name/{name}",
    path_params=("app_id", "name"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=User.model_validate_json,
)

_GET_OR_CREATE = Operation(
    name="apps.users.get_or_create",
    method="GET",
    path="/v1/apps/{app_id}/users/get_or_create/{name}",
    path_params=("app_id", "name"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=User.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}",
    path_params=("app_id", "user_id"),
    query=(),
    body=Schema(
        "UserUpdate",
        (Field("name", ("string",), nullable=True), Field("metadata", ("object",), nullable=True)),
    ),
    safe=True,
    response="model",
    parse=User.model_validate_json,
)


class Users(SyncAPIResource):
    """`client.apps.users`: the users of an app."""

    @cached_property
    def sessions(self) -> Sessions:
        """`client.apps.users.sessions`"""
        from honcho_client.resources.apps.users.sessions.sessions import Sessions

        return Sessions(self._client)

    @cached_property
    def metamessages(self) -> Metamessages:
        """`client.apps.users.metamessages`"""
        from honcho_client.resources.apps.users.metamessages import Metamessages

        return Metamessages(self._client)

    @cached_property
    def collections(self) -> Collections:
        """`client.apps.users.collections`"""
        from honcho_client.resources.apps.users.collections.collections import Collections

        return Collections(self._client)

    @cached_property
    def with_raw_response(self) -> UsersRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return UsersRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> UsersRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return UsersRaw(self, stream=True)

    def get(
        self,
        app_id: str,
        *,
        user_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch a user.

        Returns one user of the app. Use the `user_id` query parameter to name it explicitly; leave it out to get the user the bearer token is for.

        ``GET /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            user_id: User to return. Defaults to the user the bearer token is for.
        """
        return cast(
            "User",
            self._client._request(
                _GET,
                {"app_id": app_id},
                {"user_id": user_id},
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
        app_id: str,
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Create a user.

        Adds a new user to the app.

        ``POST /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            name: Name for the user, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "User",
            self._client._request(
                _CREATE,
                {"app_id": app_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def list(
        self,
        app_id: str,
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[User]:
        """List users.

        Returns one page of the app's users. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/list``

        Args:
            app_id: The app that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[User]",
            self._client._request(
                _LIST,
                {"app_id": app_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def get_by_name(
        self,
        name: str,
        *,
        app_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch a user by name.

        Looks a user of the app up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/name/{name}``

        Args:
            app_id: The app that owns the resource.
            name: The user's name.
        """
        return cast(
            "User",
            self._client._request(
                _GET_BY_NAME,
                {"app_id": app_id, "name": name},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def get_or_create(
        self,
        name: str,
        *,
        app_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch or create a user by name.

        Returns the app's user with this name; if there is none yet, it is created first.

        ``GET /v1/apps/{app_id}/users/get_or_create/{name}``

        Args:
            app_id: The app that owns the resource.
            name: Name to look for; a new user gets this name if none matches.
        """
        return cast(
            "User",
            self._client._request(
                _GET_OR_CREATE,
                {"app_id": app_id, "name": name},
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
        user_id: str,
        *,
        app_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Edit a user.

        Changes the name and/or the metadata of a user.

        ``PUT /v1/apps/{app_id}/users/{user_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "User",
            self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class UsersRaw:
    """`client.apps.users` methods returning `APIResponse` objects."""

    def __init__(self, resource: Users, *, stream: bool) -> None:
        self.get = response_wrapper(resource.get, stream=stream)
        self.create = response_wrapper(resource.create, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.get_by_name = response_wrapper(resource.get_by_name, stream=stream)
        self.get_or_create = response_wrapper(resource.get_or_create, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)


class AsyncUsers(AsyncAPIResource):
    """`client.apps.users`: the users of an app."""

    @cached_property
    def sessions(self) -> AsyncSessions:
        """`client.apps.users.sessions`"""
        from honcho_client.resources.apps.users.sessions.sessions import AsyncSessions

        return AsyncSessions(self._client)

    @cached_property
    def metamessages(self) -> AsyncMetamessages:
        """`client.apps.users.metamessages`"""
        from honcho_client.resources.apps.users.metamessages import AsyncMetamessages

        return AsyncMetamessages(self._client)

    @cached_property
    def collections(self) -> AsyncCollections:
        """`client.apps.users.collections`"""
        from honcho_client.resources.apps.users.collections.collections import AsyncCollections

        return AsyncCollections(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncUsersRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncUsersRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncUsersRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncUsersRaw(self, stream=True)

    async def get(
        self,
        app_id: str,
        *,
        user_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch a user.

        Returns one user of the app. Use the `user_id` query parameter to name it explicitly; leave it out to get the user the bearer token is for.

        ``GET /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            user_id: User to return. Defaults to the user the bearer token is for.
        """
        return cast(
            "User",
            await self._client._request(
                _GET,
                {"app_id": app_id},
                {"user_id": user_id},
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
        app_id: str,
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Create a user.

        Adds a new user to the app.

        ``POST /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            name: Name for the user, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "User",
            await self._client._request(
                _CREATE,
                {"app_id": app_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def list(
        self,
        app_id: str,
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[User]:
        """List users.

        Returns one page of the app's users. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/list``

        Args:
            app_id: The app that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {"app_id": app_id},
                {"reverse": reverse, "page": page, "size": size},
                {"filter": filter},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            )
        )

    async def get_by_name(
        self,
        name: str,
        *,
        app_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch a user by name.

        Looks a user of the app up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/name/{name}``

        Args:
            app_id: The app that owns the resource.
            name: The user's name.
        """
        return cast(
            "User",
            await self._client._request(
                _GET_BY_NAME,
                {"app_id": app_id, "name": name},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def get_or_create(
        self,
        name: str,
        *,
        app_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Fetch or create a user by name.

        Returns the app's user with this name; if there is none yet, it is created first.

        ``GET /v1/apps/{app_id}/users/get_or_create/{name}``

        Args:
            app_id: The app that owns the resource.
            name: Name to look for; a new user gets this name if none matches.
        """
        return cast(
            "User",
            await self._client._request(
                _GET_OR_CREATE,
                {"app_id": app_id, "name": name},
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
        user_id: str,
        *,
        app_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> User:
        """Edit a user.

        Changes the name and/or the metadata of a user.

        ``PUT /v1/apps/{app_id}/users/{user_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "User",
            await self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncUsersRaw:
    """`client.apps.users` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncUsers, *, stream: bool) -> None:
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get_by_name = async_response_wrapper(resource.get_by_name, stream=stream)
        self.get_or_create = async_response_wrapper(resource.get_or_create, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
