"""Settings are checked at construction (and by with_options, and per call): a mistake fails at
once, naming the argument and the value, before anything is sent."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from _bodies import GET, METAMESSAGE
from _servers.faults import Fault, FaultServer

from honcho_client import (
    APITimeoutError,
    AsyncHoncho,
    ConfigurationError,
    Honcho,
    RequestValidationError,
)

CLIENTS = [Honcho, AsyncHoncho]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HONCHO_API_KEY", "HONCHO_BASE_URL", "HONCHO_LOG"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("client_class", CLIENTS)
@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"base_url": "127.0.0.1:1234"}, "base_url must be an http:// or https:// URL with a host"),
        ({"base_url": "localhost:8000"}, "got 'localhost:8000' (did you mean 'http://localhost"),
        ({"base_url": "ftp://files.example.com"}, "base_url must be an http:// or https://"),
        ({"base_url": "http://"}, "got 'http://'"),
        ({"base_url": "http://h/v1?x=1"}, "base_url must not have a query"),
        ({"base_url": 8000}, "base_url must be a str or httpx.URL, got int"),
        ({"max_retries": -1}, "max_retries must be an int >= 0, got -1"),
        ({"max_retries": 1.5}, "max_retries must be an int >= 0, got 1.5"),
        ({"max_retries": True}, "max_retries must be an int >= 0, got True"),
        ({"max_concurrency": 0}, "max_concurrency must be an int >= 1, got 0"),
        (
            {"timeout": "5"},
            "timeout must be a number of seconds, an httpx.Timeout or None, got '5'",
        ),
        ({"timeout": -1}, "timeout must be > 0 seconds (None for no timeout), got -1"),
        ({"timeout": float("nan")}, "timeout must be > 0 seconds (None for no timeout), got nan"),
        ({"timeout": 0}, "timeout must be > 0 seconds"),
        ({"default_headers": {"X-A": "a\r\nInjected: 1"}}, "default_headers['X-A'] contains a"),
        ({"default_headers": {"X A": "b"}}, "default_headers['X A'] is not a valid header name"),
        ({"default_headers": {"X-A": 1}}, "default_headers['X-A'] must be a str, got int (1)"),
        ({"default_headers": {"X-A": "café"}}, "a non-ASCII character (U+00E9)"),
        ({"environment": "staging"}, "environment must be one of"),
    ],
)
def test_a_bad_setting_fails_at_construction_naming_it(
    client_class: Any, arguments: dict[str, Any], named: str
) -> None:
    options = {"base_url": "http://127.0.0.1:9", **arguments}
    if "environment" in arguments:
        del options["base_url"]
    with pytest.raises(ConfigurationError) as caught:
        client_class(**options)
    assert named in str(caught.value)


@pytest.mark.parametrize("client_class", CLIENTS)
@pytest.mark.parametrize(
    ("key", "named"),
    [
        ("sk-abc\n", "api_key contains a control character (U+000A at position 6)"),
        ("sk-\x00abc", "api_key contains a control character (U+0000 at position 3)"),
        ("sk-ab“c”", "api_key contains a non-ASCII character (U+201C at position 5)"),
    ],
)
def test_a_bad_api_key_is_refused_without_quoting_it(
    client_class: Any, key: str, named: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        client_class(api_key=key, base_url="http://127.0.0.1:9")
    assert named in str(caught.value)
    assert "sk-" not in str(caught.value)


def test_a_bad_key_from_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HONCHO_API_KEY", "sk-pasted\n")
    with pytest.raises(ConfigurationError, match="api_key contains a control character"):
        Honcho(base_url="http://127.0.0.1:9")


def test_a_bad_base_url_from_the_environment_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HONCHO_BASE_URL", "honcho.internal:8000")
    with pytest.raises(ConfigurationError, match="HONCHO_BASE_URL must be an http"):
        Honcho()


def test_an_http_client_of_the_wrong_kind_is_refused() -> None:
    with httpx.Client() as sync_http, pytest.raises(ConfigurationError) as caught:
        AsyncHoncho(base_url="http://127.0.0.1:9", http_client=sync_http)  # type: ignore[arg-type]
    assert "http_client must be an httpx.AsyncClient for AsyncHoncho, got httpx.Client" in str(
        caught.value
    )
    async_http = httpx.AsyncClient()
    with pytest.raises(ConfigurationError, match=r"must be an httpx\.Client for Honcho, got httpx"):
        Honcho(base_url="http://127.0.0.1:9", http_client=async_http)  # type: ignore[arg-type]
    asyncio.run(async_http.aclose())
    with pytest.raises(ConfigurationError, match=r"got builtins\.str"):
        Honcho(base_url="http://127.0.0.1:9", http_client="http://x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"max_retries": -1}, "max_retries must be an int >= 0, got -1"),
        ({"timeout": "slow"}, "timeout must be a number of seconds"),
        ({"base_url": "example.com"}, "base_url must be an http"),
        ({"api_key": "k\r\n"}, "api_key contains a control character"),
        ({"default_headers": {"accept": "a\nb"}}, "default_headers['accept'] contains"),
    ],
)
def test_with_options_checks_what_it_changes(options: dict[str, Any], named: str) -> None:
    client = Honcho(base_url="http://127.0.0.1:9")
    with pytest.raises(ConfigurationError) as caught:
        client.with_options(**options)
    assert named in str(caught.value)


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"max_retries": -2}, "max_retries: must be an int >= 0, got -2 (minimum=0)"),
        ({"timeout": -5}, "timeout: must be > 0 seconds"),
        ({"timeout": "5"}, "timeout: must be a number of seconds"),
    ],
)
def test_bad_per_call_options_send_nothing(
    fault_server: FaultServer, options: dict[str, Any], named: str
) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.metamessages.get("m1", app_id="a", user_id="u", **options)
    assert named in str(e.value)
    assert e.value.issues[0].loc in (("max_retries",), ("timeout",))
    assert fault_server.connections_accepted == 0


def test_a_callers_http_client_keeps_its_timeout(fault_server: FaultServer) -> None:
    fault_server.route(
        "GET", GET, Fault.read_hang(3, then=Fault.status(200, json_body=METAMESSAGE))
    )
    with httpx.Client(timeout=0.2) as http:
        client = Honcho(base_url=fault_server.url, http_client=http, max_retries=0)
        assert client.timeout == httpx.Timeout(0.2)
        with pytest.raises(APITimeoutError) as caught:
            client.apps.users.metamessages.get("m1", app_id="a", user_id="u")
        assert "read timeout: the server sent nothing for 0.2 s" in str(caught.value)
        # timeout= still wins when it is given
        assert Honcho(http_client=http, timeout=9.0).timeout == httpx.Timeout(9.0, connect=5.0)
    assert Honcho().timeout == httpx.Timeout(60.0, connect=5.0)


async def test_an_async_callers_http_client_keeps_its_timeout() -> None:
    async with httpx.AsyncClient(timeout=httpx.Timeout(3.0, read=7.0)) as http:
        assert AsyncHoncho(http_client=http).timeout == httpx.Timeout(3.0, read=7.0)
