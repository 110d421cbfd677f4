"""`AsyncHoncho` on each event loop httpx supports: asyncio, uvloop and trio.

Each test runs its own loop (`asyncio.run`, `uvloop.run`, `trio.run`) against the fault server
over real sockets, on the pool the client makes itself (httpx's transport): calls, pages, a
chat stream, a retry after a 503, a stream dropped unclosed, a host whose first address refuses,
and the cancellation chaos run.
"""

from __future__ import annotations

import asyncio
import gc
import random
import socket
from collections.abc import Awaitable, Callable
from typing import Any

import _chaos
import _sockets
import pytest
import sniffio
from _bodies import CHAT, CREATE, GET, LIST, METAMESSAGE, PAGE
from _servers.faults import Fault, FaultServer

from honcho_client import AsyncHoncho

LOOPS = ["asyncio", "uvloop", "trio"]


def _run(loop: str, main: Callable[[], Awaitable[None]]) -> None:
    """Run `main` on a new event loop of kind `loop`, checking that it is that loop."""

    async def checked() -> None:
        library = sniffio.current_async_library()
        assert library == ("trio" if loop == "trio" else "asyncio")
        if library == "asyncio":
            module = type(asyncio.get_running_loop()).__module__
            assert module.startswith("uvloop") == (loop == "uvloop"), module
        await main()

    if loop == "trio":
        trio = pytest.importorskip("trio")
        trio.run(checked)
    elif loop == "uvloop":
        uvloop = pytest.importorskip("uvloop")
        uvloop.run(checked())
    else:
        asyncio.run(checked())


async def _resolve_to(*hosts: str) -> None:
    """Make the running loop resolve any name to `hosts`, in that order."""

    def answer(port: Any) -> list[tuple[Any, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (h, int(port))) for h in hosts]

    if sniffio.current_async_library() == "trio":
        import trio

        class Resolver(trio.abc.HostnameResolver):
            async def getaddrinfo(self, host: Any, port: Any, *_: Any) -> Any:
                return answer(port)

            async def getnameinfo(self, sockaddr: Any, flags: int) -> Any:
                raise NotImplementedError

        trio.socket.set_custom_hostname_resolver(Resolver())
    else:

        async def getaddrinfo(host: Any, port: Any, *_: Any, **__: Any) -> Any:
            return answer(port)

        asyncio.get_running_loop().getaddrinfo = getaddrinfo  # type: ignore[method-assign]


@pytest.mark.parametrize("loop", LOOPS)
def test_calls_pages_streams_and_retries(loop: str, fault_server: FaultServer) -> None:
    fault_server.route("GET", GET, json_body=METAMESSAGE)
    fault_server.enqueue("GET", GET, Fault.status(503, retry_after=0))
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)
    first = {**PAGE, "items": [METAMESSAGE, {**METAMESSAGE, "id": "m2"}], "total": 3, "pages": 2}
    second = {**PAGE, "items": [{**METAMESSAGE, "id": "m3"}], "total": 3, "page": 2, "pages": 2}
    fault_server.enqueue(
        "POST", LIST, Fault.status(200, json_body=first), Fault.status(200, json_body=second)
    )
    fault_server.route("POST", CHAT, Fault.stream(["one ", "two ", "three"], interval=0.01))

    async def main() -> None:
        async with AsyncHoncho(base_url=fault_server.url) as client:
            metamessages = client.apps.users.metamessages
            assert (await metamessages.get("m1", app_id="a", user_id="u")).id == "m1"
            created = await metamessages.create(
                user_id="u", app_id="a", metamessage_type="x", content="c"
            )
            assert created.id == "m1"
            ids = [m.id async for m in metamessages.list(app_id="a", user_id="u")]
            assert ids == ["m1", "m2", "m3"]
            stream = await client.apps.users.sessions.chat(
                "s", app_id="a", user_id="u", queries="q", stream=True
            )
            assert await stream.text() == "one two three"
            assert client._limiter.in_use == 0

    _run(loop, main)
    assert fault_server.count("GET", GET) == 2  # the 503, then the answer
    assert fault_server.count("POST", CREATE) == 1
    assert [r.query for r in fault_server.requests if r.path == LIST] == ["", "page=2"]
    assert fault_server.errors == []


