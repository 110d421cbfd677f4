# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
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
from honcho_client.types.deleted import Deleted
from honcho_client.types.document import Document
from honcho_client.types.document_create import DocumentCreate
from honcho_client.types.document_get import DocumentGet
from honcho_client.types.document_query import DocumentQuery
from honcho_client.types.document_update import DocumentUpdate

__all__ = ["Documents"]

_LIST: Operation[Page[Document]] = Operation(
    name="apps.users.collections.documents.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/list",
    path_params={"app_id": str, "user_id": str, "collection_id": str},
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=DocumentGet,
    safe=True,
    parse=Page[Document].model_validate_json,
)

_GET: Operation[Document] = Operation(
    name="apps.users.collections.documents.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params={"app_id": str, "user_id": str, "collection_id": str, "document_id": str},
    safe=True,
    parse=Document.model_validate_json,
)

_UPDATE: Operation[Document] = Operation(
    name="apps.users.collections.documents.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params={"app_id": str, "user_id": str, "collection_id": str, "document_id": str},
    body=DocumentUpdate,
    safe=True,
    parse=Document.model_validate_json,
)

_DELETE: Operation[Deleted] = Operation(
    name="apps.users.collections.documents.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params={"app_id": str, "user_id": str, "collection_id": str, "document_id": str},
    safe=True,
    parse=Deleted.model_validate_json,
)

_QUERY: Operation[list[Document]] = Operation(
    name="apps.users.collections.documents.query",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/query",
    path_params={"app_id": str, "user_id": str, "collection_id": str},
    body=DocumentQuery,
    safe=True,
    parse=JsonOf[list[Document]](list[Document]),
)

_CREATE: Operation[Document] = Operation(
    name="apps.users.collections.documents.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents",
    path_params={"app_id": str, "user_id": str, "collection_id": str},
    body=DocumentCreate,
    safe=False,
    parse=Document.model_validate_json,
)


class Documents(Resource[C, W]):
    """`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them."""

    @cached_property
    def with_raw_response(self) -> Documents[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Documents(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Documents[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Documents(self, Streaming)

    @page_endpoint
    def list(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[Document]]:
        """List documents.

        Returns one page of the documents stored in the collection. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/list``

        Args:
            collection_id: The collection the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter},
            options=options,
        )

    @endpoint
    def get(
        self,
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        **options: Unpack[RequestOptions],
    ) -> Call[Document]:
        """Fetch a document.

        Returns a single document of the collection.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            document_id: The document to return.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
        """
        return Call(
            _GET,
            path={
                "app_id": app_id,
                "user_id": user_id,
                "collection_id": collection_id,
                "document_id": document_id,
            },
            options=options,
        )

    @endpoint
    def update(
        self,
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        metadata: Mapping[str, object] | None | Omit = omit,
        content: str | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Document]:
        """Edit a document.

        Changes a document's text and/or its metadata.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            document_id: The document to change.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            metadata: New metadata object (at most 10000 keys).
            content: New text, 1 to 100000 characters.
        """
        return Call(
            _UPDATE,
            path={
                "app_id": app_id,
                "user_id": user_id,
                "collection_id": collection_id,
                "document_id": document_id,
            },
            body={"metadata": metadata, "content": content},
            options=options,
        )

    @endpoint
    def delete(
        self,
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        **options: Unpack[RequestOptions],
    ) -> Call[Deleted]:
        """Delete a document.

        Removes one document from the collection.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            document_id: The document to remove.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
        """
        return Call(
            _DELETE,
            path={
                "app_id": app_id,
                "user_id": user_id,
                "collection_id": collection_id,
                "document_id": document_id,
            },
            options=options,
        )

    @endpoint
    def query(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        query: str,
        filter: Mapping[str, object] | None | Omit = omit,
        top_k: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[builtins.list[Document]]:
        """Search documents.

        Semantic search over the collection: documents are ranked by the cosine similarity of their embeddings to the query text, and the best matches are returned.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/query``

        Args:
            collection_id: The collection the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            query: Text to search for, 1 to 1000 characters.
            filter: Only return items whose metadata matches this object.
            top_k: Largest number of documents to return (1 to 50). Server default: `5`.
        """
        return Call(
            _QUERY,
            path={"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
            body={"query": query, "filter": filter, "top_k": top_k},
            options=options,
        )

    @endpoint
    def create(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Document]:
        """Create a document.

        Stores a piece of text in the collection, together with a vector embedding of it that later searches use.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents``

        Args:
            collection_id: The collection the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            content: Text to store and embed, 1 to 100000 characters.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
            body={"content": content, "metadata": metadata},
            options=options,
        )
