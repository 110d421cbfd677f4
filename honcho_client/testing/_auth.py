"""Optional bearer-key authentication, modelled on the server's ``USE_AUTH`` mode.

Keys passed to ``FakeHoncho(api_keys=...)`` and unscoped keys from ``POST /v1/keys`` are
admin keys. A scoped key grants a request when one of its ids (app, user, session,
collection) equals the same id in the request's path or query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ._http import ApiError
from ._store import KeyScope, Store

SCOPE_FIELDS = ("app_id", "user_id", "session_id", "collection_id")
_ADMIN = KeyScope()


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any."""
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


class Authenticator:
    """Resolves bearer tokens to scopes and enforces them when auth is required."""

    def __init__(self, store: Store, admin_keys: Iterable[str], required: bool) -> None:
        self.store = store
        self.admin_keys = frozenset(admin_keys)
        self.required = required

    def scope(self, token: str | None) -> KeyScope | None:
        """The scope of a known token (admin keys have an empty scope), else ``None``."""
        if token is None:
            return None
        if token in self.admin_keys:
            return _ADMIN
        return self.store.keys.get(token)

    def authorize(self, token: str | None, ids: Mapping[str, str | None], admin_only: bool) -> None:
        """Raise a 401 :class:`ApiError` unless ``token`` may access a route with these ids."""
        if not self.required:
            return
        if token is None:
            raise ApiError(401, "No access token provided")
        scope = self.scope(token)
        if scope is None:
            raise ApiError(401, "Invalid JWT")
        if scope.expired():
            raise ApiError(401, "JWT expired")
        if scope.is_admin:
            return
        if admin_only:
            raise ApiError(401, "Resource requires admin privileges")
        for name in SCOPE_FIELDS:
            granted = getattr(scope, name)
            if granted and ids.get(name) == granted:
                return
        raise ApiError(401, "JWT not permissioned for this resource")
