"""Seeded fuzz over real sockets: whatever the server answers, a call returns its parsed result or
raises a HonchoError subclass, never an error of httpx, pydantic, json, or a TypeError/KeyError.

Each case picks one of the 41 operations, a way to call it (plain, raw, streaming, chat stream,
iterating a list over its pages) and an answer for its route: random statuses with odd bodies
(422 items whose `loc` is an int, a string or missing; `detail` as a number, a list of strings
or null; truncated, invalid or strange JSON), wrong content types, huge bodies, bodies cut short,
chunked bodies cut mid-chunk, and connections reset or broken while the headers arrive. The
same seed gives the same cases, and a failure names each case that broke the rule (its number,
operation, way of calling and the server's answer). It runs on the three paths (sync, async,
and async over aiohttp), and so do TLS failures: an untrusted certificate, a certificate for
another name, a plain-HTTP server, a handshake broken off.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
import json
import random
import ssl
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import trustme
from _clients import AsyncHonchoFactory
from _servers.faults import Fault, FaultServer, RequestAction
from _servers.tls import RawTcpServer, TlsServer
from _spec_samples import OperationCase, operations

import honcho_client
from honcho_client import (
    AsyncChatStream,
    AsyncHoncho,
    ChatStream,
    Honcho,
    HonchoError,
    SyncPage,
)
from honcho_client._core.retry import RetryPolicy

SEED = 1_100
CASES = 2_000
OPERATIONS = operations()
STATUSES = [200, 200, 200, 201, 204, 301, 304, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502,
            503, 504, 599]  # fmt: skip
WAYS = ["plain", "plain", "raw", "streaming", "pages"]
MAX_ITEMS = 300  # items read from a list before moving on (pagination stops loops sooner)


@dataclass(frozen=True)
class Case:
    number: int
    operation: OperationCase
    way: str
    full: bool
    max_retries: int
    answer: str  # what the server does, in words (for the failure report)
    action: RequestAction

    def __str__(self) -> str:
        return f"case {self.number}: {self.operation.id} ({self.way}) <- {self.answer}"


# Answers -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Huge(RequestAction):
    """Stands for a response with a huge body, made only when the case runs."""

    status: int
    size: int

    def action(self) -> RequestAction:
        content = _json_bytes({"detail": "x" * self.size, "items": []})
        return Fault.status(self.status, body=content, content_type="application/json")


def _json_bytes(value: object) -> bytes:
    return json.dumps(value).encode()


def _odd_json(rng: random.Random, valid: object) -> tuple[str, bytes]:
    options: list[tuple[str, Callable[[], bytes]]] = [
        ("null", lambda: b"null"),
        ("empty list", lambda: b"[]"),
        ("number", lambda: b"1"),
        ("string", lambda: b'"text"'),
        ("empty object", lambda: b"{}"),
        ("huge exponent", lambda: b"1e999"),
        ("NaN", lambda: b"NaN"),
        ("deep nesting", lambda: b"[" * 50_000 + b"]" * 50_000),
        ("5,000-digit int", lambda: b"1" * 5_000),
        ("BOM first", lambda: b"\xef\xbb\xbf" + _json_bytes(valid)),
        ("duplicate keys", lambda: b'{"id": 1, "id": "x"}'),
        ("invalid UTF-8", lambda: b'{"id": "\xff\xfe"}'),
        ("truncated", lambda: _json_bytes(valid)[: rng.randint(0, 40)]),
        ("not JSON", lambda: b"<html><body>Bad Gateway</body></html>"),
        ("empty", lambda: b""),
        ("fields of the wrong type", lambda: _json_bytes(_wrong_types(valid))),
        ("fields missing", lambda: _json_bytes(_drop_fields(valid, rng))),
        ("extra fields", lambda: _json_bytes(_with_extra(valid))),
    ]
    name, make = rng.choice(options)
    return name, make()


def _wrong_types(value: object) -> object:
    if isinstance(value, dict):
        return {k: (None if isinstance(v, str) else "x") for k, v in value.items()}
    return {"value": value}


def _drop_fields(value: object, rng: random.Random) -> object:
    if isinstance(value, dict) and value:
        keys = list(value)
        return {k: v for k, v in value.items() if k != rng.choice(keys)}
    return value


def _with_extra(value: object) -> object:
    if isinstance(value, dict):
        return {**value, "added_by_a_newer_server": {"nested": [1, 2]}}
    return value


def _detail(rng: random.Random) -> tuple[str, object]:
    item_shapes: list[object] = [
        {"loc": ["body", "name"], "msg": "Field required", "type": "missing"},
        {"loc": 3, "msg": "loc is an int"},
        {"loc": "body", "msg": "loc is a string"},
        {"msg": "no loc at all"},
        {"loc": ["body", 0, {"odd": True}], "msg": None},
        {"loc": None},
        "a plain string",
        17,
        None,
    ]
    options: list[tuple[str, object]] = [
        ("detail text", {"detail": "the server's words"}),
        ("detail number", {"detail": 42}),
        ("detail list of strings", {"detail": ["one", "two"]}),
        ("detail null", {"detail": None}),
        ("detail object", {"detail": {"code": 7}}),
        ("no detail", {"error": "x"}),
        ("422 items", {"detail": rng.sample(item_shapes, rng.randint(1, 4))}),
        ("list body", [{"detail": "x"}]),
    ]
    return rng.choice(options)


def _answer(rng: random.Random, op: OperationCase) -> tuple[str, RequestAction]:
    valid = op.response_body()
    kind = rng.choices(
        ["valid", "status", "odd json", "content type", "huge", "cut", "framing"],
        weights=[20, 30, 20, 10, 2, 9, 9],
    )[0]
    if kind == "valid":
        if rng.random() < 0.3:  # the same body, sent in pieces
            body = _json_bytes(valid)
            pieces = [body[i : i + 7] for i in range(0, len(body), 7)] or [b"{}"]
            return "valid, chunked", Fault.stream(
                pieces, interval=0, content_type="application/json"
            )
        return "valid", Fault.status(200, json_body=valid)
    if kind == "status":
        status = rng.choice(STATUSES)
        name, body = _detail(rng)
        headers = {"Retry-After": rng.choice(["0", "soon", "-5", "Wed, 21 Oct 2015 07:28:00 GMT"])}
        return f"{status} {name}", Fault.status(
            status, json_body=body, headers=headers if rng.random() < 0.3 else None
        )
    if kind == "odd json":
        status = rng.choice([200, 200, 422, 500, 404])
        name, content = _odd_json(rng, valid)
        return f"{status} {name}", Fault.status(
            status, body=content, content_type="application/json"
        )
    if kind == "content type":
        status = rng.choice(STATUSES)
        content_type, content = rng.choice(
            [
                ("text/html", b"<html><h1>502 Bad Gateway</h1></html>"),
                ("text/plain", b"plain words"),
                ("application/octet-stream", bytes(rng.randrange(256) for _ in range(64))),
                ("application/json; charset=latin-1", '{"detail": "caf\xe9"}'.encode("latin-1")),
                ("application/json; charset=no-such-charset", b'{"detail": "x"}'),
                ("text/event-stream", b"data: x\n\n"),
                ("", _json_bytes(valid)),
            ]
        )
        if rng.random() < 0.2:
            return f"{status} bad gzip", Fault.status(
                status, body=b"not gzip at all", headers={"Content-Encoding": "gzip"},
                content_type="application/json",
            )  # fmt: skip
        if rng.random() < 0.1:
            zipped = gzip.compress(_json_bytes(valid))
            return f"{status} gzip", Fault.status(
                status, body=zipped, headers={"Content-Encoding": "gzip"},
                content_type="application/json",
            )  # fmt: skip
        return f"{status} {content_type or 'no content type'}", Fault.status(
            status, body=content, content_type=content_type
        )
    if kind == "huge":
        status = rng.choice([200, 500])
        size = rng.randint(1, 3) * 1_000_000
        return f"{status} huge body ({size:,} bytes)", _Huge(status, size)
    if kind == "cut":
        status = rng.choice([200, 200, 404, 500, 503])
        body = _json_bytes(valid)
        return f"{status} body cut short", Fault.truncated_body(
            body[: rng.randint(0, max(0, len(body) - 1))], status=status
        )
    return _framing(rng, valid)


def _framing(rng: random.Random, valid: object) -> tuple[str, RequestAction]:
    body = _json_bytes(valid)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
    options: list[tuple[str, RequestAction]] = [
        ("reset during the headers", Fault.raw(head[: rng.randint(1, len(head))], reset=True)),
        ("closed during the headers", Fault.raw(head[: rng.randint(1, len(head))])),
        (
            "chunked, cut mid-chunk",
            Fault.raw(head + b"Transfer-Encoding: chunked\r\n\r\n40\r\n" + body[:20]),
        ),
        (
            "chunked, reset between chunks",
            Fault.raw(
                head + b"Transfer-Encoding: chunked\r\n\r\n3\r\n" + body[:3] + b"\r\n", reset=True
            ),
        ),
        ("bad chunk size", Fault.raw(head + b"Transfer-Encoding: chunked\r\n\r\nzz\r\n")),
        ("bad status line", Fault.raw(b"HTTP/1.1 2OO OK\r\n\r\n")),
        ("not HTTP", Fault.raw(b"SSH-2.0-OpenSSH_9.6\r\n")),
        ("bad Content-Length", Fault.raw(head + b"Content-Length: abc\r\n\r\n{}")),
        ("dropped after the request", Fault.drop_after_read()),
        ("reset after the request", Fault.reset_after_read()),
        ("header block too large", Fault.raw(head + b"X-Big: " + b"a" * 70_000 + b"\r\n\r\n")),
    ]
    return rng.choice(options)


def _plan(seed: int) -> list[Case]:
    rng = random.Random(seed)
    cases = []
    for number in range(CASES):
        op = rng.choice(OPERATIONS)
        way = rng.choice(WAYS)
        if way == "pages" and op.name != "list":
            way = "plain"
        answer, action = _answer(rng, op)
        cases.append(Case(number, op, way, rng.random() < 0.5, rng.randint(0, 2), answer, action))
    return cases


def _arguments(case: Case, *, stream: bool) -> dict[str, Any]:
    op = case.operation
    kwargs: dict[str, Any] = dict(op.path_values())
    kwargs.update(op.body(full=case.full) or {})
    if case.full:
        kwargs.update(op.query())
    if op.name == "chat":
        kwargs["stream"] = stream
    kwargs["max_retries"] = case.max_retries
    kwargs["timeout"] = 5.0
    return kwargs


def _route(server: FaultServer, case: Case) -> None:
    action = case.action.action() if isinstance(case.action, _Huge) else case.action
    server.route(case.operation.method, case.operation.expected_url(), action)


def _fast_retries(client: Honcho | AsyncHoncho) -> None:
    client._retry = RetryPolicy(jitter=lambda: 0.0, max_retry_after=0.0)


# Sync ----------------------------------------------------------------------------------------


def _method(client: Any, op: OperationCase, view: str | None = None) -> Any:
    """`client.<resource>[.<view>].<method>`, e.g. `client.apps.users.with_raw_response.list`."""
    target = client
    for part in op.resource.split("."):
        target = getattr(target, part)
    if view is not None:
        target = getattr(target, view)
    return getattr(target, op.name)


def _run_sync(client: Honcho, case: Case) -> str:
    op = case.operation
    if case.way == "raw":
        _method(client, op, "with_raw_response")(**_arguments(case, stream=False)).parse()
    elif case.way == "streaming":
        method = _method(client, op, "with_streaming_response")
        with method(**_arguments(case, stream=True)) as response:
            if case.number % 2:
                response.parse()
            else:
                list(response.iter_bytes())
    else:
        result = _method(client, op)(**_arguments(case, stream=case.number % 3 == 0))
        if isinstance(result, ChatStream):
            result.text()
        elif isinstance(result, SyncPage) and case.way == "pages":
            list(itertools.islice(result, MAX_ITEMS))
    return "parsed"


def test_every_failure_is_a_honcho_error_sync(fault_server: FaultServer) -> None:
    outcomes: Counter[str] = Counter()
    foreign: list[str] = []
    with Honcho(base_url=fault_server.url) as client:
        _fast_retries(client)
        for case in _plan(SEED):
            _route(fault_server, case)
            try:
                outcomes[_run_sync(client, case)] += 1
            except HonchoError as error:
                outcomes[type(error).__name__] += 1
            except Exception as error:  # what the test looks for
                foreign.append(f"{case}: {type(error).__module__}.{type(error).__name__}: {error}")
    _check(outcomes, foreign)


def _check(outcomes: Counter[str], foreign: list[str]) -> None:
    assert foreign == [], f"{len(foreign)} foreign errors, e.g.:\n" + "\n".join(foreign[:10])
    assert sum(outcomes.values()) == CASES
    # The cases reached every kind of outcome: results, status errors, bad bodies, broken
    # connections, stalled pages.
    for kind in ("parsed", "UnprocessableEntityError", "InternalServerError", "NotFoundError",
                 "APIResponseValidationError", "APIConnectionError", "APIStatusError"):  # fmt: skip
        assert outcomes[kind] > 0, (kind, outcomes)


# Async ---------------------------------------------------------------------------------------


async def _run_async(client: AsyncHoncho, case: Case) -> str:
    op = case.operation
    if case.way == "raw":
        raw = await _method(client, op, "with_raw_response")(**_arguments(case, stream=False))
        await raw.parse()
    elif case.way == "streaming":
        method = _method(client, op, "with_streaming_response")
        async with method(**_arguments(case, stream=True)) as response:
            if case.number % 2:
                await response.parse()
            else:
                [chunk async for chunk in response.iter_bytes()]
    elif case.way == "pages":
        seen = 0
        async for _ in _method(client, op)(**_arguments(case, stream=False)):
            seen += 1
            if seen >= MAX_ITEMS:
                break
    else:
        result = await _method(client, op)(**_arguments(case, stream=case.number % 3 == 0))
        if isinstance(result, AsyncChatStream):
            await result.text()
    return "parsed"


async def test_every_failure_is_a_honcho_error_async(
    fault_server: FaultServer, async_honcho: AsyncHonchoFactory
) -> None:
    outcomes: Counter[str] = Counter()
    foreign: list[str] = []
    async with async_honcho(base_url=fault_server.url) as client:
        _fast_retries(client)
        for case in _plan(SEED + 1):
            _route(fault_server, case)
            try:
                outcomes[await _run_async(client, case)] += 1
            except HonchoError as error:
                outcomes[type(error).__name__] += 1
            except Exception as error:  # what the test looks for
                foreign.append(f"{case}: {type(error).__module__}.{type(error).__name__}: {error}")
    _check(outcomes, foreign)


@pytest.mark.parametrize("seed", [SEED, SEED + 1])
def test_the_plan_is_the_same_for_a_seed(seed: int) -> None:
    first, second = _plan(seed), _plan(seed)
    assert [str(c) for c in first] == [str(c) for c in second]
    assert len(first) == CASES and len({c.operation.id for c in first}) == len(OPERATIONS)


# TLS faults, on every path -------------------------------------------------------------------

TLS_FAULTS = ["untrusted certificate", "wrong host name", "plain HTTP", "handshake reset"]
TLS_REASONS = {
    "untrusted certificate": "TLS certificate not accepted",
    "wrong host name": "TLS certificate not accepted",
    "plain HTTP": "TLS handshake failed",
}
PATHS = ["sync", "async", "fast"]


@contextmanager
def _tls_endpoint(fault: str) -> Iterator[tuple[str, ssl.SSLContext]]:
    """The https base URL of a server with `fault`, and a context trusting the test CA."""
    ca = trustme.CA()
    trusting = ssl.create_default_context()
    ca.configure_trust(trusting)
    if fault in ("untrusted certificate", "wrong host name"):
        names = ("127.0.0.1",) if fault == "untrusted certificate" else ("other.test",)
        with TlsServer(ca, *names, body={}) as server:
            yield f"https://127.0.0.1:{server.port}", trusting
        return
    answer = b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    with RawTcpServer(answer if fault == "plain HTTP" else b"", reset=True) as raw:
        yield f"https://127.0.0.1:{raw.port}", trusting


def _tls_client_args(fault: str, path: str, trusting: ssl.SSLContext) -> dict[str, Any]:
    """An untrusted certificate is met with the default trust; the others trust the test CA."""
    if fault == "untrusted certificate" and path != "fast":
        return {}
    verify: Any = True if fault == "untrusted certificate" else trusting
    if path == "sync":
        return {"http_client": httpx.Client(verify=verify)}
    if path == "async":
        return {"http_client": httpx.AsyncClient(verify=verify)}
    return {"http_client": honcho_client.DefaultAioHttpClient(verify=verify)}


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("fault", TLS_FAULTS)
def test_tls_failures_are_honcho_errors_on_every_path(fault: str, path: str) -> None:
    if path == "fast":
        pytest.importorskip("httpx_aiohttp")
    cases = _plan(SEED + 2)[: len(OPERATIONS) * 2]
    outcomes: Counter[str] = Counter()
    foreign: list[str] = []
    reasons: set[str] = set()

    def record(case: Case, error: Exception) -> None:
        if isinstance(error, HonchoError):
            outcomes[type(error).__name__] += 1
            reasons.add(str(getattr(error, "reason", "")))
        else:
            foreign.append(f"{case}: {type(error).__module__}.{type(error).__name__}: {error}")

    with _tls_endpoint(fault) as (url, trusting):
        args = _tls_client_args(fault, path, trusting)
        if path == "sync":
            with Honcho(base_url=url, **args) as client:
                _fast_retries(client)
                for case in cases:
                    try:
                        _run_sync(client, case)
                    except Exception as error:  # what the test looks for
                        record(case, error)
            if args:
                args["http_client"].close()
        else:

            async def run() -> None:
                async with AsyncHoncho(base_url=url, **args) as client:
                    _fast_retries(client)
                    for case in cases:
                        try:
                            await _run_async(client, case)
                        except Exception as error:  # what the test looks for
                            record(case, error)
                if args:
                    await args["http_client"].aclose()

            asyncio.run(run())
    assert foreign == [], f"{len(foreign)} foreign errors, e.g.:\n" + "\n".join(foreign[:10])
    assert set(outcomes) == {"APIConnectionError"}, outcomes
    assert sum(outcomes.values()) == len(cases)
    if fault in TLS_REASONS:
        assert all(r.startswith(TLS_REASONS[fault]) for r in reasons), reasons
