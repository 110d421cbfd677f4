"""The facade: configuration, auth, environments, per-call options, with_options, lifecycle."""

from __future__ import annotations

import json

import httpx
import pytest
import respx

from honcho_client import AsyncHoncho, ClientClosedError, Honcho

BASE_URL = "http://honcho.test"
APP = {"id": "a1", "name": "n", "created_at": "2024-05-06T07:08:09Z"}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HONCHO_API_KEY", "HONCHO_BASE_URL", "HONCHO_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("environment", "url"),
    [
        ("local", "http://localhost:8000"),
        ("demo", "https://demo.honcho.dev"),
        ("production", "https://api.honcho.dev"),
    ],
)
def test_environments(environment: str, url: str) -> None:
    assert Honcho(environment=environment).base_url == url  # type: ignore[arg-type]


def test_default_environment_is_demo() -> None:
    assert Honcho().base_url == "https://demo.honcho.dev"


def test_base_url_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HONCHO_BASE_URL", "http://from-env:1/")
    assert Honcho().base_url == "http://from-env:1"
    assert Honcho(environment="production").base_url == "https://api.honcho.dev"
    assert (
        Honcho(base_url="http://explicit", environment="production").base_url == "http://explicit"
    )


def test_unknown_environment() -> None:
    with pytest.raises(ValueError, match="environment must be one of"):
        Honcho(environment="staging")  # type: ignore[arg-type]


def test_api_key_from_env_and_never_in_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HONCHO_API_KEY", "sk-env")
    client = Honcho(base_url=BASE_URL)
    assert client.api_key == "sk-env"
    assert "sk-env" not in repr(client)
    assert repr(client) == "Honcho(base_url='http://honcho.test', api_key=<set>)"
    with respx.mock(base_url=BASE_URL) as router:
        route = router.get("/v1/apps/name/n").respond(200, json=APP)
        client.apps.get_by_name("n")
    assert route.calls.last.request.headers["authorization"] == "Bearer sk-env"


def test_default_headers_and_per_call_options() -> None:
    client = Honcho(base_url=BASE_URL, default_headers={"X-Team": "agents"})
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        client.apps.create(
            name="n",
            extra_headers={"X-Trace": "t1"},
            extra_query={"debug": True},
            extra_body={"experimental": 1},
            timeout=3.0,
        )
    request = route.calls.last.request
    assert request.headers["x-team"] == "agents"
    assert request.headers["x-trace"] == "t1"
    assert request.url.params["debug"] == "true"
    assert json.loads(request.content) == {"name": "n", "experimental": 1}
    assert request.extensions["timeout"] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}


def test_default_timeout_is_60s_with_5s_connect() -> None:
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        Honcho(base_url=BASE_URL).apps.create(name="n")
    assert route.calls.last.request.extensions["timeout"] == {
        "connect": 5.0,
        "read": 60.0,
        "write": 60.0,
        "pool": 60.0,
    }


def test_per_call_max_retries() -> None:
    client = Honcho(base_url=BASE_URL, max_retries=0)
    client._retry = type(client._retry)(jitter=lambda: 0.0)  # no waiting in this test
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps/list").mock(
            side_effect=[
                httpx.Response(503),
                httpx.Response(503),
                httpx.Response(
                    200, json={"items": [], "total": 0, "page": 1, "size": 50, "pages": 0}
                ),
            ]
        )
        page = client.apps.list(max_retries=2)
    assert route.call_count == 3
    assert page.items == []


def test_with_options_shares_the_pool_and_overrides() -> None:
    client = Honcho(api_key="sk-1", base_url=BASE_URL)
    other = client.with_options(api_key="sk-2", max_retries=5, timeout=1.0)
    assert other._http is client._http
    assert (other.max_retries, client.max_retries) == (5, 2)
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        other.apps.create(name="n")
        client.apps.create(name="n")
    assert [c.request.headers["authorization"] for c in route.calls] == [
        "Bearer sk-2",
        "Bearer sk-1",
    ]
    other.close()
    assert not client._http.is_closed
    client.close()
    assert client._http.is_closed


def test_with_options_can_drop_the_key() -> None:
    client = Honcho(api_key="sk-1", base_url=BASE_URL)
    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        client.with_options(api_key=None).apps.create(name="n")
    assert "authorization" not in route.calls.last.request.headers


def test_caller_owned_http_client_is_not_closed() -> None:
    http = httpx.Client()
    with Honcho(base_url=BASE_URL, http_client=http):
        pass
    assert not http.is_closed
    http.close()


def test_resources_are_cached() -> None:
    client = Honcho(base_url=BASE_URL)
    assert client.apps is client.apps
    assert client.apps.users.sessions.messages is client.apps.users.sessions.messages


async def test_async_context_manager_closes() -> None:
    async with AsyncHoncho(base_url=BASE_URL) as client:
        assert not client._http.is_closed
    assert client._http.is_closed


def test_user_agent_has_version() -> None:
    from honcho_client import __version__

    with respx.mock(base_url=BASE_URL) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        Honcho(base_url=BASE_URL).apps.create(name="n")
    assert route.calls.last.request.headers["user-agent"] == f"honcho-client-python/{__version__}"


def test_a_closed_client_says_so_and_sends_nothing() -> None:
    client = Honcho(base_url=BASE_URL)
    client.close()
    with respx.mock(base_url=BASE_URL, assert_all_called=False) as router:
        route = router.post("/v1/apps").respond(200, json=APP)
        with pytest.raises(ClientClosedError, match="this Honcho was closed"):
            client.apps.create(name="n")
        with pytest.raises(RuntimeError):  # also a RuntimeError, as httpx's was
            client.with_options(max_retries=0).apps.create(name="n")
    assert not route.called


def test_a_client_whose_http_client_was_closed_says_so() -> None:
    http = httpx.Client()
    client = Honcho(base_url=BASE_URL, http_client=http)
    http.close()
    with pytest.raises(ClientClosedError, match="has an http_client that was closed"):
        client.apps.create(name="n")


async def test_a_closed_async_client_says_so() -> None:
    async with AsyncHoncho(base_url=BASE_URL) as client:
        pass
    with pytest.raises(ClientClosedError, match=r"AsyncHoncho was closed .* `async with` block"):
        await client.apps.create(name="n")
