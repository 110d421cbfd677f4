# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.keys`: API keys, optionally scoped to an app, user, session or collection.

`Keys` and `AsyncKeys` are rendered from one template, so the two stay
alike; each operation's route, rules and retry safety are in the `Operation` tables below.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import cast

import httpx

from honcho_client._operation import Field, Operation
from honcho_client._parsing import parse_json
from honcho_client._resource import (
    AsyncAPIResource,
    SyncAPIResource,
    async_response_wrapper,
    response_wrapper,
)
from honcho_client._types import Body, Headers, Omit, Query, omit

__all__ = ["AsyncKeys", "AsyncKeysRaw", "Keys", "KeysRaw"]

_CREATE = Operation(
    name="keys.create",
    method="POST",
    path="/v1/keys",
    path_params=(),
    query=(
        Field("app_id", ("string",), nullable=True),
        Field("user_id", ("string",), nullable=True),
        Field("session_id", ("string",), nullable=True),
        Field("collection_id", ("string",), nullable=True),
        Field("expires_at", ("date-time",), nullable=True),
    ),
    body=None,
    safe=False,
    response="json",
    parse=parse_json,
)


class Keys(SyncAPIResource):
    """`client.keys`: API keys, optionally scoped to an app, user, session or collection."""

    @cached_property
    def with_raw_response(self) -> KeysRaw:
        """The same methods, returning the `APIResponse` (body read) instead of the result."""
        return KeysRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> KeysRaw:
        """The same methods, returning the `APIResponse` with the body not yet read."""
        return KeysRaw(self, stream=True)

    def create(
        self,
        *,
        app_id: str | None | Omit = omit,
        user_id: str | None | Omit = omit,
        session_id: str | None | Omit = omit,
        collection_id: str | None | Omit = omit,
        expires_at: datetime | str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Create an API key.

        Issues a new bearer key. The query parameters can limit the key to one app, user, session or collection, and give it an expiry time.

        ``POST /v1/keys``

        Args:
            app_id: Restrict the key to this app.
            user_id: Restrict the key to this user.
            session_id: Restrict the key to this session.
            collection_id: Restrict the key to this collection.
            expires_at: Moment the key stops being accepted (ISO 8601).
        """
        return cast(
            "object",
            self._client._request(
                _CREATE,
                {},
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "collection_id": collection_id,
                    "expires_at": expires_at,
                },
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class KeysRaw:
    """`client.keys` methods returning `APIResponse` objects."""

    def __init__(self, resource: Keys, *, stream: bool) -> None:
        self.create = response_wrapper(resource.create, stream=stream)


class AsyncKeys(AsyncAPIResource):
    """`client.keys`: API keys, optionally scoped to an app, user, session or collection."""

    @cached_property
    def with_raw_response(self) -> AsyncKeysRaw:
        """The same methods, returning the `AsyncAPIResponse` (body read) instead of the result."""
        return AsyncKeysRaw(self, stream=False)

    @cached_property
    def with_streaming_response(self) -> AsyncKeysRaw:
        """The same methods, returning the `AsyncAPIResponse` with the body not yet read."""
        return AsyncKeysRaw(self, stream=True)

    async def create(
        self,
        *,
        app_id: str | None | Omit = omit,
        user_id: str | None | Omit = omit,
        session_id: str | None | Omit = omit,
        collection_id: str | None | Omit = omit,
        expires_at: datetime | str | None | Omit = omit,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | Omit = omit,
        max_retries: int | Omit = omit,
    ) -> object:
        """Create an API key.

        Issues a new bearer key. The query parameters can limit the key to one app, user, session or collection, and give it an expiry time.

        ``POST /v1/keys``

        Args:
            app_id: Restrict the key to this app.
            user_id: Restrict the key to this user.
            session_id: Restrict the key to this session.
            collection_id: Restrict the key to this collection.
            expires_at: Moment the key stops being accepted (ISO 8601).
        """
        return cast(
            "object",
            await self._client._request(
                _CREATE,
                {},
                {
                    "app_id": app_id,
                    "user_id": user_id,
                    "session_id": session_id,
                    "collection_id": collection_id,
                    "expires_at": expires_at,
                },
                None,
                extra_headers,
                extra_query,
                extra_body,
                timeout,
                max_retries,
            ),
        )


class AsyncKeysRaw:
    """`client.keys` methods returning `AsyncAPIResponse` objects."""

    def __init__(self, resource: AsyncKeys, *, stream: bool) -> None:
        self.create = async_response_wrapper(resource.create, stream=stream)
