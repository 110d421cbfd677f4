"""Requests on which the server fails with 500, and close neighbours that it accepts."""

from __future__ import annotations

from .._recording import Recording, segment
from .._registry import scenario
from ._world import add_collection, world


@scenario("crashes.get_by_name")
def get_by_name(r: Recording) -> None:
    """Names with a quote, or ending in a non-word character, in the paths of name routes."""
    w = world(r)
    r.post(f"{w.app}/users", json={"name": "o'brien"})
    r.post(f"{w.app}/users", json={"name": "trailing "})
    r.post(f"{w.app}/users", json={"name": "mid dle"})
    add_collection(r, w, "it's")
    names = {
        "crashes.get_by_name_quote": ["o'brien", "'", "a'b"],
        "crashes.get_by_name_space": ["trailing ", "a "],
        "crashes.get_by_name_dash": ["a-", "x--"],
        "crashes.get_by_name_emoji": ["a🙂", "🙂"],
    }
    for tag, values in names.items():
        for name in values:
            r.get(f"/v1/apps/name/{segment(name)}", covers=tag)
            r.get(f"{w.app}/users/name/{segment(name)}", covers=tag)
            r.get(f"{w.user}/collections/name/{segment(name)}", covers=tag)
    r.get(f"/v1/apps/get_or_create/{segment(r.name('it' + chr(39) + 's'))}")
    r.get(f"{w.app}/users/get_or_create/{segment('new-')}")
    # neighbours that are served normally
    for name in ("mid dle", "a-b", "🙂a", "a_", "a.b", "a~", "a!", "a%", "a(", "a)"):
        r.get(f"{w.app}/users/name/{segment(name)}")
    r.get(f"{w.app}/users/get_or_create/{segment('mid dle')}")
    r.get(f"{w.app}/users/get_or_create/{segment('café')}")


@scenario("crashes.bodies")
def bodies(r: Recording) -> None:
    """NUL characters, NaN, empty batches: bodies the server fails on."""
    w = world(r)
    messages = f"{w.session}/messages"
    r.post(
        messages,
        json={"content": "a\u0000b", "is_user": True},
        covers=("crashes.nul_text", "framework.unhandled"),
    )
    r.post(
        messages,
        json={"content": "x", "is_user": True, "metadata": {"k": "a\u0000"}},
        covers="crashes.nul_metadata",
    )
    r.post(
        messages,
        json={"content": "x", "is_user": True, "metadata": {"k\u0000": 1}},
        covers="crashes.nul_metadata",
    )
    r.post("/v1/apps", json={"name": r.name("nul\u0000")}, covers="crashes.nul_text")
    r.post(f"{w.app}/users", json={"name": "n\u0000"}, covers="crashes.nul_text")
    r.put(w.session, json={"metadata": {"v": "\u0000"}}, covers="crashes.nul_metadata")
    r.post(
        messages,
        text='{"content": "x", "is_user": true, "metadata": {"v": NaN}}',
        covers="crashes.json_nan",
    )
    r.post(
        "/v1/apps",
        text='{"name": "' + r.name("nan") + '", "metadata": {"v": NaN}}',
        covers="crashes.json_nan",
    )
    r.post(
        messages,
        text='{"content": "x", "is_user": true, "metadata": {"v": Infinity}}',
        covers="crashes.json_nan",
    )
    r.post(f"{messages}/batch", json={"messages": []}, covers="crashes.empty_batch")
    r.post(f"{messages}/list")
    r.post(f"{w.app}/users/list")
