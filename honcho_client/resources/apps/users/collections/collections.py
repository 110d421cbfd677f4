# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.collections`: a user's named collections of documents.

`Collections` and `AsyncCollections` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, cast

import httpx

from honcho_client._async._awaitables import AsyncPaginator
from honcho_client._operation import Field, Operation, Schema
from honcho_client._parsing import parse_json
from honcho_client._resource import (
    AsyncAPIResource,
    SyncAPIResource,
    async_response_wrapper,
    response_wrapper,
)
from honcho_client._sync._pagination import SyncPage
from honcho_client._types import Body, Headers, Omit, Query, omit
from honcho_client.types.collection import Collection
from honcho_client.types.page_collection import PageCollection

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.collections.documents import AsyncDocuments, Documents

__all__ = ["AsyncCollections", "AsyncCollectionsRaw", "Collections", "CollectionsRaw"]

_GET = Operation(
    name="apps.users.collections.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections",
    path_params=("app_id", "user_id"),
    query=(Field("collection_id", ("string",), nullable=True),),
    body=None,
    safe=True,
    response="model",
    parse=Collection.model_validate_json,
)

_CREATE = Operation(
    name="apps.users.collections.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections",
    path_params=("app_id", "user_id"),
    query=(),
    body=Schema(
        "CollectionCreate",
        (
            Field("name", ("string",), required=True, min_length=1, max_length=100),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=Collection.model_validate_json,
)

_LIST = Operation(
    name="apps.users.collections.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/list",
    path_params=("app_id", "user_id"),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema("CollectionGet", (Field("filter", ("object",), nullable=True),)),
    safe=True,
    response="page",
    parse=PageCollection.model_validate_json,
)

_GET_BY_NAME = Operation(
    name="apps.users.collections.get_by_name",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections/name/{name}",
    path_params=("app_id", "user_id", "name"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=Collection.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.collections.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}",
    path_params=("app_id", "user_id", "collection_id"),
    query=(),
    body=Schema(
        "CollectionUpdate",
        (Field("name", ("string",), nullable=True), Field("metadata", ("object",), nullable=True)),
    ),
    safe=True,
    response="model",
    parse=Collection.model_validate_json,
)

_DELETE = Operation(
    name="apps.users.collections.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}",
    path_params=("app_id", "user_id", "collection_id"),
    query=(),
    body=None,
    safe=True,
    response="json",
    parse=parse_json,
)


class Collections(SyncAPIResource):
    """`client.apps.users.collections`: a user's named collections of documents."""

    @cached_property
    def documents(self) -> Documents:
        """`client.apps.users.collections.documents`"""
        from honcho_client.resources.apps.users.collections.documents import Documents

        return Documents(self._client)

    @cached_property
    def with_raw_response(self) -> CollectionsRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return CollectionsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> CollectionsRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return CollectionsRaw(self, stream=True)

    def get(
        self,
        user_id: str,
        *,
        app_id: str,
        collection_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Fetch a collection.

        Returns one collection of the user. Use the `collection_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the collection the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: Collection to return. Defaults to the collection the bearer token is for.
        """
        return cast(
            "Collection",
            self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id},
                {"collection_id": collection_id},
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
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Create a collection.

        Creates a named collection to hold documents for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            name: Name for the collection, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Collection",
            self._client._request(
                _CREATE,
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

    def list(
        self,
        user_id: str,
        *,
        app_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[Collection]:
        """List collections.

        Returns one page of the user's collections. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[Collection]",
            self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id},
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
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Fetch a collection by name.

        Looks a collection of the user up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/name/{name}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            name: The collection's name.
        """
        return cast(
            "Collection",
            self._client._request(
                _GET_BY_NAME,
                {"app_id": app_id, "user_id": user_id, "name": name},
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
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Edit a collection.

        Changes the name and/or the metadata of a collection.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "Collection",
            self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def delete(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a collection.

        Removes the collection together with every document in it.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection to remove.
        """
        return cast(
            "object",
            self._client._request(
                _DELETE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class CollectionsRaw:
    """`client.apps.users.collections` methods returning `APIResponse` objects."""

    def __init__(self, resource: Collections, *, stream: bool) -> None:
        self.get = response_wrapper(resource.get, stream=stream)
        self.create = response_wrapper(resource.create, stream=stream)
        self.list = response_wrapper(resource.list, stream=stream)
        self.get_by_name = response_wrapper(resource.get_by_name, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)
        self.delete = response_wrapper(resource.delete, stream=stream)


class AsyncCollections(AsyncAPIResource):
    """`client.apps.users.collections`: a user's named collections of documents."""

    @cached_property
    def documents(self) -> AsyncDocuments:
        """`client.apps.users.collections.documents`"""
        from honcho_client.resources.apps.users.collections.documents import AsyncDocuments

        return AsyncDocuments(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncCollectionsRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncCollectionsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncCollectionsRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncCollectionsRaw(self, stream=True)

    async def get(
        self,
        user_id: str,
        *,
        app_id: str,
        collection_id: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Fetch a collection.

        Returns one collection of the user. Use the `collection_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the collection the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: Collection to return. Defaults to the collection the bearer token is for.
        """
        return cast(
            "Collection",
            await self._client._request(
                _GET,
                {"app_id": app_id, "user_id": user_id},
                {"collection_id": collection_id},
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
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Create a collection.

        Creates a named collection to hold documents for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            name: Name for the collection, 1 to 100 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Collection",
            await self._client._request(
                _CREATE,
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

    def list(
        self,
        user_id: str,
        *,
        app_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[Collection]:
        """List collections.

        Returns one page of the user's collections. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
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
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Fetch a collection by name.

        Looks a collection of the user up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/name/{name}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            name: The collection's name.
        """
        return cast(
            "Collection",
            await self._client._request(
                _GET_BY_NAME,
                {"app_id": app_id, "user_id": user_id, "name": name},
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
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Collection:
        """Edit a collection.

        Changes the name and/or the metadata of a collection.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection to change.
            name: New name.
            metadata: New metadata object.
        """
        return cast(
            "Collection",
            await self._client._request(
                _UPDATE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"name": name, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def delete(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a collection.

        Removes the collection together with every document in it.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection to remove.
        """
        return cast(
            "object",
            await self._client._request(
                _DELETE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncCollectionsRaw:
    """`client.apps.users.collections` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncCollections, *, stream: bool) -> None:
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.create = async_response_wrapper(resource.create, stream=stream)
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get_by_name = async_response_wrapper(resource.get_by_name, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
        self.delete = async_response_wrapper(resource.delete, stream=stream)
