"""The metamessage the transport tests' servers answer with, a page of it, and its paths."""

from __future__ import annotations

from typing import Any

GET = "/v1/apps/a/users/u/metamessages/m1"
CREATE = "/v1/apps/a/users/u/metamessages"
LIST = "/v1/apps/a/users/u/metamessages/list"
CHAT = "/v1/apps/a/users/u/sessions/s/chat"
METAMESSAGE: dict[str, Any] = {
    "id": "m1", "label": "x", "metamessage_type": "x", "content": "c", "user_id": "u", "app_id": "a",
    "session_id": None, "message_id": None, "metadata": {}, "created_at": "2024-05-06T07:08:09Z",
}  # fmt: skip
PAGE: dict[str, Any] = {"items": [METAMESSAGE], "total": 1, "page": 1, "size": 50, "pages": 1}
