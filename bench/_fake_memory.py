"""Part 5: the served FakeHoncho's memory over a long run of requests that store nothing.

`python -m honcho_client.testing` runs in a child process; one kept-alive connection sends
reads that create no data (an empty app list and a 404 by name, alternating). The child's
resident set size (VmRSS) is read after the first `short` requests and after `long` requests:
it must not grow by more than 5 MB, because the request log keeps only the latest requests.

The same run with a request log large enough to keep every request is the baseline: it shows
the growth the bound prevents.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from ._table import Budget, Row

__all__ = ["run_fake_memory"]

FLAT_WITHIN_5_MB: Final = Budget("value", "<=", 5.0, "≤ 5 MB growth")
_ROOT: Final = Path(__file__).resolve().parent.parent
_REQUESTS: Final = (("POST", "/v1/apps/list"), ("GET", "/v1/apps/name/missing"))


@dataclass(frozen=True)
class Run:
    """RSS of the served fake (MiB) after the short and the long run, and the request rate."""

    short_mib: float
    long_mib: float
    per_second: float


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _send(connection: http.client.HTTPConnection, count: int) -> None:
    for index in range(count):
        method, path = _REQUESTS[index % len(_REQUESTS)]
        connection.request(method, path)
        response = connection.getresponse()
        response.read()
        if response.status not in (200, 404):
            raise RuntimeError(f"{method} {path} answered {response.status}")


def _serve_and_measure(short: int, long: int, log_size: int) -> Run:
    port = _free_port()
    command = [sys.executable, "-m", "honcho_client.testing", "--port", str(port), "--quiet"]
    command += ["--request-log-size", str(log_size)]
    env = {**os.environ, "PYTHONPATH": str(_ROOT)}
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env, cwd=_ROOT)
    try:
        assert child.stdout is not None
        child.stdout.readline()  # "... listening on http://127.0.0.1:PORT"
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        _send(connection, short)
        short_mib = _rss_mib(child.pid)
        started = time.perf_counter()
        _send(connection, long - short)
        rate = (long - short) / (time.perf_counter() - started)
        long_mib = _rss_mib(child.pid)
        connection.close()
        return Run(short_mib, long_mib, rate)
    finally:
        child.terminate()
        child.wait(timeout=30)


def run_fake_memory(short: int, long: int) -> list[Row]:
    """Rows: the served fake's RSS after `short` and `long` requests, bounded and unbounded log."""
    if not os.path.exists("/proc/self/status"):
        return [Row("5 fake memory", "served FakeHoncho RSS", "n/a (needs /proc)", "—")]
    bounded = _serve_and_measure(short, long, log_size=1000)
    unbounded = _serve_and_measure(short, long, log_size=long)
    part = "5 fake memory"
    s, n = f"{short:,}", f"{long:,}"
    growth = bounded.long_mib - bounded.short_mib
    baseline_growth = unbounded.long_mib - unbounded.short_mib
    return [
        Row(
            part,
            f"RSS after {s} requests",
            f"{bounded.short_mib:.1f} MB",
            f"{unbounded.short_mib:.1f} MB (log keeps all)",
        ),
        Row(
            part,
            f"RSS after {n} requests",
            f"{bounded.long_mib:.1f} MB",
            f"{unbounded.long_mib:.1f} MB (log keeps all)",
        ),
        Row(
            part,
            f"RSS growth {s} → {n} requests (log of 1,000)",
            f"{growth:+.1f} MB",
            f"{baseline_growth:+.1f} MB (log keeps all)",
            budget=FLAT_WITHIN_5_MB,
            value=growth,
        ),
        Row(
            part,
            "requests per second (one connection)",
            f"{bounded.per_second:,.0f}",
            f"{unbounded.per_second:,.0f}",
        ),
    ]
