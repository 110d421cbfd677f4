# Generated from openapi.yaml by `python -m codegen`. Do not edit: change the spec or the templates.
"""`client`: the root of the resource tree, which the clients derive from."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from honcho_client._client.resource import C, Raw, Resource, Streaming, W

if TYPE_CHECKING:
    from honcho_client.resources.apps.apps import Apps
    from honcho_client.resources.keys import Keys

__all__ = ["HonchoResources"]


class HonchoResources(Resource[C, W]):
    """`client`: the root of the resource tree, which the clients derive from."""

    @cached_property
    def apps(self) -> Apps[C, W]:
        """`client.apps`: the apps of an account."""
        from honcho_client.resources.apps.apps import Apps

        return Apps(self)

    @cached_property
    def keys(self) -> Keys[C, W]:
        """`client.keys`: API keys, optionally scoped to an app, user, session or collection."""
        from honcho_client.resources.keys import Keys

        return Keys(self)

    @cached_property
    def with_raw_response(self) -> HonchoResources[C, Raw]:
        """The same resources, returning the response (body read) instead of the result."""
        return HonchoResources(self, Raw)

    @cached_property
    def with_streaming_response(self) -> HonchoResources[C, Streaming]:
        """The same resources, returning the response with the body not yet read."""
        return HonchoResources(self, Streaming)
