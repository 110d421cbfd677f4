# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them.

`Documents` and `AsyncDocuments` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from functools import cached_property
from typing import cast

import httpx
from pydantic import TypeAdapter

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
from honcho_client.types.document import Document
from honcho_client.types.page_document import PageDocument

__all__ = ["AsyncDocuments", "AsyncDocumentsRaw", "Documents", "DocumentsRaw"]

_QUERY_RESULT: TypeAdapter[list[Document]] = TypeAdapter(list[Document])

_LIST = Operation(
    name="apps.users.collections.documents.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/list",
    path_params=("app_id", "user_id", "collection_id"),
    query=(
        Field("reverse", ("boolean",), nullable=True),
        Field("page", ("integer",), minimum=1),
        Field("size", ("integer",), minimum=1, maximum=100),
    ),
    body=Schema("DocumentGet", (Field("filter", ("object",), nullable=True),)),
    safe=True,
    response="page",
    parse=PageDocument.model_validate_json,
)

_GET = Operation(
    name="apps.users.collections.documents.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params=("app_id", "user_id", "collection_id", "document_id"),
    query=(),
    body=None,
    safe=True,
    response="model",
    parse=Document.model_validate_json,
)

_UPDATE = Operation(
    name="apps.users.collections.documents.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params=("app_id", "user_id", "collection_id", "document_id"),
    query=(),
    body=Schema(
        "DocumentUpdate",
        (
            Field("metadata", ("object",), nullable=True, max_properties=10000),
            Field("content", ("string",), nullable=True, min_length=1, max_length=100000),
        ),
    ),
    safe=True,
    response="model",
    parse=Document.model_validate_json,
)

_DELETE = Operation(
    name="apps.users.collections.documents.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}",
    path_params=("app_id", "user_id", "collection_id", "document_id"),
    query=(),
    body=None,
    safe=True,
    response="json",
    parse=parse_json,
)

_QUERY = Operation(
    name="apps.users.collections.documents.query",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/query",
    path_params=("app_id", "user_id", "collection_id"),
    query=(),
    body=Schema(
        "DocumentQuery",
        (
            Field("query", ("string",), required=True, min_length=1, max_length=1000),
            Field("filter", ("object",), nullable=True),
            Field("top_k", ("integer",), minimum=1, maximum=50),
        ),
    ),
    safe=True,
    response="model",
    parse=_QUERY_RESULT.validate_json,
)

_CREATE = Operation(
    name="apps.users.collections.documents.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents",
    path_params=("app_id", "user_id", "collection_id"),
    query=(),
    body=Schema(
        "DocumentCreate",
        (
            Field("content", ("string",), required=True, min_length=1, max_length=100000),
            Field("metadata", ("object",)),
        ),
    ),
    safe=False,
    response="model",
    parse=Document.model_validate_json,
)


