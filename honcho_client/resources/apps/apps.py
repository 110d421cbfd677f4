# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps`: the apps of an account.

`Apps` and `AsyncApps` are rendered from one template, so the two stay
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
from honcho_client.types.app import App
from honcho_client.types.page_app import PageApp

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.users import AsyncUsers, Users

__all__ = ["Apps", "AppsRaw", "AsyncApps", "AsyncAppsRaw"]

_GET = Operation(
    name="apps.get",
    method="GET",
    path="/v1/apps",
    path_params=(),
    query=(Field("app_id", ("string",), nullable=True),),
    body=None,
    safe=True,
    response="model",
    parse=App.model_validate_json,
)

_CREATE = Operation(
    name="apps.create",
    method="POST",
    path="/v1/apps",
    path_params=(),
    query=(),
    body=Schema(
        "AppCreate",
        (
            Field("name", ("string",), required=True, min_length=1, max_length=100),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=App.model_validate_json,
)

_LIST = Operation(
    name="apps.list",
    method="POST",
    path="/v1/apps/list",
    path_params=(),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema("AppGet", (Field("filter", ("object",), nullable=True),)),
    safe=True,
    response="page",
    parse=PageApp.model_validate_json,
)

_GET_BY_NAME = Operation(
    name="apps.get_by_name",
    method="GET",
    path="/v1/apps/name/{name}",
    path_params=("name",),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=App.model_validate_json,
)

_GET_OR_CREATE = Operation(
    name="apps.get_or_create",
    method="GET",
    path="/v1/apps/get_or_create/{name}",
    path_params=("name",),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=App.model_validate_json,
)

_UPDATE = Operation(
    name="apps.update",
    method="PUT",
    path="/v1/apps/{app_id}",
    path_params=("app_id",),
    query=(),
    body=Schema(
        "AppUpdate",
        (Field("name", ("string",), nullable=True), Field("metadata", ("object",), nullable=True)),
    ),
    safe=True,
    response="model",
    parse=App.model_validate_json,
)


class Apps(SyncAPIResource):
    """`client.apps`: the apps of an account."""

    @cached_property
    def users(self) -> Users:
        """`client.apps.users`"""
        from honcho_client.resources.apps.users.users import Users

        return Users(self._client)

    @cached_property
    def with_raw_response(self) -> AppsRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return AppsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AppsRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return AppsRaw(self, stream=True)

    def get(
        self,
        *,
        app_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch an app.

        Returns one app. Use the `app_id` query parameter to name it explicitly (it has to agree with the app the bearer token is for); leave it out to get the token's own app.

        ``GET /v1/apps``

        Args:
            app_id: App to return. Defaults to the app the bearer token is for.
        """
        return cast(
            "App",
            self._client._request(
                _GET,
                {},
                {"app_id": app_id},
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
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Create an app.

        Registers a new app, the top-level container for users and everything they own.

        ``POST /v1/apps``

        Args:
            name: Name for the app, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "App",
            self._client._request(
                _CREATE,
                {},
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
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[App]:
        """List apps.

        Returns one page of apps. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/list``

        Args:
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[App]",
            self._client._request(
                _LIST,
                {},
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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch an app by name.

        Looks an app up by its name instead of its ID.

        ``GET /v1/apps/name/{name}``

        Args:
            name: The app's name.
        """
        return cast(
            "App",
            self._client._request(
                _GET_BY_NAME,
                {"name": name},
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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch or create an app by name.

        Returns the app with this name; if there is none yet, it is created first.

        ``GET /v1/apps/get_or_create/{name}``

        Args:
            name: Name to look for; a new app gets this name if none matches.
        """
        return cast(
            "App",
            self._client._request(
                _GET_OR_CREATE,
                {"name": name},
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
        app_id: str,
        *,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Edit an app.

        Changes the name and/or the metadata of an app.

        ``PUT /v1/apps/{app_id}``

        Args:
            app_id: The app to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "App",
            self._client._request(
                _UPDATE,
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


class AppsRaw:
    """`client.apps` methods returning `APIResponse` objects."""

    def __init__(self, resource: Apps, *, stream: bool) -> None:
        self.get = response_wrapper(resource.get, stream=stream)
        self.create = response_wrapper(resource.create, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.get_by_name = response_wrapper(resource.get_by_name, stream=stream)
        self.get_or_create = response_wrapper(resource.get_or_create, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)


class AsyncApps(AsyncAPIResource):
    """`client.apps`: the apps of an account."""

    @cached_property
    def users(self) -> AsyncUsers:
        """`client.apps.users`"""
        from honcho_client.resources.apps.users.users import AsyncUsers

        return AsyncUsers(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncAppsRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncAppsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncAppsRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncAppsRaw(self, stream=True)

    async def get(
        self,
        *,
        app_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch an app.

        Returns one app. Use the `app_id` query parameter to name it explicitly (it has to agree with the app the bearer token is for); leave it out to get the token's own app.

        ``GET /v1/apps``

        Args:
            app_id: App to return. Defaults to the app the bearer token is for.
        """
        return cast(
            "App",
            await self._client._request(
                _GET,
                {},
                {"app_id": app_id},
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
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Create an app.

        Registers a new app, the top-level container for users and everything they own.

        ``POST /v1/apps``

        Args:
            name: Name for the app, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "App",
            await self._client._request(
                _CREATE,
                {},
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
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[App]:
        """List apps.

        Returns one page of apps. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/list``

        Args:
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {},
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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch an app by name.

        Looks an app up by its name instead of its ID.

        ``GET /v1/apps/name/{name}``

        Args:
            name: The app's name.
        """
        return cast(
            "App",
            await self._client._request(
                _GET_BY_NAME,
                {"name": name},
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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Fetch or create an app by name.

        Returns the app with this name; if there is none yet, it is created first.

        ``GET /v1/apps/get_or_create/{name}``

        Args:
            name: Name to look for; a new app gets this name if none matches.
        """
        return cast(
            "App",
            await self._client._request(
                _GET_OR_CREATE,
                {"name": name},
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
        app_id: str,
        *,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> App:
        """Edit an app.

        Changes the name and/or the metadata of an app.

        ``PUT /v1/apps/{app_id}``

        Args:
            app_id: The app to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "App",
            await self._client._request(
                _UPDATE,
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


class AsyncAppsRaw:
    """`client.apps` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncApps, *, stream: bool) -> None:
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get_by_name = async_response_wrapper(resource.get_by_name, stream=stream)
        self.get_or_create = async_response_wrapper(resource.get_or_create, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
