# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field
from typing_extensions import Unpack

from honcho_client._client.resource import (
    C,
    Raw,
    Resource,
    Streaming,
    W,
    endpoint,
    page_endpoint,
    stream_endpoint,
)
from honcho_client._core.operation import Call, Operation
from honcho_client._core.options import RequestOptions
from honcho_client._core.page import Page
from honcho_client._core.sentinels import Omit, omit
from honcho_client.types.deleted import Deleted
from honcho_client.types.dialectic_options import DialecticOptions
from honcho_client.types.dialectic_response import DialecticResponse
from honcho_client.types.session import Session
from honcho_client.types.session_create import SessionCreate
from honcho_client.types.session_get import SessionGet
from honcho_client.types.session_update import SessionUpdate

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.sessions.messages import Messages

__all__ = ["Sessions"]

_GET: Operation[Session] = Operation(
    name="apps.users.sessions.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions",
    path_params={"app_id": str, "user_id": str},
    query={"session_id": str | None},
    safe=True,
    parse=Session.model_validate_json,
)

_CREATE: Operation[Session] = Operation(
    name="apps.users.sessions.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions",
    path_params={"app_id": str, "user_id": str},
    body=SessionCreate,
    safe=False,
    parse=Session.model_validate_json,
)

_LIST: Operation[Page[Session]] = Operation(
    name="apps.users.sessions.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/list",
    path_params={"app_id": str, "user_id": str},
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=SessionGet,
    safe=True,
    parse=Page[Session].model_validate_json,
)

_UPDATE: Operation[Session] = Operation(
    name="apps.users.sessions.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    body=SessionUpdate,
    safe=True,
    parse=Session.model_validate_json,
)

_DELETE: Operation[Deleted] = Operation(
    name="apps.users.sessions.delete",
    method="DELETE",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    safe=True,
    parse=Deleted.model_validate_json,
)

_CHAT: Operation[DialecticResponse] = Operation(
    name="apps.users.sessions.chat",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    body=DialecticOptions,
    safe=False,
    parse=DialecticResponse.model_validate_json,
    accept="application/json, text/event-stream",
    stream_text="content",
)

_CLONE: Operation[Session] = Operation(
    name="apps.users.sessions.clone",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/clone",
    path_params={"app_id": str, "user_id": str, "session_id": str},
    query={"message_id": str | None, "deep_copy": bool},
    safe=False,
    parse=Session.model_validate_json,
)


class Sessions(Resource[C, W]):
    """`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user."""

    @cached_property
    def messages(self) -> Messages[C, W]:
        """`client.apps.users.sessions.messages`: the messages of a session."""
        from honcho_client.resources.apps.users.sessions.messages import Messages

        return Messages(self)

    @cached_property
    def with_raw_response(self) -> Sessions[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Sessions(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Sessions[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Sessions(self, Streaming)

    @endpoint
    def get(
        self,
        user_id: str,
        *,
        app_id: str,
        session_id: str | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Session]:
        """Fetch a session.

        Returns one session of the user. Use the `session_id` query parameter to name it explicitly (it has to agree with the bearer token); leave it out to get the session the token is for.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            session_id: Session to return. Defaults to the session the bearer token is for.
        """
        return Call(
            _GET,
            path={"app_id": app_id, "user_id": user_id},
            query={"session_id": session_id},
            options=options,
        )

    @endpoint
    def create(
        self,
        user_id: str,
        *,
        app_id: str,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Session]:
        """Create a session.

        Starts a new conversation session for the user.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id, "user_id": user_id},
            body={"metadata": metadata},
            options=options,
        )

    @page_endpoint
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
        **options: Unpack[RequestOptions],
    ) -> Call[Page[Session]]:
        """List sessions.

        Returns one page of the user's sessions. An optional body narrows the result by metadata and by whether the session is still active.

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/list``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            filter: Only return items whose metadata matches this object.
            is_active: Set to true to list only sessions that are still active. Server default: `false`.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id, "user_id": user_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter, "is_active": is_active},
            options=options,
        )

    @endpoint
    def update(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        metadata: Mapping[str, object],
        **options: Unpack[RequestOptions],
    ) -> Call[Session]:
        """Edit a session.

        Sets new metadata on a session.

        ``PUT /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            session_id: The session to change.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            body={"metadata": metadata},
            options=options,
        )

    @endpoint
    def delete(
        self, session_id: str, *, app_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> Call[Deleted]:
        """Delete a session.

        Soft-deletes a session: it stays stored but is flagged as no longer active.

        ``DELETE /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}``

        Args:
            session_id: The session to deactivate.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
        """
        return Call(
            _DELETE,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            options=options,
        )

    def _chat(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[False] = False,
        **options: Unpack[RequestOptions],
    ) -> Call[DialecticResponse]:
        """Ask about the user.

        Puts one or more questions to Honcho's dialectic agent, which answers them from what it has learned about this user. With `stream` set, the answer arrives as plain text, in chunks as it is written, rather than as a single JSON object (the content type says `text/event-stream`, but the text carries no Server-Sent Events framing).

        ``POST /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/chat``

        Args:
            session_id: The session the request is about.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            queries: A question, or a list of questions, about the user.
            stream: Stream the answer as plain text, chunk by chunk. Server default: `false`.
        """
        return Call(
            _CHAT,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            body={"queries": queries},
            options=options,
        )

    def _chat_stream(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        queries: str | Sequence[str],
        stream: Literal[True],
        **options: Unpack[RequestOptions],
    ) -> Call[DialecticResponse]:
        return Call(
            _CHAT,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            body={"queries": queries, "stream": stream},
            options=options,
        )

    chat = stream_endpoint(_chat, _chat_stream)

    @endpoint
    def clone(
        self,
        session_id: str,
        *,
        app_id: str,
        user_id: str,
        message_id: str | None | Omit = omit,
        deep_copy: bool | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Session]:
        """Clone a session.

        Copies a session, with its messages, into a new session. Give `message_id` to copy only the conversation up to that message, and `deep_copy` to bring the metamessages along too.

        ``GET /v1/apps/{app_id}/users/{user_id}/sessions/{session_id}/clone``

        Args:
            session_id: The session to copy.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            message_id: Last message to carry over into the copy. Leave out to copy every message.
            deep_copy: Set to true to copy the metamessages as well. Server default: `false`.
        """
        return Call(
            _CLONE,
            path={"app_id": app_id, "user_id": user_id, "session_id": session_id},
            query={"message_id": message_id, "deep_copy": deep_copy},
            options=options,
        )
