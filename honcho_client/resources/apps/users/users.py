# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps.users`: the users of an app."""

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
from honcho_client.types.user import User
from honcho_client.types.user_create import UserCreate
from honcho_client.types.user_get import UserGet
from honcho_client.types.user_update import UserUpdate

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.collections.collections import Collections
    from honcho_client.resources.apps.users.metamessages import Metamessages
    from honcho_client.resources.apps.users.sessions.sessions import Sessions

__all__ = ["Users"]

_GET: Operation[User] = Operation(
    name="apps.users.get",
    method="GET",
    path="/v1/apps/{app_id}/users",
    path_params={"app_id": str},
    query={"user_id": str | None},
    safe=True,
    parse=User.model_validate_json,
)

_CREATE: Operation[User] = Operation(
    name="apps.users.create",
    method="POST",
    path="/v1/apps/{app_id}/users",
    path_params={"app_id": str},
    body=UserCreate,
    safe=False,
    parse=User.model_validate_json,
)

_LIST: Operation[Page[User]] = Operation(
    name="apps.users.list",
    method="POST",
    path="/v1/apps/{app_id}/users/list",
    path_params={"app_id": str},
    query={
        "reverse": bool,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=UserGet,
    safe=True,
    parse=Page[User].model_validate_json,
)

_GET_BY_NAME: Operation[User] = Operation(
    name="apps.users.get_by_name",
    method="GET",
    path="/v1/apps/{app_id}/users/name/{name}",
    path_params={"app_id": str, "name": str},
    safe=True,
    parse=User.model_validate_json,
)

_GET_OR_CREATE: Operation[User] = Operation(
    name="apps.users.get_or_create",
    method="GET",
    path="/v1/apps/{app_id}/users/get_or_create/{name}",
    path_params={"app_id": str, "name": str},
    safe=True,
    parse=User.model_validate_json,
)

_UPDATE: Operation[User] = Operation(
    name="apps.users.update",
    method="PUT",
    path="/v1/apps/{app_id}/users/{user_id}",
    path_params={"app_id": str, "user_id": str},
    body=UserUpdate,
    safe=True,
    parse=User.model_validate_json,
)


class Users(Resource[C, W]):
    """`client.apps.users`: the users of an app."""

    @cached_property
    def sessions(self) -> Sessions[C, W]:
        """`client.apps.users.sessions`: a user's conversations, and the dialectic chat about the user."""
        from honcho_client.resources.apps.users.sessions.sessions import Sessions

        return Sessions(self)

    @cached_property
    def metamessages(self) -> Metamessages[C, W]:
        """`client.apps.users.metamessages`: a user's metamessages: notes about the user, optionally tied to a session and message."""
        from honcho_client.resources.apps.users.metamessages import Metamessages

        return Metamessages(self)

    @cached_property
    def collections(self) -> Collections[C, W]:
        """`client.apps.users.collections`: a user's named collections of documents."""
        from honcho_client.resources.apps.users.collections.collections import Collections

        return Collections(self)

    @cached_property
    def with_raw_response(self) -> Users[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Users(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Users[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Users(self, Streaming)

    @endpoint
    def get(
        self, app_id: str, *, user_id: str | None | Omit = omit, **options: Unpack[RequestOptions]
    ) -> Call[User]:
        """Fetch a user.

        Returns one user of the app. Use the `user_id` query parameter to name it explicitly; leave it out to get the user the bearer token is for.

        ``GET /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            user_id: User to return. Defaults to the user the bearer token is for.
        """
        return Call(_GET, path={"app_id": app_id}, query={"user_id": user_id}, options=options)

    @endpoint
    def create(
        self,
        app_id: str,
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[User]:
        """Create a user.

        Adds a new user to the app.

        ``POST /v1/apps/{app_id}/users``

        Args:
            app_id: The app that owns the resource.
            name: Name for the user, 1 to 100 characters.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(
            _CREATE,
            path={"app_id": app_id},
            body={"name": name, "metadata": metadata},
            options=options,
        )

    @page_endpoint
    def list(
        self,
        app_id: str,
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[User]]:
        """List users.

        Returns one page of the app's users. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/{app_id}/users/list``

        Args:
            app_id: The app that owns the resource.
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            path={"app_id": app_id},
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter},
            options=options,
        )

    @endpoint
    def get_by_name(
        self, name: str, *, app_id: str, **options: Unpack[RequestOptions]
    ) -> Call[User]:
        """Fetch a user by name.

        Looks a user of the app up by name instead of ID.

        ``GET /v1/apps/{app_id}/users/name/{name}``

        Args:
            name: The user's name.
            app_id: The app that owns the resource.
        """
        return Call(_GET_BY_NAME, path={"app_id": app_id, "name": name}, options=options)

    @endpoint
    def get_or_create(
        self, name: str, *, app_id: str, **options: Unpack[RequestOptions]
    ) -> Call[User]:
        """Fetch or create a user by name.

        Returns the app's user with this name; if there is none yet, it is created first.

        ``GET /v1/apps/{app_id}/users/get_or_create/{name}``

        Args:
            name: Name to look for; a new user gets this name if none matches.
            app_id: The app that owns the resource.
        """
        return Call(_GET_OR_CREATE, path={"app_id": app_id, "name": name}, options=options)

    @endpoint
    def update(
        self,
        user_id: str,
        *,
        app_id: str,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[User]:
        """Edit a user.

        Changes the name and/or the metadata of a user.

        ``PUT /v1/apps/{app_id}/users/{user_id}``

        Args:
            user_id: The user to change.
            app_id: The app that owns the resource.
            name: New name.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={"app_id": app_id, "user_id": user_id},
            body={"name": name, "metadata": metadata},
            options=options,
        )
