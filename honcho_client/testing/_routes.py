"""The 41 operations of Honcho API 1.1.0 and how a path finds one, as the real server routes.

The table is in the server's registration order, which decides two things: the first route
whose path fits answers a method it does not serve with 405 and its own method in ``Allow``,
and a path that fits no route is redirected (307) when it fits one without (or with) a
trailing slash.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Final

from pydantic import BaseModel

from . import _handlers as h
from ._call import Handler
from ._http import ApiError
from ._models import query_model

_PAGE: Final = ("page", "size", "reverse")


@dataclass(frozen=True)
class Route:
    """One operation: method, path template, handler and what to validate and authorize."""

    method: str
    template: str
    handler: Handler
    body: str | None = None  # name of the request model in honcho_client.types
    optional_body: bool = False
    query: tuple[str, ...] = ()  # the query parameters, in validation order
    auth: tuple[str, ...] = ()  # the ids a scoped key is checked against
    admin_only: bool = False
    pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        regex = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", self.template)
        object.__setattr__(self, "pattern", re.compile(f"^{regex}$"))

    def match(self, path: str) -> dict[str, str] | None:
        """The path parameters if the decoded ``path`` fits this template, else ``None``."""
        found = self.pattern.match(path)
        return found.groupdict() if found else None

    @property
    def query_model(self) -> type[BaseModel] | None:
        return query_model(*self.query) if self.query else None


_APP = "/v1/apps/{app_id}"
_USER = f"{_APP}/users/{{user_id}}"
_SESSION = f"{_USER}/sessions/{{session_id}}"
_COLLECTION = f"{_USER}/collections/{{collection_id}}"
_APP_USER = ("app_id", "user_id")
_IN_SESSION = ("app_id", "user_id", "session_id")
_IN_COLLECTION = ("app_id", "user_id", "collection_id")


def _list(template: str, handler: Handler, body: str, auth: tuple[str, ...]) -> Route:
    return Route("POST", template, handler, body, True, _PAGE, auth)


ROUTES: Final[tuple[Route, ...]] = (
    # apps
    Route("GET", "/v1/apps", h.get_app, query=("app_id",)),
    Route("POST", "/v1/apps/list", h.list_apps, "AppGet", True, _PAGE, admin_only=True),
    Route("GET", "/v1/apps/name/{name}", h.get_app_by_name, admin_only=True),
    Route("POST", "/v1/apps", h.create_app, "AppCreate", admin_only=True),
    Route("GET", "/v1/apps/get_or_create/{name}", h.get_or_create_app, admin_only=True),
    Route("PUT", _APP, h.update_app, "AppUpdate", auth=("app_id",)),
    # users
    Route("POST", f"{_APP}/users", h.create_user, "UserCreate", auth=_APP_USER),
    _list(f"{_APP}/users/list", h.list_users, "UserGet", _APP_USER),
    Route("GET", f"{_APP}/users", h.get_user, query=("user_id",)),
    Route("GET", f"{_APP}/users/name/{{name}}", h.get_user_by_name, auth=("app_id",)),
    Route("GET", f"{_APP}/users/get_or_create/{{name}}", h.get_or_create_user, auth=("app_id",)),
    Route("PUT", _USER, h.update_user, "UserUpdate", auth=_APP_USER),
    # sessions
    Route("GET", f"{_USER}/sessions", h.get_session, query=("session_id",)),
    _list(f"{_USER}/sessions/list", h.list_sessions, "SessionGet", _APP_USER),
    Route("POST", f"{_USER}/sessions", h.create_session, "SessionCreate", auth=_APP_USER),
    Route("PUT", _SESSION, h.update_session, "SessionUpdate", auth=_IN_SESSION),
    Route("DELETE", _SESSION, h.delete_session, auth=_IN_SESSION),
    Route("POST", f"{_SESSION}/chat", h.chat, "DialecticOptions", auth=_IN_SESSION),
    Route(
        "GET",
        f"{_SESSION}/clone",
        h.clone_session,
        query=("message_id", "deep_copy"),
        auth=_IN_SESSION,
    ),
    # messages
    Route("POST", f"{_SESSION}/messages", h.create_message, "MessageCreate", auth=_IN_SESSION),
    Route(
        "POST",
        f"{_SESSION}/messages/batch",
        h.create_messages,
        "MessageBatchCreate",
        auth=_IN_SESSION,
    ),
    _list(f"{_SESSION}/messages/list", h.list_messages, "MessageGet", _IN_SESSION),
    Route("GET", f"{_SESSION}/messages/{{message_id}}", h.get_message, auth=_IN_SESSION),
    Route(
        "PUT",
        f"{_SESSION}/messages/{{message_id}}",
        h.update_message,
        "MessageUpdate",
        auth=_IN_SESSION,
    ),
    # metamessages
    Route(
        "POST", f"{_USER}/metamessages", h.create_metamessage, "MetamessageCreate", auth=_APP_USER
    ),
    _list(f"{_USER}/metamessages/list", h.list_metamessages, "MetamessageGet", _APP_USER),
    Route("GET", f"{_USER}/metamessages/{{metamessage_id}}", h.get_metamessage, auth=_APP_USER),
    Route(
        "PUT",
        f"{_USER}/metamessages/{{metamessage_id}}",
        h.update_metamessage,
        "MetamessageUpdate",
        auth=_APP_USER,
    ),
    # collections
    Route("GET", f"{_USER}/collections", h.get_collection, query=("collection_id",)),
    _list(f"{_USER}/collections/list", h.list_collections, "CollectionGet", _APP_USER),
    Route("GET", f"{_USER}/collections/name/{{name}}", h.get_collection_by_name, auth=_APP_USER),
    Route("POST", f"{_USER}/collections", h.create_collection, "CollectionCreate", auth=_APP_USER),
    Route("PUT", _COLLECTION, h.update_collection, "CollectionUpdate", auth=_IN_COLLECTION),
    Route("DELETE", _COLLECTION, h.delete_collection, auth=_IN_COLLECTION),
    # documents
    _list(f"{_COLLECTION}/documents/list", h.list_documents, "DocumentGet", _IN_COLLECTION),
    Route("GET", f"{_COLLECTION}/documents/{{document_id}}", h.get_document, auth=_IN_COLLECTION),
    Route(
        "POST",
        f"{_COLLECTION}/documents/query",
        h.query_documents,
        "DocumentQuery",
        auth=_IN_COLLECTION,
    ),
    Route(
        "POST", f"{_COLLECTION}/documents", h.create_document, "DocumentCreate", auth=_IN_COLLECTION
    ),
    Route(
        "PUT",
        f"{_COLLECTION}/documents/{{document_id}}",
        h.update_document,
        "DocumentUpdate",
        auth=_IN_COLLECTION,
    ),
    Route(
        "DELETE", f"{_COLLECTION}/documents/{{document_id}}", h.delete_document, auth=_IN_COLLECTION
    ),
    # keys
    Route(
        "POST",
        "/v1/keys",
        h.create_key,
        query=("app_id", "user_id", "session_id", "collection_id", "expires_at"),
        admin_only=True,
    ),
)


def resolve(method: str, path: str) -> tuple[Route, dict[str, str]]:
    """The first route serving ``method`` at the decoded ``path``, else a 405 or 404 error.

    A 405 names in ``Allow`` the method of the first route whose path fits.
    """
    route, params = _resolve(method, path)
    return route, dict(params)


@functools.lru_cache(maxsize=4096)
def _resolve(method: str, path: str) -> tuple[Route, tuple[tuple[str, str], ...]]:
    partial: Route | None = None
    for route in ROUTES:
        params = route.match(path)
        if params is None:
            continue
        if route.method == method:
            return route, tuple(params.items())
        partial = partial or route
    if partial is not None:
        raise ApiError(405, "Method Not Allowed", (("allow", partial.method),))
    raise ApiError(404, "Not Found")


def slash_redirect(path: str) -> str | None:
    """The path to redirect to when ``path`` fits no route but fits one with(out) a final ``/``."""
    if path == "/":
        return None
    other = path.rstrip("/") if path.endswith("/") else f"{path}/"
    if any(route.match(other) is not None for route in ROUTES):
        return other
    return None


def template_of(method: str, path: str) -> str | None:
    """The template of the route serving ``method`` at the decoded ``path``, if any."""
    try:
        return resolve(method.upper(), path)[0].template
    except ApiError:
        return None
