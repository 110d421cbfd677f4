"""An in-memory Honcho API 1.1.0 server for tests: ``FakeHoncho``.

Runs the whole API with no Postgres, no LLM and no network; use it in process
(``fake.client()``, ``fake.transport()``) or over HTTP (``fake.serve()`` or
``python -m honcho_client.testing --port 8000``). It answers like the real server v1.1.0,
including that server's known defects (``SERVER_DEFECTS``), which
``FakeHoncho(server_defects=False)`` turns off.
"""

from ._defects import SERVER_DEFECTS, ServerDefect
from ._fake import DEFAULT_API_KEY, DEFAULT_BASE_URL, FakeHoncho, FakeState
from ._faults import PendingFault
from ._http import ConnectionFault, FakeResponse, Headers, RecordedRequest
from ._log import DEFAULT_LOG_SIZE
from ._responder import ChatContext, Responder, default_responder
from ._server import FakeServer

__all__ = [
    "DEFAULT_API_KEY",
    "DEFAULT_BASE_URL",
    "DEFAULT_LOG_SIZE",
    "SERVER_DEFECTS",
    "ChatContext",
    "ConnectionFault",
    "FakeHoncho",
    "FakeResponse",
    "FakeServer",
    "FakeState",
    "Headers",
    "PendingFault",
    "RecordedRequest",
    "Responder",
    "ServerDefect",
    "default_responder",
]
