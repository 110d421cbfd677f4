"""What importing the package loads, checked in fresh interpreters.

A sync program must not pay for an event loop, and importing the clients must not build the
operation tables (dataclasses, the costliest part of the package to import) before first use:
bench/ measures the time, these tests keep the causes out.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

EVENT_LOOP_MODULES = ("asyncio", "anyio", "aiohttp", "trio")


def loaded_after(code: str) -> set[str]:
    """Names in sys.modules after running `code` in a fresh interpreter."""
    report = "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = subprocess.run(
        [sys.executable, "-c", code + report], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


@pytest.mark.parametrize(
    "code",
    [
        "from honcho_client import Honcho",
        "from honcho_client import Honcho, HonchoError, APIConnectionError",
    ],
    ids=["client", "errors"],
)
def test_the_sync_client_loads_no_event_loop(code: str) -> None:
    loaded = loaded_after(code)
    assert "honcho_client._client.sync_client" in loaded
    assert loaded.isdisjoint(EVENT_LOOP_MODULES), sorted(loaded & set(EVENT_LOOP_MODULES))


def test_a_sync_client_made_loads_no_asyncio() -> None:
    # Making an httpx.Client imports httpcore, which imports anyio (not asyncio): that one is
    # httpx's. Nothing of ours may add asyncio or aiohttp.
    loaded = loaded_after(
        "from honcho_client import Honcho\nHoncho(base_url='http://127.0.0.1:9', api_key='k')"
    )
    assert "httpcore" in loaded
    assert loaded.isdisjoint({"asyncio", "aiohttp"}), sorted(loaded & {"asyncio", "aiohttp"})


def test_importing_both_clients_loads_no_event_loop_yet() -> None:
    # asyncio costs about a fifth of `import httpx, pydantic`; an async program has it already.
    loaded = loaded_after("from honcho_client import Honcho, AsyncHoncho")
    assert "honcho_client._client.async_client" in loaded
    assert loaded.isdisjoint(EVENT_LOOP_MODULES), sorted(loaded & set(EVENT_LOOP_MODULES))


def test_the_operation_tables_load_on_first_use() -> None:
    code = "from honcho_client import Honcho, AsyncHoncho"
    assert "honcho_client._core.operation" not in loaded_after(code)
    used = code + "\nHoncho(base_url='http://127.0.0.1:9', api_key='k').apps"
    assert "honcho_client._core.operation" in loaded_after(used)


def test_an_async_call_has_what_it_needs() -> None:
    code = (
        "import asyncio, httpx\n"
        "from honcho_client import AsyncHoncho\n"
        "def answer(request):\n"
        "    return httpx.Response(503, json={'detail': 'busy'}, headers={'retry-after': '0'})\n"
        "async def main():\n"
        "    http = httpx.AsyncClient(transport=httpx.MockTransport(answer))\n"
        "    client = AsyncHoncho(base_url='http://h', api_key='k', http_client=http, max_retries=1)\n"
        "    try:\n"
        "        await client.apps.get(app_id='a')\n"
        "    except Exception as error:\n"
        "        print(type(error).__name__, error.attempts)\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    # A retried call waits with asyncio.sleep, imported only then.
    assert result.stdout.split() == ["InternalServerError", "2"], result.stderr


def test_the_typed_imports_and_all_name_the_same_objects() -> None:
    """`__all__` is the one list of public names; the imports type checkers read agree with it,
    and each name resolves at run time to the object those imports name."""
    import ast
    import importlib
    from pathlib import Path

    import honcho_client

    tree = ast.parse(Path(honcho_client.__file__).read_text())
    typed: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom)
                for alias in imp.names:
                    typed[alias.name] = "." * imp.level + (imp.module or "")
    assert sorted([*typed, "__version__"]) == sorted(honcho_client.__all__)
    for name, module in typed.items():
        source = importlib.import_module(module, "honcho_client")
        assert getattr(honcho_client, name) is getattr(source, name), name
