"""Servers a recording can be replayed against: the served FakeHoncho, or a live Honcho."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ._recording import new_run_prefix
from ._wire import Wire

if TYPE_CHECKING:
    from honcho_client.testing import FakeHoncho

REAL_ENV = ("REAL_HONCHO", "REAL_HONCHO_AUTH", "REAL_HONCHO_ADMIN_KEY")


@dataclass
class Target:
    """Two servers of one kind (auth off and on) and how to start a scenario on them."""

    name: str
    plain: Wire
    authed: Wire
    admin_key: str
    reset: Callable[[], None]

    def wire(self, auth: bool) -> Wire:
        return self.authed if auth else self.plain

    def fixed(self, auth: bool) -> dict[str, str]:
        """The fixed symbols of a fresh scenario: a new run prefix, base URL, admin key."""
        fixed = {"run": new_run_prefix(), "base_url": self.wire(auth).base_url}
        if auth:
            fixed["admin_key"] = self.admin_key
        return fixed


def real_settings() -> tuple[str, str, str] | None:
    """REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY, when all are set."""
    values = [os.environ.get(name, "").strip() for name in REAL_ENV]
    if not all(values):
        return None
    return values[0], values[1], values[2]


@contextmanager
def fake_target(
    plain: FakeHoncho | None = None, authed: FakeHoncho | None = None
) -> Iterator[Target]:
    """A served FakeHoncho without auth and one with auth, reset between scenarios."""
    from honcho_client.testing import FakeHoncho

    plain = plain or FakeHoncho()
    authed = authed or FakeHoncho(require_auth=True)

    def reset() -> None:
        plain.reset()
        authed.reset()

    with (
        plain.serve() as plain_server,
        authed.serve() as authed_server,
        Wire(plain_server.url) as plain_wire,
        Wire(authed_server.url) as authed_wire,
    ):
        yield Target("fake", plain_wire, authed_wire, authed.api_key, reset)


@contextmanager
def real_target(settings: tuple[str, str, str]) -> Iterator[Target]:
    """A live Honcho (its state is kept; scenarios use fresh names instead)."""
    base_url, auth_url, admin_key = settings
    with Wire(base_url) as plain_wire, Wire(auth_url) as authed_wire:
        yield Target("real", plain_wire, authed_wire, admin_key, lambda: None)
