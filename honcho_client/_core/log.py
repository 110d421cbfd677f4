"""The `honcho_client` logger: INFO carries retries, DEBUG one line per attempt; never headers,
the API key or bodies. `HONCHO_LOG=info|debug` installs a stderr handler at the first client.
"""

from __future__ import annotations

import logging
import os

logger = logging.getLogger("honcho_client")
_configured = False


def setup_from_env() -> None:
    """Install a stderr handler when HONCHO_LOG asks for one; does nothing after the first call."""
    global _configured
    if _configured:
        return
    _configured = True
    level = os.environ.get("HONCHO_LOG", "").strip().lower()
    if level not in ("info", "debug"):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG if level == "debug" else logging.INFO)
