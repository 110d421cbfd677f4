"""Find the ``shared/`` folder (published reference, seed pages) that sits beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def shared_dir() -> Path | None:
    """Return the shared folder, or None when it is not available.

    ``HONCHO_SHARED_DIR`` wins when set; otherwise ``<repo>/../shared`` is used if it exists.
    """
    override = os.environ.get("HONCHO_SHARED_DIR")
    if override:
        return Path(override)
    candidate = REPO_ROOT.parent / "shared"
    return candidate if candidate.is_dir() else None
