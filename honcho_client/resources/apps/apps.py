# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client.apps`: the apps of an account."""

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
from honcho_client.types.app import App
from honcho_client.types.app_create import AppCreate
from honcho_client.types.app_get import AppGet
from honcho_client.types.app_update import AppUpdate

if TYPE_CHECKING:
    from honcho_client.resources.apps.users.users import Users

__all__ = ["Apps"]

_GET: Operation[App] = Operation(
    name="apps.get",
    method="GET",
    path="/v1/apps",
    query={"app_id": str | None},
    safe=True,
    parse=App.model_validate_json,
)

_CREATE: Operation[App] = Operation(
    name="apps.create",
    method="POST",
    path="/v1/apps",
    body=AppCreate,
    safe=False,
    parse=App.model_validate_json,
)

_LIST: Operation[Page[App]] = Operation(
    name="apps.list",
    method="POST",
    path="/v1/apps/list",
    query={
        "reverse": bool | None,
        "page": Annotated[int, Field(ge=1)],
        "size": Annotated[int, Field(ge=1, le=100)],
    },
    body=AppGet,
    safe=True,
    parse=Page[App].model_validate_json,
)

_GET_BY_NAME: Operation[App] = Operation(
    name="apps.get_by_name",
    method="GET",
    path="/v1/apps/name/{name}",
    path_params={"name": str},
    safe=True,
    parse=App.model_validate_json,
)

_GET_OR_CREATE: Operation[App] = Operation(
    name="apps.get_or_create",
    method="GET",
    path="/v1/apps/get_or_create/{name}",
    path_params={"name": str},
    safe=True,
    parse=App.model_validate_json,
)

_UPDATE: Operation[App] = Operation(
    name="apps.update",
    method="PUT",
    path="/v1/apps/{app_id}",
    path_params={"app_id": str},
    body=AppUpdate,
    safe=True,
    parse=App.model_validate_json,
)


class Apps(Resource[C, W]):
    """`client.apps`: the apps of an account."""

    @cached_property
    def users(self) -> Users[C, W]:
        """`client.apps.users`: the users of an app."""
        from honcho_client.resources.apps.users.users import Users

        return Users(self)

    @cached_property
    def with_raw_response(self) -> Apps[C, Raw]:
        """The same methods, returning the response (body read) instead of the result."""
        return Apps(self, Raw)

    @cached_property
    def with_streaming_response(self) -> Apps[C, Streaming]:
        """The same methods, returning the response with the body not yet read."""
        return Apps(self, Streaming)

    @endpoint
    def get(
        self, *, app_id: str | None | Omit = omit, **options: Unpack[RequestOptions]
    ) -> Call[App]:
        """Fetch an app.

        Returns one app. Use the `app_id` query parameter to name it explicitly (it has to agree with the app the bearer token is for); leave it out to get the token's own app.

        ``GET /v1/apps``

        Args:
            app_id: App to return. Defaults to the app the bearer token is for.
        """
        return Call(_GET, query={"app_id": app_id}, options=options)

    @endpoint
    def create(
        self,
        *,
        name: str,
        metadata: Mapping[str, object] | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[App]:
        """Create an app.

        Registers a new app, the top-level container for users and everything they own.

        ``POST /v1/apps``

        Args:
            name: Name for the app, 1 to 100 characters.
            metadata: Free-form JSON object for your own data. Server default: `{}`.
        """
        return Call(_CREATE, body={"name": name, "metadata": metadata}, options=options)

    @page_endpoint
    def list(
        self,
        *,
        filter: Mapping[str, object] | None | Omit = omit,
        reverse: bool | None | Omit = omit,
        page: int | Omit = omit,
        size: int | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[Page[App]]:
        """List apps.

        Returns one page of apps. An optional body narrows the result with a metadata filter.

        ``POST /v1/apps/list``

        Args:
            filter: Only return items whose metadata matches this object.
            reverse: Set to true to get the results in reverse order. Server default: `false`.
            page: Which page to return, counting from 1. Server default: `1`.
            size: How many items a page holds (1 to 100). Server default: `50`.
        """
        return Call(
            _LIST,
            query={"reverse": reverse, "page": page, "size": size},
            body={"filter": filter},
            options=options,
        )

    @endpoint
    def get_by_name(self, name: str, **options: Unpack[RequestOptions]) -> Call[App]:
        """Fetch an app by name.

        Looks an app up by its name instead of its ID.

        ``GET /v1/apps/name/{name}``

        Args:
            name: The app's name.
        """
        return Call(_GET_BY_NAME, path={"name": name}, options=options)

    @endpoint
    def get_or_create(self, name: str, **options: Unpack[RequestOptions]) -> Call[App]:
        """Fetch or create an app by name.

        Returns the app with this name; if there is none yet, it is created first.

        ``GET /v1/apps/get_or_create/{name}``

        Args:
            name: Name to look for; a new app gets this name if none matches.
        """
        return Call(_GET_OR_CREATE, path={"name": name}, options=options)

    @endpoint
    def update(
        self,
        app_id: str,
        *,
        name: str | None | Omit = omit,
        metadata: Mapping[str, object] | None | Omit = omit,
        **options: Unpack[RequestOptions],
    ) -> Call[App]:
        """Edit an app.

        Changes the name and/or the metadata of an app.

        ``PUT /v1/apps/{app_id}``

        Args:
            app_id: The app to change.
            name: New name.
            metadata: New metadata object.
        """
        return Call(
            _UPDATE,
            path={"app_id": app_id},
            body={"name": name, "metadata": metadata},
            options=options,
        )
