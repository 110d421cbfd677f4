# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.collections`: a user's named collections of documents."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Annotated

from pydantic import Field
from typing_extensions import Unpack

from honcho_client._client.resource import C, Raw, Resource, Streaming, W, endpoint, page_endpoint
from honcho_client._core.operation import Call, Operation
from honcho_client._core.options import RequestOptions
from honcho_client._core.page import Page
from honcho_client._core.sentinels import Omit, omit
from honcho_client.types.collection import Collection
from honcho_client.types.collection_create import CollectionCreate
from honcho_client.types.collection_get import CollectionGet
from honcho_client.types.collection_update import CollectionUpdate
from honcho_client.types.deleted import Deleted

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.collections.documents import Documents

__all__ = ["Collections"]

_GET: Operation[Collection] = Operation(
    name="apps.users.collections.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections",
    path_params={"app_id": str, "user_id": str},
    query={"collection_id": str | None},
    safe=True,
    parse=Collection.model_validate_json,
)

_CREATE: Operation[Collection] = Operation(
    name="apps.users.collections.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections",
    path_params={"app_id": str, "user_id": str},
    body=CollectionCreate,
    safe=False,
    parse=Collection.model_validate_json,
)

_LIST: Operation[Page[Collection]] = Operation(
    name="apps.users.collections.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/list",
    path_params={"app_id": str, "user_id": str},
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=CollectionGet,
    safe=True,
    parse=Page[Collection].model_validate_json,
)

_GET_BY_NAME: Operation[Collection] = Operation(
    name="apps.users.collections.get_by_name",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections/name/{name}",
    path_params={"app_id": str, "user_id": str, "name": str},
    safe=True,
    parse=Collection.model_validate_json,
)

_UPDATE: Operation[Collection] = Operation(
    name="apps.users.collections.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}",
    path_params={"app_id": str, "user_id": str, "collection_id": str},
    body=CollectionUpdate,
    safe=True,
    parse=Collection.model_validate_json,
)

_DELETE: Operation[Deleted] = Operation(
    name="apps.users.collections.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}",
    path_params={"app_id": str, "user_id": str, "collection_id": str},
    safe=True,
    parse=Deleted.model_validate_json,
)


class Collections(Resource[C, W]):
    """`client.apps.users.collections`: a user's named collections of documents."""

    @cached_property
    def documents(self) -> Documents[C, W]:
        """`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them."""
        from honcho_client.resources.apps.users.collections.documents import Documents

        return Documents(self)

    @cached_property
    def with_raw_response(self) -> Collections[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Collections(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Collections[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Collections(self, Streaming)

    @endpoint
    def get(
        self,
        user_id: str,
        *,
        app_id: str,
        collection_id: str | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Collection]:
        """Fetch a collection.

        Returns one collection of the user. Use the `collection_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the collection the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            collection_id: Collection to return. Defaults to the collection the bearer token is for.
        """
        return Call(
            _GET,
            path={"app_id": app_id, "user_id": user_id},
            query={"collection_id": collection_id},
            options=options,
        )

    @endpoint
    def create(
        self,
        user_id: str,
        *,
        app_id: str,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Collection]:
        """Create a collection.

        Creates a named collection to hold documents for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            name: Name for the collection, 1 to 100 characters.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id, "user_id": user_id},
            body={"name": name, "metadata": metadata},
            options=options,
        )

    @page_endpoint
    def list(
        self,
        user_id: str,
        *,
        app_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[Collection]]:
        """List collections.

        Returns one page of the user's collections. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/list``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id, "user_id": user_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter},
            options=options,
        )

    @endpoint
    def get_by_name(
        self, name: str, *, app_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> Call[Collection]:
        """Fetch a collection by name.

        Looks a collection of the user up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/name/{name}``

        Args:
            name: The collection's name.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
        """
        return Call(
            _GET_BY_NAME, path={"app_id": app_id, "user_id": user_id, "name": name}, options=options
        )

    @endpoint
    def update(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Collection]:
        """Edit a collection.

        Changes the name and/or the metadata of a collection.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            collection_id: The collection to change.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            name: New name.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
            body={"name": name, "metadata": metadata},
            options=options,
        )

    @endpoint
    def delete(
        self, collection_id: str, *, app_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> Call[Deleted]:
        """Delete a collection.

        Removes the collection together with every document in it.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}``

        Args:
            collection_id: The collection to remove.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
        """
        return Call(
            _DELETE,
            path={"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
            options=options,
        )
