"""Optional bearer-key authentication, modelled on the server's ``USE_AUTH`` mode.

Keys passed to ``FakeHoncho(api_keys=...)`` are admin keys. ``POST /v1/keys`` issues
JWT-shaped keys (HS256, signed with a secret of the fake) scoped to an app, user, session
and/or collection. A scoped key grants a route when the session, collection, user or app id
the route names (in its path, or else in its query string) equals the key's.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ._http import ApiError
from ._store import Store

SCOPE_FIELDS = ("app_id", "user_id", "session_id", "collection_id")
_CLAIMS = {"app_id": "ap", "user_id": "us", "session_id": "se", "collection_id": "co"}
_HEADER = {"alg": "HS256", "typ": "JWT"}


@dataclass(frozen=True)
class KeyScope:
    """What a key grants: everything (``admin``) or the resources under the given ids."""

    admin: bool = False
    app_id: str | None = None
    user_id: str | None = None
    session_id: str | None = None
    collection_id: str | None = None
    expires_at: datetime | None = None

    def expired(self) -> bool:
        return self.expires_at is not None and self.expires_at < datetime.now(timezone.utc)


ADMIN = KeyScope(admin=True)


def bearer_token(headers: Mapping[str, str]) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, if any.

    Everything after the first space is the token, as the server reads it: a second space
    makes the token start with one, and it is then not a valid key.
    """
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    return token if scheme.lower() == "bearer" and token else None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _compact(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


class Authenticator:
    """Issues and checks keys; enforces them on each request when auth is required."""

    def __init__(
        self, store: Store, admin_keys: Iterable[str], required: bool, reject_expiring: bool
    ) -> None:
        self.store = store
        self.admin_keys = frozenset(admin_keys)
        self.required = required
        self.reject_expiring = reject_expiring

    # -- keys --------------------------------------------------------------------------

    def issue(self, scope: KeyScope) -> str:
        """A signed key for ``scope`` (claims named like the server's: t, exp, ap, us, se, co)."""
        claims: dict[str, Any] = {"t": self.store.key_stamp}
        if scope.expires_at is not None:
            claims["exp"] = scope.expires_at.isoformat()
        for name, claim in _CLAIMS.items():
            if getattr(scope, name):
                claims[claim] = getattr(scope, name)
        signing_input = f"{_b64(_compact(_HEADER))}.{_b64(_compact(claims))}"
        signature = hmac.new(
            self.store.secret, signing_input.encode("ascii"), hashlib.sha256
        ).digest()
        return f"{signing_input}.{_b64(signature)}"

    def scope_of(self, token: str) -> KeyScope | None:
        """The scope of a valid key, or ``None`` for anything this fake did not issue."""
        if token in self.admin_keys:
            return ADMIN
        try:
            header, payload, signature = token.split(".")
            expected = hmac.new(
                self.store.secret, f"{header}.{payload}".encode("ascii"), hashlib.sha256
            ).digest()
            if not hmac.compare_digest(expected, _unb64(signature)):
                return None
            claims = json.loads(_unb64(payload))
            expires = claims.get("exp")
            return KeyScope(
                admin=bool(claims.get("ad")),
                expires_at=datetime.fromisoformat(expires) if expires else None,
                **{name: claims.get(claim) for name, claim in _CLAIMS.items()},
            )
        except (ValueError, UnicodeError, binascii.Error, TypeError):
            return None

    # -- per request -------------------------------------------------------------------

    def authenticate(
        self, headers: Mapping[str, str], ids: Mapping[str, str | None], admin_only: bool
    ) -> KeyScope:
        """The scope a request acts with; raises a 401 :class:`ApiError` when refused.

        ``ids`` are the ids the route names (empty for the routes that check by themselves).
        Without auth every request acts as admin.
        """
        if not self.required:
            return ADMIN
        token = bearer_token(headers)
        if token is None:
            raise ApiError(401, "No access token provided")
        scope = self.scope_of(token)
        if scope is None or (scope.expires_at is not None and self.reject_expiring):
            raise ApiError(401, "Invalid JWT")
        if scope.expired():
            raise ApiError(401, "JWT expired")
        if scope.admin:
            return scope
        if admin_only:
            raise ApiError(401, "Resource requires admin privileges")
        for name in ("session_id", "collection_id", "user_id", "app_id"):
            wanted = ids.get(name)
            if wanted and getattr(scope, name) == wanted:
                return scope
        if any(ids.get(name) for name in SCOPE_FIELDS):
            raise ApiError(401, "JWT not permissioned for this resource")
        return scope
