"""Ids and query values that cannot make a URL are refused before sending, naming the field."""

from __future__ import annotations

import pytest
from _servers.faults import FaultServer

from honcho_client import Honcho, NotFoundError, RequestValidationError


def test_an_id_too_long_for_a_url(fault_server: FaultServer) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.metamessages.get("m" * 70_000, app_id="a", user_id="u")
    [issue] = e.value.issues
    assert issue.loc == ("path", "metamessage_id")
    assert "70000 characters long" in issue.message
    assert fault_server.connections_accepted == 0


def test_an_id_with_a_lone_surrogate(fault_server: FaultServer) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.metamessages.get("m\udc80", app_id="a", user_id="u")
    assert e.value.issues[0].loc == ("path", "metamessage_id")
    assert "U+DC80 at position 1" in str(e.value)
    assert fault_server.connections_accepted == 0


def test_a_query_value_with_a_lone_surrogate(fault_server: FaultServer) -> None:
    with Honcho(base_url=fault_server.url) as client, pytest.raises(RequestValidationError) as e:
        client.apps.users.sessions.get("u", app_id="a", session_id="s\ud800")
    assert e.value.issues[0].loc == ("query", "session_id")
    assert fault_server.connections_accepted == 0


def test_unusual_but_valid_ids_are_sent(fault_server: FaultServer) -> None:
    with Honcho(base_url=fault_server.url, max_retries=0) as client, pytest.raises(NotFoundError):
        client.apps.get_by_name("ünïcödé / ? # %")
    [request] = fault_server.requests
    assert request.target == "/v1/apps/name/%C3%BCn%C3%AFc%C3%B6d%C3%A9%20%2F%20%3F%20%23%20%25"
