"""A client used before `os.fork()` works in the children on connections of their own: each
answer a child gets is the one to its own request, and the parent is unaffected. Sync, async
and the fast path, against FakeHoncho served over real sockets.

Each create names its app uniquely; the answer must carry that name. The parent keeps calls
going while the children run, so its pooled connections are busy when theirs would be shared.
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from _clients import ASYNC_TRANSPORTS

from honcho_client import AsyncHoncho, Honcho
from honcho_client.testing import FakeHoncho, FakeServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
CHILDREN = 2
CALLS = 400


@pytest.fixture
def served() -> Iterator[tuple[FakeHoncho, FakeServer]]:
    fake = FakeHoncho()
    with fake.serve() as server:
        yield fake, server


def _tally(answers: list[tuple[str, str]], errors: int) -> dict[str, int]:
    own = sum(1 for asked, got in answers if asked == got)
    return {"own": own, "foreign": len(answers) - own, "errors": errors}


def _sync_calls(client: Honcho, n: int) -> dict[str, int]:
    answers, errors = [], 0
    for _ in range(n):
        name = uuid.uuid4().hex
        try:
            answers.append((name, client.apps.create(name=name).name))
        except Exception:
            errors += 1
    return _tally(answers, errors)


async def _async_calls(client: AsyncHoncho, n: int) -> dict[str, int]:
    answers, errors = [], 0
    for _ in range(n):
        name = uuid.uuid4().hex
        try:
            answers.append((name, (await client.apps.create(name=name)).name))
        except Exception:
            errors += 1
    return _tally(answers, errors)


def _fork(work: Callable[[], dict[str, int]]) -> tuple[int, int]:
    """Fork a child that runs `work` and writes its tally to a pipe; (pid, read end)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: report, then leave without running the parent's cleanups
        code = 1
        try:
            os.close(read)
            os.write(write, json.dumps(work()).encode())
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _collect(children: list[tuple[int, int]]) -> list[dict[str, int]]:
    tallies = []
    for pid, read in children:
        with os.fdopen(read, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, data
        tallies.append(json.loads(data))
    return tallies


def _in_thread(work: Callable[[], dict[str, int]]) -> Callable[[], dict[str, int]]:
    """Run `work` on a fresh thread (a forked child starts with no event loop of its own)."""

    def run() -> dict[str, int]:
        result: dict[str, int] = {}
        thread = threading.Thread(target=lambda: result.update(work()))
        thread.start()
        thread.join()
        return result

    return run


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # fork() with the server's threads
def test_forked_children_get_their_own_answers_sync(served: tuple[FakeHoncho, FakeServer]) -> None:
    fake, server = served
    with Honcho(base_url=server.url, api_key=fake.api_key, max_retries=0) as client:
        with ThreadPoolExecutor(4) as threads:  # the pool now holds several connections
            assert sum(t["own"] for t in threads.map(_sync_calls, [client] * 4, [8] * 4)) == 32
        children = [_fork(lambda: _sync_calls(client, CALLS)) for _ in range(CHILDREN)]
        parent = _sync_calls(client, CALLS)
        tallies = _collect(children)
    print(f"sync: children {tallies}, parent {parent}")
    assert tallies == [{"own": CALLS, "foreign": 0, "errors": 0}] * CHILDREN
    assert parent == {"own": CALLS, "foreign": 0, "errors": 0}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize("transport", list(ASYNC_TRANSPORTS))
def test_forked_children_get_their_own_answers_async(
    served: tuple[FakeHoncho, FakeServer], transport: str
) -> None:
    fake, server = served

    async def parent() -> tuple[list[dict[str, int]], dict[str, int]]:
        http: Any = ASYNC_TRANSPORTS[transport]()
        args = {"http_client": http} if http is not None else {}
        async with AsyncHoncho(base_url=server.url, api_key=fake.api_key, **args) as client:
            warm = await asyncio.gather(*(_async_calls(client, 8) for _ in range(4)))
            assert sum(t["own"] for t in warm) == 32  # the pool now holds several connections
            child = _in_thread(lambda: asyncio.run(_async_calls(client, CALLS)))
            children = [_fork(child) for _ in range(CHILDREN)]
            mine = await _async_calls(client, CALLS)
            tallies = _collect(children)
        if http is not None:
            await http.aclose()
        return tallies, mine

    tallies, mine = asyncio.run(parent())
    print(f"async {transport}: children {tallies}, parent {mine}")
    assert tallies == [{"own": CALLS, "foreign": 0, "errors": 0}] * CHILDREN
    assert mine == {"own": CALLS, "foreign": 0, "errors": 0}
