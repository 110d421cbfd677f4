"""An in-memory Honcho API 1.1.0 server for tests: ``FakeHoncho``.

Runs the whole API with no Postgres, no LLM and no network; use it in process
(``fake.client()``, ``fake.transport()``) or over HTTP (``fake.serve()`` or
``python -m honcho_client.testing --port 8000``). Needs only the standard library
and httpx.
"""

from ._fake import DEFAULT_API_KEY, DEFAULT_BASE_URL, FakeHoncho, FakeState
from ._http import FakeResponse, RecordedRequest
from ._responder import ChatContext, Responder, default_responder
from ._server import FakeServer

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "ChatContext",
    "FakeHoncho",
    "FakeResponse",
    "FakeServer",
    "FakeState",
    "RecordedRequest",
    "Responder",
    "default_responder",
]
