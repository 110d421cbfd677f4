"""HTTP details: routing, trailing slashes, methods, CORS, encodings and malformed bodies."""

from __future__ import annotations

from .._recording import Recording, segment
from .._registry import scenario
from ._world import UNKNOWN, world


@scenario("http.routing")
def routing(r: Recording) -> None:
    """Unknown routes, trailing slashes, %2F in a segment, and methods a route lacks."""
    w = world(r)
    r.get("/v1/nothing", covers="framework.not_found")
    r.get("/", covers="framework.not_found")
    r.get("/v2/apps", covers="framework.not_found")
    r.get("/v1/apps/", covers="http.trailing_slash")
    r.post("/v1/apps/", json={"name": r.name("slash")}, covers="http.trailing_slash")
    r.post(f"{w.app}/users/list/", covers="http.trailing_slash")
    r.get(f"{w.user}/sessions/", query={"session_id": w.session_id}, covers="http.trailing_slash")
    r.put(f"{w.app}/", json={"metadata": {}}, covers="http.trailing_slash")
    r.get(f"/v1/apps/name/{segment('a/b')}", covers="http.encoded_slash")
    r.get(f"{w.app}/users/name/{segment('x/y')}", covers="http.encoded_slash")
    r.get(f"{w.app}/users/get_or_create/{segment('a/b')}", covers="http.encoded_slash")
    r.get(f"/v1/apps/name/{segment('a?b')}")
    r.get(f"/v1/apps/name/{segment('a#b')}")
    r.delete("/v1/apps", covers=("http.allow_header", "framework.method_not_allowed"))
    r.request("PATCH", "/v1/apps", covers="http.allow_header")
    r.delete(w.app, covers="http.allow_header")
    r.get(f"{w.app}/users/list", covers="http.allow_header")
    r.delete(f"{w.session}/messages/{UNKNOWN}", covers="http.allow_header")
    r.get(f"{w.session}/chat", covers="http.allow_header")
    r.post(f"{w.session}/clone", covers="http.allow_header")
    r.get("/v1/keys", covers="http.allow_header")
    r.request("PATCH", w.session, covers="http.allow_header")
    r.get(f"/v1/apps/{UNKNOWN}/users/{UNKNOWN}/sessions/{UNKNOWN}/messages/batch")
    r.request("HEAD", "/v1/apps", query={"app_id": w.app_id}, covers="http.allow_header")
    r.get("/v1/apps", query=[("app_id", UNKNOWN), ("app_id", w.app_id)])
    r.post(f"{w.app}/users/list", query=[("size", 1), ("size", 2), ("reverse", "true")])
    r.get(f"{w.app}/users/name/")


@scenario("http.cors")
def cors(r: Recording) -> None:
    """CORS preflights and simple requests, from allowed and other origins."""
    w = world(r)
    preflight = {"origin": "http://localhost", "access-control-request-method": "POST"}
    r.request("OPTIONS", "/v1/apps", headers=preflight, covers="http.cors_preflight")
    r.request(
        "OPTIONS",
        f"{w.app}/users",
        headers={**preflight, "access-control-request-headers": "content-type, authorization"},
        covers="http.cors_preflight",
    )
    r.request(
        "OPTIONS",
        "/v1/apps",
        headers={"origin": "https://demo.honcho.dev", "access-control-request-method": "GET"},
        covers="http.cors_preflight",
    )
    r.request(
        "OPTIONS",
        "/v1/apps",
        headers={"origin": "https://evil.example", "access-control-request-method": "GET"},
        covers="http.cors_preflight",
    )
    r.request(
        "OPTIONS",
        "/v1/nothing",
        headers={"origin": "http://localhost", "access-control-request-method": "GET"},
        covers="http.cors_preflight",
    )
    r.request("OPTIONS", "/v1/apps", covers="http.allow_header")
    r.request("OPTIONS", "/v1/apps", headers={"origin": "http://localhost"})
    r.get("/v1/apps", query={"app_id": w.app_id}, headers={"origin": "http://localhost"})
    r.get("/v1/apps", query={"app_id": w.app_id}, headers={"origin": "https://evil.example"})
    r.get("/v1/apps", query={"app_id": UNKNOWN}, headers={"origin": "http://127.0.0.1:8000"})


@scenario("http.bodies")
def bodies(r: Recording) -> None:
    """Bodies that are not UTF-8, not JSON, or not objects."""
    w = world(r)
    messages = f"{w.session}/messages"
    r.post(messages, raw=b'{"content": "\xff\xfe", "is_user": true}', covers="http.invalid_utf8")
    r.post("/v1/apps", raw=b"\xc3\x28", covers="http.invalid_utf8")
    r.post(messages, text="", covers="framework.body_missing")
    r.post(messages, text="not json", covers="framework.body_invalid_json")
    r.post(messages, text="[]", covers="framework.body_wrong_type")
    r.post(messages, text='"text"')
    r.post(messages, text="null")
    r.post(
        messages, text='{"content": "x", "is_user": true,}', covers="framework.body_invalid_json"
    )
    r.post(messages, text='{"content": "x", "is_user": 1}')
    r.post(messages, text='{"content": "x", "is_user": "true"}')
    r.post(messages, text='{"content": 5, "is_user": true}')
    r.post(messages, text='{"content": "\\ud83d", "is_user": true}')
    r.post(f"{w.user}/sessions/list", text="not json")
    r.post(f"{w.user}/sessions/list", text="null")
    r.post(
        messages, text='{"content": "x", "is_user": true}', headers={"content-type": "text/plain"}
    )
    r.post(
        messages,
        text='{"content": "y", "is_user": true}',
        headers={"content-type": "application/vnd.api+json"},
    )
    r.post(f"{messages}/list")