class Documents(SyncAPIResource):
    """`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them."""

    @cached_property
    def with_raw_response(self) -> DocumentsRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return DocumentsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> DocumentsRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return DocumentsRaw(self, stream=True)

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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> SyncPage[Document]:
        """List documents.

        Returns one page of the documents stored in the collection. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return cast(
            "SyncPage[Document]",
            self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
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
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Fetch a document.

        Returns a single document of the collection.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to return.
        """
        return cast(
            "Document",
            self._client._request(
                _GET,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
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
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        metadata: Mapping[str, object] | None | Omit = omit,
        content: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Edit a document.

        Changes a document's text and/or its metadata.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to change.
            metadata: New metadata object (at most 10000 keys).
            content: New text, 1 to 100000 characters.
        """
        return cast(
            "Document",
            self._client._request(
                _UPDATE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
                },
                None,
                {"metadata": metadata, "content": content},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def delete(
        self,
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a document.

        Removes one document from the collection.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to remove.
        """
        return cast(
            "object",
            self._client._request(
                _DELETE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
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

    def query(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        query: str,
        filter: Mapping[str, object] | None | Omit = omit,
        top_k: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> builtins.list[Document]:
        """Search documents.

        Semantic search over the collection: documents are ranked by the cosine similarity of their embeddings to the query text, and the best matches are returned.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/query``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            query: Text to search for, 1 to 1000 characters.
            filter: Only return items whose metadata matches this object.
            top_k: Largest number of documents to return (1 to 50).
        """
        return cast(
            "builtins.list[Document]",
            self._client._request(
                _QUERY,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"query": query, "filter": filter, "top_k": top_k},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    def create(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Create a document.

        Stores a piece of text in the collection, together with a vector embedding of it that later searches use.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            content: Text to store and embed, 1 to 100000 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Document",
            self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"content": content, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class DocumentsRaw:
    """`client.apps.users.collections.documents` methods returning `APIResponse` objects."""

    def __init__(self, resource: Documents, *, stream: bool) -> None:
        self.list = response_wrapper(resource.list, stream=stream)
        self.get = response_wrapper(resource.get, stream=stream)
        self.update = response_wrapper(resource.update, stream=stream)
        self.delete = response_wrapper(resource.delete, stream=stream)
        self.query = response_wrapper(resource.query, stream=stream)
        self.create = response_wrapper(resource.create, stream=stream)


class AsyncDocuments(AsyncAPIResource):
    """`client.apps.users.collections.documents`: the documents of a collection, and similarity search over them."""

    @cached_property
    def with_raw_response(self) -> AsyncDocumentsRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncDocumentsRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncDocumentsRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncDocumentsRaw(self, stream=True)

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
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> AsyncPaginator[Document]:
        """List documents.

        Returns one page of the documents stored in the collection. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/list``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order.
            page: Which page to return, counting from 1.
            size: How many items a page holds (1 to 100).
        """
        return AsyncPaginator(
            lambda: self._client._request(
                _LIST,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
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
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Fetch a document.

        Returns a single document of the collection.

        ``GET /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to return.
        """
        return cast(
            "Document",
            await self._client._request(
                _GET,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
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
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        metadata: Mapping[str, object] | None | Omit = omit,
        content: str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Edit a document.

        Changes a document's text and/or its metadata.

        ``PUT /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to change.
            metadata: New metadata object (at most 10000 keys).
            content: New text, 1 to 100000 characters.
        """
        return cast(
            "Document",
            await self._client._request(
                _UPDATE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
                },
                None,
                {"metadata": metadata, "content": content},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def delete(
        self,
        document_id: str,
        *,
        app_id: str,
        user_id: str,
        collection_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Delete a document.

        Removes one document from the collection.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/{document_id}``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            document_id: The document to remove.
        """
        return cast(
            "object",
            await self._client._request(
                _DELETE,
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "collection_id": collection_id,
                    "document_id": document_id,
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

    async def query(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        query: str,
        filter: Mapping[str, object] | None | Omit = omit,
        top_k: int | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> builtins.list[Document]:
        """Search documents.

        Semantic search over the collection: documents are ranked by the cosine similarity of their embeddings to the query text, and the best matches are returned.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents/query``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            query: Text to search for, 1 to 1000 characters.
            filter: Only return items whose metadata matches this object.
            top_k: Largest number of documents to return (1 to 50).
        """
        return cast(
            "builtins.list[Document]",
            await self._client._request(
                _QUERY,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"query": query, "filter": filter, "top_k": top_k},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )

    async def create(
        self,
        collection_id: str,
        *,
        app_id: str,
        user_id: str,
        content: str,
        metadata: Mapping[str, object] | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> Document:
        """Create a document.

        Stores a piece of text in the collection, together with a vector embedding of it that later searches use.

        ``POST /v1/apps/{app_id}/users/{user_id}/collections/{collection_id}/documents``

        Args:
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            collection_id: The collection the request is about.
            content: Text to store and embed, 1 to 100000 characters.
            metadata: Free-form JSON object for your own data.
        """
        return cast(
            "Document",
            await self._client._request(
                _CREATE,
                {"app_id": app_id, "user_id": user_id, "collection_id": collection_id},
                None,
                {"content": content, "metadata": metadata},
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncDocumentsRaw:
    """`client.apps.users.collections.documents` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncDocuments, *, stream: bool) -> None:
        self.list = async_response_wrapper(resource.list, stream=stream)
        self.get = async_response_wrapper(resource.get, stream=stream)
        self.update = async_response_wrapper(resource.update, stream=stream)
        self.delete = async_response_wrapper(resource.delete, stream=stream)
        self.query = async_response_wrapper(resource.query, stream=stream)
        self.create = async_response_wrapper(resource.create, stream=stream)