@pytest.mark.parametrize("loop", LOOPS)
def test_a_stream_dropped_unclosed_is_closed_on_its_loop(
    loop: str, fault_server: FaultServer
) -> None:
    """Its finalizer closes it on the loop it belongs to, which frees its connection and the
    client's only permit: the next call goes through."""
    fault_server.route("POST", CHAT, Fault.stream([f"w{i} " for i in range(40)], interval=0.25))
    fault_server.route("GET", GET, json_body=METAMESSAGE)

    async def main() -> None:
        async with AsyncHoncho(base_url=fault_server.url, max_concurrency=1) as client:
            stream = await client.apps.users.sessions.chat(
                "s", app_id="a", user_id="u", queries="q", stream=True
            )
            assert client._limiter.in_use == 1
            with pytest.warns(ResourceWarning, match="garbage-collected without being closed"):
                del stream
                gc.collect()
            got = await _with_timeout(5.0, _chaos.get(client))
            assert getattr(got, "id", None) == "m1"
            assert client._limiter.in_use == 0

    _run(loop, main)


async def _with_timeout(seconds: float, awaitable: Awaitable[object]) -> object:
    import anyio

    with anyio.fail_after(seconds):
        return await awaitable


@pytest.mark.parametrize("loop", LOOPS)
def test_a_host_whose_first_address_refuses_is_reached_on_its_second(
    loop: str, fault_server: FaultServer
) -> None:
    """127.0.0.2 refuses (the server listens on 127.0.0.1 only); a create, never retried, still
    goes out once, on the second address."""
    fault_server.route("POST", CREATE, json_body=METAMESSAGE)

    async def main() -> None:
        await _resolve_to("127.0.0.2", "127.0.0.1")
        url = f"http://twohomes.test:{fault_server.port}"
        async with AsyncHoncho(base_url=url, max_retries=0) as client:
            created = await client.apps.users.metamessages.create(
                user_id="u", app_id="a", metamessage_type="x", content="c"
            )
            assert created.id == "m1"

    _run(loop, main)
    assert [r.headers["host"] for r in fault_server.requests] == [
        f"twohomes.test:{fault_server.port}"
    ]


@pytest.mark.skipif(not _sockets.available(), reason="needs /proc to count sockets")
@pytest.mark.parametrize("max_concurrency", [5, None], ids=["max_concurrency=5", "default"])
@pytest.mark.parametrize("loop", LOOPS)
def test_cancelled_calls_leave_the_client_usable(
    loop: str, max_concurrency: int | None, fault_server: FaultServer
) -> None:
    """The chaos run of test_concurrency, on each loop: 2,000 calls cancelled at random
    moments, then 100 calls answered within 5 s, no permit or connection stranded, and every
    socket closed with the client."""
    chaos_server = _chaos.route(fault_server)
    options: dict[str, Any] = {"base_url": chaos_server.url, "max_retries": 0}
    if max_concurrency is not None:
        options["max_concurrency"] = max_concurrency

    async def main() -> None:
        baseline = _sockets.baseline()  # the loop's own sockets (its wake-up pair) included
        async with AsyncHoncho(**options) as client:
            rng = random.Random(_chaos.SEED)
            ended, cancelled = await _chaos.cancel_at_random(client, rng)
            assert ended + cancelled == _chaos.CALLS
            assert cancelled >= _chaos.CALLS // 10, (ended, cancelled)
            await _chaos.hundred_calls(client)
            assert client._limiter.in_use == 0
            assert [c for c in _chaos.pool_connections(client._http) if not c.is_idle()] == []
        assert await _sockets.settle_async(baseline) == baseline

    _run(loop, main)
    assert chaos_server.errors == []
