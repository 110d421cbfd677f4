# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Annotated

from pydantic import Field
from typing_extensions import Unpack

from honcho_client._client.resource import C, Raw, Resource, Streaming, W, endpoint, page_endpoint
from honcho_client._core.operation import Call, Operation
from honcho_client._core.options import RequestOptions
from honcho_client._core.page import Page
from honcho_client._core.sentinels import Omit, omit
from honcho_client.types.metamessage import Metamessage
from honcho_client.types.metamessage_create import MetamessageCreate
from honcho_client.types.metamessage_get import MetamessageGet
from honcho_client.types.metamessage_update import MetamessageUpdate

__all__ = ["Metamessages"]

_CREATE: Operation[Metamessage] = Operation(
    name="apps.users.metamessages.create",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages",
    path_params={"app_id": str, "user_id": str},
    body=MetamessageCreate,
    safe=False,
    parse=Metamessage.model_validate_json,
)

_LIST: Operation[Page[Metamessage]] = Operation(
    name="apps.users.metamessages.list",
    method="POST",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/list",
    path_params={"app_id": str, "user_id": str},
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=MetamessageGet,
    safe=True,
    parse=Page[Metamessage].model_validate_json,
)

_GET: Operation[Metamessage] = Operation(
    name="apps.users.metamessages.get",
    method="GET",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}",
    path_params={"app_id": str, "user_id": str, "metamessage_id": str},
    safe=True,
    parse=Metamessage.model_validate_json,
)

_UPDATE: Operation[Metamessage] = Operation(
    name="apps.users.metamessages.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}",
    path_params={"app_id": str, "user_id": str, "metamessage_id": str},
    body=MetamessageUpdate,
    safe=True,
    parse=Metamessage.model_validate_json,
)


class Metamessages(Resource[C, W]):
    """`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message."""

    @cached_property
    def with_raw_response(self) -> Metamessages[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Metamessages(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Metamessages[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Metamessages(self, Streaming)

    @endpoint
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
        **options: Unpack[RequestOptions],
    ) -> Call[Metamessage]:
        """Create a metamessage.

        Stores a metamessage (data about the conversation, such as notes or derived facts) for the user. It can be attached to a session, and to a message in it, by putting their IDs in the body.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            metamessage_type: Kind of metamessage, 1 to 50 characters.
            content: Body of the metamessage, up to 50000 characters.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id, "user_id": user_id},
            body={
                "metamessage_type": metamessage_type,
                "content": content,
                "session_id": session_id,
                "message_id": message_id,
                "metadata": metadata,
            },
            options=options,
        )

    @page_endpoint
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
        **options: Unpack[RequestOptions],
    ) -> Call[Page[Metamessage]]:
        """List metamessages.

        Returns one page of the user's metamessages. Without a body every metamessage of the user is listed; the body can narrow that down by session, by message, by metamessage type and by a metadata filter, in any combination.

        ``POST /v1/apps/{app_id}/users/{user_id}/metamessages/list``

        Args:
            user_id: The user that owns the resource.
            app_id: The app that owns the resource.
            metamessage_type: Only metamessages of this kind.
            session_id: Only metamessages attached to this session.
            message_id: Only metamessages attached to this message.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id, "user_id": user_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={
                "metamessage_type": metamessage_type,
                "session_id": session_id,
                "message_id": message_id,
                "filter": filter,
            },
            options=options,
        )

    @endpoint
    def get(
        self, metamessage_id: str, *, app_id: str, user_id: str, **options: Unpack[RequestOptions]
    ) -> Call[Metamessage]:
        """Fetch a metamessage.

        Returns a single metamessage of the user.

        ``GET /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            metamessage_id: The metamessage to return.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
        """
        return Call(
            _GET,
            path={"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
            options=options,
        )

    @endpoint
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
        **options: Unpack[RequestOptions],
    ) -> Call[Metamessage]:
        """Edit a metamessage.

        Changes a metamessage's type or metadata, or the session and message it is attached to.

        ``PUT /v1/apps/{app_id}/users/{user_id}/metamessages/{metamessage_id}``

        Args:
            metamessage_id: The metamessage to change.
            app_id: The app that owns the resource.
            user_id: The user that owns the resource.
            session_id: Session to attach it to.
            message_id: Message to attach it to.
            metamessage_type: New kind.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={"app_id": app_id, "user_id": user_id, "metamessage_id": metamessage_id},
            body={
                "session_id": session_id,
                "message_id": message_id,
                "metamessage_type": metamessage_type,
                "metadata": metadata,
            },
            options=options,
        )
