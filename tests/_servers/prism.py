"""Run the Prism mock server (``@stoplight/prism-cli``, pinned in ``tests/prism``) for tests.

``PrismServer(spec)`` starts ``prism mock <spec> -h 127.0.0.1 -p <free port>`` in static mode
(no ``--dynamic``) in its own process group, waits until it answers HTTP, exposes ``.url``
and kills the whole process group on exit. Install Prism with ``npm ci --prefix tests/prism``.

How Prism 5.14 behaves with the Honcho spec (checked by hand against the 1.1.0 reference):

* Valid request -> the first documented 2xx response, with a body built *statically* from the
  schema: every string is ``"string"``, date-times ``"2019-08-24T14:15:22Z"``, booleans
  ``true``, integers the schema minimum (``0``/``1``), ``metadata`` ``{}``; optional
  properties are included (the repo's openapi.yaml has no examples, so this holds for it). Arrays
  hold exactly one item, so ``POST /v1/apps/list`` returns
  ``{"items": [{"id": "string", "name": "string", "metadata": {}, "created_at":
  "2019-08-24T14:15:22Z"}], "total": 0, "page": 1, "size": 1, "pages": 0}``
  -- ``items`` is non-empty although ``total`` is 0. Body-less responses
  (e.g. ``DELETE .../sessions/{id}``) come back as ``200`` with the JSON text ``null``.
  Headers: ``Content-type: application/json``, ``Content-Length``, keep-alive with
  ``Keep-Alive: timeout=5`` (Node closes idle connections after 5 s), permissive CORS headers.
  Authentication is not enforced (the operations allow ``{}`` as an alternative security).
* Invalid request (required body property missing, e.g. no ``metamessage_type``; a string
  over ``maxLength``; ``size=0`` below ``minimum``; body without ``Content-Type:
  application/json``) -> ``422`` with the static ``HTTPValidationError`` example
  ``{"detail": [{"loc": ["string"], "msg": "string", "type": "string"}]}``. The real
  reason is only in the ``sl-violations`` response header, a JSON list such as
  ``[{"location": ["request", "body", "metamessage_type"], "severity": "Error",
  "code": "maxLength", "message": "Request body property metamessage_type must NOT have
  more than 50 characters"}]``.
* Syntactically broken JSON body (e.g. ``{"name":``) -> Prism never answers (the request
  hangs until the client times out). Do not send it to Prism.
* Unknown path -> ``404`` ``application/problem+json`` (``NO_PATH_MATCHED_ERROR``);
  known path with an undocumented method -> ``405`` (``NO_METHOD_MATCHED_ERROR``).
* ``Prefer: code=<status>`` works for documented statuses: ``Prefer: code=422`` on a valid
  request returns the 422 example; an undocumented one (``code=404``/``code=500``) returns
  ``404`` problem+json "Requested status code 500 is not defined in the document".
  Validation wins over ``Prefer``: an invalid request with ``Prefer: code=200`` still gets
  422. ``Prefer: dynamic=true`` switches one request to random (faker) data with several
  items; ``Prefer: example=<name>`` needs named examples, which the spec does not have (404).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Final

import httpx

__all__ = [
    "PRISM_BIN",
    "PRISM_DIR",
    "REPO_ROOT",
    "REPO_SPEC",
    "PrismError",
    "PrismNotInstalledError",
    "PrismServer",
    "prism_binary",
]

REPO_ROOT: Final = Path(__file__).resolve().parents[2]
REPO_SPEC: Final = REPO_ROOT / "openapi.yaml"
PRISM_DIR: Final = REPO_ROOT / "tests" / "prism"
PRISM_BIN: Final = PRISM_DIR / "node_modules" / ".bin" / "prism"
INSTALL_HINT: Final = (
    "run `npm ci --prefix tests/prism` (or `npm install --prefix tests/prism`) "
    "from the repository root"
)


class PrismError(RuntimeError):
    """Prism could not be started or did not become ready."""


class PrismNotInstalledError(PrismError):
    """The pinned Prism binary is not installed."""


def prism_binary() -> Path:
    """Path of the Prism executable; PrismNotInstalledError when it is missing."""
    if not PRISM_BIN.exists():
        raise PrismNotInstalledError(f"Prism is not installed at {PRISM_BIN}: {INSTALL_HINT}")
    return PRISM_BIN


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
    return port


class PrismServer:
    """Context manager running ``prism mock`` on a free local port."""

    def __init__(
        self,
        spec_path: str | Path = REPO_SPEC,
        *,
        host: str = "127.0.0.1",
        startup_timeout: float = 60.0,
        extra_args: tuple[str, ...] = (),
    ) -> None:
        self.spec_path = Path(spec_path)
        self.host = host
        self.port = 0
        self.startup_timeout = startup_timeout
        self.extra_args = extra_args
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:PORT`` (no trailing slash)."""
        if self._process is None:
            raise RuntimeError("PrismServer is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def output(self) -> str:
        """Everything Prism has written to stdout/stderr so far."""
        if self._log is None:
            return ""
        self._log.flush()
        return Path(self._log.name).read_bytes().decode("utf-8", "replace")

    def start(self) -> PrismServer:
        if self._process is not None:
            raise RuntimeError("PrismServer already started")
        binary = prism_binary()
        if not self.spec_path.is_file():
            raise PrismError(f"OpenAPI document not found: {self.spec_path}")
        for attempt in range(3):
            self._launch(binary)
            try:
                self._wait_ready()
                return self
            except PrismError:
                address_in_use = "EADDRINUSE" in self.output
                self.stop()
                if not address_in_use or attempt == 2:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _launch(self, binary: Path) -> None:
        self.port = _free_port(self.host)
        self._log = tempfile.NamedTemporaryFile(prefix="prism-", suffix=".log", delete=False)  # noqa: SIM115
        command = [
            str(binary),
            "mock",
            str(self.spec_path),
            "-h",
            self.host,
            "-p",
            str(self.port),
            *self.extra_args,
        ]
        self._process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def _wait_ready(self) -> None:
        assert self._process is not None
        deadline = time.monotonic() + self.startup_timeout
        with httpx.Client(timeout=2.0) as client:
            while True:
                code = self._process.poll()
                if code is not None:
                    raise PrismError(
                        f"Prism exited with code {code} before becoming ready "
                        f"(spec {self.spec_path}).\n--- Prism output ---\n{self.output}"
                    )
                try:
                    client.get(f"{self.url}/")
                    return  # any HTTP answer (Prism says 404 for "/") means it is serving
                except httpx.TransportError:
                    pass
                if time.monotonic() >= deadline:
                    raise PrismError(
                        f"Prism did not answer on {self.url} within {self.startup_timeout:.0f}s "
                        f"(spec {self.spec_path}).\n--- Prism output ---\n{self.output}"
                    )
                time.sleep(0.2)

    def stop(self) -> None:
        """Terminate Prism's process group (SIGTERM, then SIGKILL after 5 s)."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                self._signal_group(process, signal.SIGTERM)
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self._signal_group(process, signal.SIGKILL)
                    process.wait(timeout=5)
            else:
                # The leader is gone; make sure no child of it survives.
                self._signal_group(process, signal.SIGKILL)
        if self._log is not None:
            self._log.close()
            Path(self._log.name).unlink(missing_ok=True)
            self._log = None

    @staticmethod
    def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
        try:
            if os.name == "posix":
                os.killpg(process.pid, sig)  # start_new_session: the pgid is the pid
            else:  # pragma: no cover
                process.send_signal(sig)
        except (ProcessLookupError, PermissionError):
            pass

    def __enter__(self) -> PrismServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
