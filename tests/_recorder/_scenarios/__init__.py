"""The recorded scenarios, one module per area (importing this package registers them all)."""

from . import (  # noqa: F401  (imported for their registrations)
    apps,
    auth,
    chat,
    clones,
    collections,
    crashes,
    documents,
    http,
    keys,
    messages,
    metamessages,
    sessions,
    users,
)
