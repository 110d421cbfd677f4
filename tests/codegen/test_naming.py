"""The naming rule for operations without x-sdk names (stated in codegen's docstring and docs/codegen.md)."""

from __future__ import annotations

import pytest

from codegen.spec import names as _naming


def _names(*ops: tuple[str, str, str | None]) -> list[str]:
    return [
        f"{resource}.{method}" if resource else method
        for resource, method in _naming.names([(p, m, oid, None) for p, m, oid in ops])
    ]


def test_resources_are_the_static_segments_without_versions_and_parameters() -> None:
    assert _names(
        (
            "/v2/workspaces/{workspace_id}/peers/{peer_id}",
            "put",
            "update_peer_v2_workspaces__workspace_id__peers__peer_id__put",
        ),
        (
            "/v2/workspaces/{workspace_id}/peers",
            "post",
            "get_or_create_peer_v2_workspaces__workspace_id__peers_post",
        ),
    ) == ["workspaces.peers.update", "workspaces.peers.get_or_create"]


def test_a_last_segment_with_nothing_below_it_is_an_action() -> None:
    assert _names(
        ("/v2/workspaces", "post", "get_or_create_workspace_v2_workspaces_post"),
        ("/v2/workspaces/list", "post", "get_all_workspaces_v2_workspaces_list_post"),
        (
            "/v2/workspaces/{workspace_id}/search",
            "post",
            "search_workspace_v2_workspaces__workspace_id__search_post",
        ),
        (
            "/v2/workspaces/{workspace_id}/deriver/status",
            "get",
            "get_deriver_status_v2_workspaces__workspace_id__deriver_status_get",
        ),
        ("/metrics", "get", "metrics_metrics_get"),
    ) == [
        "workspaces.get_or_create",
        "workspaces.get_all",
        "workspaces.search",
        "workspaces.deriver.get_status",  # `deriver` has `status` below it: a resource
        "metrics.get",  # a first segment is always a resource; nothing left: the HTTP method
    ]


@pytest.mark.parametrize(
    ("operation_id", "expected"),
    [
        ("add_peers_to_session_v2_sessions__session_id__peers_post", "sessions.peers.add"),
        ("set_session_peers_v2_sessions__session_id__peers_post", "sessions.peers.set"),
        ("get_peer_config_v2_sessions__session_id__peers_post", "sessions.peers.get_config"),
        ("addPeersToSession", "sessions.peers.add"),  # not FastAPI's: camelCase is snake_cased
        (None, "sessions.peers.post"),  # no operationId: the HTTP method (and action, if any)
    ],
)
def test_method_names_drop_the_resource_words_and_dangling_connectors(
    operation_id: str | None, expected: str
) -> None:
    # `peers` has a parameter below it in another route, so it is a resource, not an action.
    name, _ = _names(
        ("/v2/sessions/{session_id}/peers", "post", operation_id),
        ("/v2/sessions/{session_id}/peers/{peer_id}", "delete", "remove_peer"),
    )
    assert name == expected


def test_a_short_name_taken_twice_keeps_the_full_function_names() -> None:
    base = "/v2/sessions/{session_id}/messages"
    assert _names(
        (f"{base}/list", "post", "get_messages_v2_sessions__session_id__messages_list_post"),
        (
            base + "/{message_id}",
            "get",
            "get_message_v2_sessions__session_id__messages__message_id__get",
        ),
        (
            base + "/{message_id}",
            "put",
            "update_message_v2_sessions__session_id__messages__message_id__put",
        ),
    ) == [
        "sessions.messages.get_messages",
        "sessions.messages.get_message",
        "sessions.messages.update",
    ]


def test_the_same_function_name_on_two_methods_gets_the_http_method() -> None:
    assert _names(
        ("/cards/{id}", "get", "card"),
        ("/cards/{id}", "put", "card"),
    ) == ["cards.get", "cards.put"]
    assert _names(("/cards/{id}/face", "get", "face"), ("/cards/{id}/face", "put", "face")) == [
        "cards.face",
        "cards.face_put",
    ]


def test_given_names_win_and_are_not_taken_twice() -> None:
    names = _naming.names(
        [
            ("/pets", "post", "create_pet_pets_post", ("pets", "create")),
            ("/pets/{id}", "post", "create_pets_pets__id__post", None),
        ]
    )
    assert names == [("pets", "create"), ("pets", "create_pets")]


def test_python_names() -> None:
    assert _naming.identifier("X-Request-Id") == "x_request_id"
    assert _naming.identifier("class") == "class_"
    assert _naming.identifier("2fa") == "_2fa"
    assert _naming.identifier("pageSize") == "page_size"
    assert _naming.class_name("Page_App_") == "PageApp"
    assert _naming.module_name("HTTPValidationError") == "http_validation_error"


def test_client_names_are_the_clients_public_names() -> None:
    """The generator does not import the runtime; its list of the clients' names must match."""
    from codegen.spec.tree import CLIENT_NAMES
    from honcho_client import AsyncHoncho, Honcho

    resources = {"apps", "keys"}  # the generated tree of openapi.yaml
    client = Honcho(api_key=None, base_url="http://127.0.0.1:9")
    try:
        names = {n for n in dir(client) if not n.startswith("_")}
    finally:
        client.close()
    names |= {n for n in dir(AsyncHoncho) if not n.startswith("_")}
    assert names - resources == CLIENT_NAMES


def test_route_suffix_is_stripped_when_made_from_another_path() -> None:
    # Prefect 2: the app is mounted under /api, its operationIds lack it.
    assert (
        _naming.function("/api/flows/{id}", "get", "read_flow_flows__id__get", None) == "read_flow"
    )
    assert _naming.function("/api/flows/", "post", "create_flow_flows__post", None) == "create_flow"
    # Skyvern: /v1/workflows moved to /v1/agents, the operationIds kept the old path.
    assert (
        _naming.function(
            "/v1/agents/{wpid}/folder",
            "put",
            "update_workflow_folder_v1_workflows__wpid__folder_put",
            None,
        )
        == "update_workflow_folder"
    )
    assert (
        _naming.function("/v1/agents", "get", "get_workflows_v1_workflows_get", None)
        == "get_workflows"
    )
    # Today's rule where the operationId is FastAPI's own.
    assert (
        _naming.function("/v2/peers/{id}", "get", "get_peer_v2_peers__id__get", None) == "get_peer"
    )


def test_a_mount_prefix_no_operation_id_names_is_not_a_resource() -> None:
    # Prefect 2: every route is below /api, and FastAPI made the operationIds before the mount.
    assert _names(
        ("/api/flows/{id}", "get", "read_flow_flows__id__get"),
        ("/api/flows/", "post", "create_flow_flows__post"),
        ("/api/health", "get", "health_check_health_get"),
    ) == ["flows.read", "flows.create", "health.check"]
    # A shared first segment the operationIds name stays a resource.
    assert _names(
        ("/api/flows/{id}", "get", "read_flow_api_flows__id__get"),
        ("/api/health", "get", "health_check_api_health_get"),
    ) == ["api.flows.read", "api.health_check"]
