# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.keys`: API keys, optionally scoped to an app, user, session or collection."""

from __future__ import annotations

from datetime import datetime
from functools import cached_property

from typing_extensions import Unpack

from honcho_client._client.resource import C, Raw, Resource, Streaming, W, endpoint
from honcho_client._core.operation import Call, Operation
from honcho_client._core.options import RequestOptions
from honcho_client._core.sentinels import Omit, omit
from honcho_client.types.key_created import KeyCreated

__all__ = ["Keys"]

_CREATE: Operation[KeyCreated] = Operation(
    name="keys.create",
    method="POST",
    path="/v1/keys",
    query={
        "app_id": str | None,
        "user_id": str | None,
        "session_id": str | None,
        "collection_id": str | None,
        "expires_at": datetime | None,
    },
    safe=False,
    parse=KeyCreated.model_validate_json,
)


class Keys(Resource[C, W]):
    """`client.keys`: API keys, optionally scoped to an app, user, session or collection."""

    @cached_property
    def with_raw_response(self) -> Keys[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Keys(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Keys[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Keys(self, Streaming)

    @endpoint
    def create(
        self,
        *,
        app_id: str | None | Omit = omit,
        user_id: str | None | Omit = omit,
        session_id: str | None | Omit = omit,
        collection_id: str | None | Omit = omit,
        expires_at: datetime | str | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[KeyCreated]:
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
        return Call(
            _CREATE,
            query={
                "app_id": app_id,
                "user_id": user_id,
                "session_id": session_id,
                "collection_id": collection_id,
                "expires_at": expires_at,
            },
            options=options,
        )
