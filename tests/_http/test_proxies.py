"""Proxies: the clients reach the API through a forward proxy as any httpx client does.

The API is `honcho.test`, a name that only the proxy resolves (to a server on 127.0.0.1); in
this process the name does not resolve at all. So a call that succeeds went through the proxy,
and the proxy's record says how: `CONNECT honcho.test:PORT` for https, an absolute-form request
for http. Each case runs on the sync client, the async client and the async fast path
(`DefaultAioHttpClient`).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
import trustme
from _servers.faults import FaultServer
from _servers.proxy import ForwardProxy
from _servers.tls import TlsServer

from honcho_client import APIConnectionError, AsyncHoncho, DefaultAioHttpClient, Honcho

APP: dict[str, Any] = {
    "id": "a1",
    "name": "n",
    "metadata": {},
    "created_at": "2024-05-06T07:08:09Z",
}
NAME = "honcho.test"
CLIENTS = ["sync", "async", "aiohttp"]
_PROXY_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY", "REQUEST_METHOD")


@pytest.fixture(autouse=True)
def only_the_proxy_resolves(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy settings but the test's own, and `*.test` names unknown to this process."""
    for variable in _PROXY_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
        monkeypatch.delenv(variable.lower(), raising=False)
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.rstrip(".").endswith(".test"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def proxy() -> Iterator[ForwardProxy]:
    with ForwardProxy(hosts={NAME: "127.0.0.1"}) as running:
        yield running


@pytest.fixture
def api(fault_server: FaultServer) -> FaultServer:
    fault_server.route("GET", "/v1/apps/name/n", json_body=APP)
    fault_server.route("POST", "/v1/apps", json_body=APP)
    return fault_server


@pytest.fixture
def tls_api(trusted: trustme.CA) -> Iterator[TlsServer]:
    """An https API for `honcho.test`, its CA trusted through SSL_CERT_FILE."""
    with TlsServer(trusted, NAME, "127.0.0.1", body=APP) as server:
        yield server


async def _calls(kind: str, base_url: str, **client_args: Any) -> list[str]:
    """A get and a create on the `kind` client; the ids they returned."""
    if kind == "sync":

        def run() -> list[str]:
            with Honcho(base_url=base_url, max_retries=0, **client_args) as client:
                return [client.apps.get_by_name("n").id, client.apps.create(name="n").id]

        return await asyncio.to_thread(run)
    _resolve_through_socket_module()
    http: httpx.AsyncClient | None = None
    if kind == "aiohttp":
        http = client_args.pop("http_client", None) or DefaultAioHttpClient()
    async with AsyncHoncho(base_url=base_url, max_retries=0, http_client=http, **client_args) as c:
        ids = [(await c.apps.get_by_name("n")).id, (await c.apps.create(name="n")).id]
    if http is not None:
        await http.aclose()
    return ids


def _resolve_through_socket_module() -> None:
    """The running loop resolves names with `socket.getaddrinfo` in a thread, as asyncio's own
    loop does (uvloop has a resolver of its own), so `only_the_proxy_resolves` applies."""
    loop = asyncio.get_running_loop()

    async def getaddrinfo(*args: Any, **kwargs: Any) -> Any:
        return await loop.run_in_executor(None, lambda: socket.getaddrinfo(*args, **kwargs))

    loop.getaddrinfo = getaddrinfo  # type: ignore[method-assign]


@pytest.mark.parametrize("kind", CLIENTS)
async def test_without_a_proxy_the_name_does_not_resolve(kind: str, api: FaultServer) -> None:
    """What the other tests rely on: `honcho.test` is reachable through the proxy only."""
    with pytest.raises(APIConnectionError, match=r"name resolution failed for 'honcho\.test'"):
        await _calls(kind, f"http://{NAME}:{api.port}")
    assert api.requests == []


@pytest.mark.parametrize("kind", CLIENTS)
async def test_http_proxy_carries_http_calls(
    kind: str, api: FaultServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    base = f"http://{NAME}:{api.port}"
    assert await _calls(kind, base) == ["a1", "a1"]
    assert [(f.method, f.target) for f in proxy.forwarded] == [
        ("GET", f"{base}/v1/apps/name/n"),
        ("POST", f"{base}/v1/apps"),
    ]
    assert [(r.method, r.path, r.headers["host"]) for r in api.requests] == [
        ("GET", "/v1/apps/name/n", f"{NAME}:{api.port}"),
        ("POST", "/v1/apps", f"{NAME}:{api.port}"),
    ]
    assert api.requests[1].json() == {"name": "n"}
    assert proxy.errors == []


@pytest.mark.parametrize("kind", CLIENTS)
async def test_https_proxy_tunnels_https_calls(
    kind: str, tls_api: TlsServer, proxy: ForwardProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    assert await _calls(kind, f"https://{NAME}:{tls_api.port}") == ["a1", "a1"]
    tunnels = proxy.forwarded
    assert tunnels and {(f.method, f.target) for f in tunnels} == {
        ("CONNECT", f"{NAME}:{tls_api.port}")
    }
    assert [(method, path) for method, path, _ in tls_api.requests] == [
        ("GET", "/v1/apps/name/n"),
        ("POST", "/v1/apps"),
    ]
    assert proxy.errors == []


@pytest.mark.parametrize("kind", CLIENTS)
@pytest.mark.parametrize("no_proxy", ["127.0.0.1", "*"])
async def test_no_proxy_hosts_are_reached_directly(
    kind: str,
    no_proxy: str,
    api: FaultServer,
    proxy: ForwardProxy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.setenv(variable, proxy.url)
    monkeypatch.setenv("NO_PROXY", no_proxy)
    assert await _calls(kind, api.url) == ["a1", "a1"]
    assert proxy.forwarded == []
    assert [r.headers["host"] for r in api.requests] == [f"127.0.0.1:{api.port}"] * 2


HttpClients: dict[str, Callable[[str], Any]] = {
    "sync": lambda proxy: httpx.Client(proxy=proxy),
    "async": lambda proxy: httpx.AsyncClient(proxy=proxy),
    "aiohttp": lambda proxy: DefaultAioHttpClient(proxy=proxy),
}


@pytest.mark.parametrize("kind", CLIENTS)
async def test_a_proxy_given_to_the_callers_http_client_is_used(
    kind: str, api: FaultServer, proxy: ForwardProxy
) -> None:
    http = HttpClients[kind](proxy.url)
    base = f"http://{NAME}:{api.port}"
    if kind == "sync":

        def run() -> list[str]:
            with http, Honcho(base_url=base, http_client=http, max_retries=0) as client:
                return [client.apps.get_by_name("n").id, client.apps.create(name="n").id]

        ids = await asyncio.to_thread(run)
    else:
        _resolve_through_socket_module()
        async with http, AsyncHoncho(base_url=base, http_client=http, max_retries=0) as client:
            ids = [(await client.apps.get_by_name("n")).id, (await client.apps.create(name="n")).id]
    assert ids == ["a1", "a1"]
    assert [(f.method, f.host) for f in proxy.forwarded] == [
        ("GET", f"{NAME}:{api.port}"),
        ("POST", f"{NAME}:{api.port}"),
    ]
