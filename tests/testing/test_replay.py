"""Recordings of the real Honcho 1.1.0, replayed against the served FakeHoncho.

Each scenario of ``tests/cassettes`` is sent again, request by request, and every answer
must agree with the recorded one: status, watched headers, content type and the JSON
body (ids, keys, timestamp values and the model's words are symbolic; timestamp formats
are compared). With REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY set, the same
scenarios are also replayed against that live server, so drift on either side shows.

Re-record with ``python -m tests._recorder`` (needs the live server).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml  # type: ignore[import-untyped, unused-ignore]
from _recorder._cassette import (
    CASSETTE_DIR,
    Exchange,
    RecordedRequest,
    RecordedResponse,
    Scenario,
    iter_exchanges,
    load_all,
)
from _recorder._catalogue import ALL_TAGS, BEHAVIOURS, ERROR_PATHS, UNREACHABLE
from _recorder._replay import Outcome, compare, replay
from _recorder._symbols import SYMBOL_PATTERN, Binder, Symbolizer, timestamp_token
from _recorder._targets import Target, fake_target, real_settings, real_target
from _recorder._wire import Answer

from honcho_client.testing import SERVER_DEFECTS, FakeHoncho

SCENARIOS = load_all()

SPEC = Path(__file__).resolve().parents[2] / "openapi.yaml"


def _operations() -> list[tuple[str, str]]:
    paths = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["paths"]
    return [
        (method.upper(), path)
        for path, operations in paths.items()
        for method in operations
        if method in ("get", "post", "put", "delete", "patch")
    ]


def _template_of(method: str, path: str, operations: list[tuple[str, str]]) -> str | None:
    """The spec path an exchange's (symbolic) path falls under, literal segments first."""
    segments = path.split("/")
    best: tuple[int, str] | None = None
    for op_method, template in operations:
        parts = template.split("/")
        if op_method != method or len(parts) != len(segments):
            continue
        if all(p == s or (p.startswith("{") and s) for p, s in zip(parts, segments, strict=True)):
            literal = sum(not p.startswith("{") for p in parts)
            if best is None or literal > best[0]:
                best = (literal, template)
    return best[1] if best else None


def _failures(outcomes: list[Outcome]) -> str:
    return "\n".join(o.describe() for o in outcomes if not o.agrees)


# -- the recordings themselves ------------------------------------------------------------


def test_at_least_500_recorded_exchanges() -> None:
    count = sum(1 for _ in iter_exchanges(SCENARIOS))
    assert count >= 500, count


def test_every_operation_recorded_with_a_success() -> None:
    operations = _operations()
    assert len(operations) == 41
    succeeded: set[tuple[str, str]] = set()
    for _, exchange in iter_exchanges(SCENARIOS):
        template = _template_of(*exchange.operation, operations)
        if template is not None and 200 <= exchange.response.status < 300:
            succeeded.add((exchange.operation[0], template))
    missing = [op for op in operations if op not in succeeded]
    assert not missing, missing


def test_every_behaviour_and_error_path_is_shown_by_an_exchange() -> None:
    shown: dict[str, list[str]] = {}
    for scenario, exchange in iter_exchanges(SCENARIOS):
        for tag in exchange.covers:
            shown.setdefault(tag, []).append(scenario.name)
    assert set(shown) <= ALL_TAGS, sorted(set(shown) - ALL_TAGS)
    assert not sorted(set(BEHAVIOURS) - set(shown))
    assert not sorted(set(ERROR_PATHS) - set(shown))
    assert not set(UNREACHABLE) & ALL_TAGS  # a path is either shown or explained


def test_auth_recordings_use_admin_and_every_scoped_key() -> None:
    tokens = {
        exchange.request.headers.get("authorization", "")
        for scenario, exchange in iter_exchanges(SCENARIOS)
        if scenario.auth
    }
    assert "Bearer {admin_key}" in tokens
    minted = [
        e.request.target
        for s, e in iter_exchanges(SCENARIOS)
        if s.auth and e.operation == ("POST", "/v1/keys") and e.response.status == 200
    ]
    for scope in ("app_id", "user_id", "session_id", "collection_id"):
        assert any(f"?{scope}=" in target or f"&{scope}=" in target for target in minted), scope


def test_recordings_hold_no_concrete_ids_or_timestamps() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in CASSETTE_DIR.glob("*.json"))
    text = re.sub(r"\{ts:[^{}]*\}", "", text)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+Z", text)
    assert not re.search(r"eyJ[\w-]+\.eyJ[\w-]+\.", text)  # no JWT
    assert "127.0.0.1:81" not in text  # no server address


# -- replay -------------------------------------------------------------------------------


@pytest.fixture(scope="module", params=["fake", "real"])
def replay_target(request: pytest.FixtureRequest) -> Iterator[Target]:
    """The served FakeHoncho, or the live server named by REAL_HONCHO* (else skipped)."""
    if request.param == "fake":
        with fake_target() as served:
            yield served
        return
    settings = real_settings()
    if settings is None:
        pytest.skip("set REAL_HONCHO, REAL_HONCHO_AUTH and REAL_HONCHO_ADMIN_KEY to replay live")
    with real_target(settings) as real:
        yield real


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_replay(replay_target: Target, scenario: Scenario) -> None:
    replay_target.reset()
    outcomes = replay(
        scenario, replay_target.wire(scenario.auth), replay_target.fixed(scenario.auth)
    )
    assert len(outcomes) == len(scenario.exchanges)
    assert all(o.agrees for o in outcomes), _failures(outcomes)


# -- the comparison can fail ----------------------------------------------------------------


def _scenario(name: str) -> Scenario:
    return next(s for s in SCENARIOS if s.name == name)


def _altered(scenario: Scenario, index: int, change: Any) -> Scenario:
    altered = copy.deepcopy(scenario)
    change(altered.exchanges[index].response)
    return altered


def _first_app_create(scenario: Scenario) -> int:
    return next(
        i
        for i, e in enumerate(scenario.exchanges)
        if e.operation == ("POST", "/v1/apps") and e.response.status == 200
    )


ALTERATIONS = {
    "status": lambda r: setattr(r, "status", 201),
    "content type": lambda r: r.headers.update({"content-type": "text/plain"}),
    "value": lambda r: r.body.update({"metadata": {"run": "{run}", "n": 2}}),
    "missing key": lambda r: r.body.update({"extra": None}),
    "timestamp format": lambda r: r.body.update(
        {"created_at": timestamp_token("2024-01-01T00:00:00.000000+00:00")}
    ),
    "id bound to something else": lambda r: r.body.update({"id": "{run}"}),
    "type": lambda r: r.body.update({"metadata": {"run": "{run}", "n": True}}),
}


@pytest.fixture(scope="module")
def fake_servers() -> Iterator[Target]:
    with fake_target() as served:
        yield served


@pytest.mark.parametrize("alteration", ALTERATIONS, ids=list(ALTERATIONS))
def test_an_altered_recording_is_detected(fake_servers: Target, alteration: str) -> None:
    scenario = _scenario("apps.lifecycle")
    index = _first_app_create(scenario)
    fake_servers.reset()
    original = replay(scenario, fake_servers.plain, fake_servers.fixed(False))
    assert original[index].agrees, original[index].describe()
    fake_servers.reset()
    altered = _altered(scenario, index, ALTERATIONS[alteration])
    outcomes = replay(altered, fake_servers.plain, fake_servers.fixed(False))
    assert not outcomes[index].agrees
    assert all(o.agrees for o in outcomes[:index])


def test_the_close_after_a_crash_is_recorded_and_compared() -> None:
    """The real server closes after its 500s without a Connection header; a kept one differs."""
    tagged = [e for _, e in iter_exchanges(SCENARIOS) if "crashes.unannounced_close" in e.covers]
    assert tagged
    assert all(e.response.closed is True for e in tagged)
    assert all("connection" not in e.response.headers for e in tagged)
    crashes = [e for _, e in iter_exchanges(SCENARIOS) if e.response.status >= 500]
    assert crashes and all(e.response.closed is not None for e in crashes)
    scenario = _scenario("chat.validation")
    index = next(
        i for i, e in enumerate(scenario.exchanges) if "crashes.unannounced_close" in e.covers
    )
    keeps = FakeHoncho(server_defects=set(SERVER_DEFECTS) - {"unannounced_close"})
    with fake_target(plain=keeps) as kept:
        outcomes = replay(scenario, kept.plain, kept.fixed(False))
    assert outcomes[index].differences == ["connection kept after the answer, recorded closed"], (
        outcomes[index].describe()
    )
    assert all(o.agrees for i, o in enumerate(outcomes) if i != index)


def test_a_later_answer_with_a_swapped_id_is_detected(fake_servers: Target) -> None:
    scenario = _scenario("sessions.lifecycle")
    fake_servers.reset()
    assert all(o.agrees for o in replay(scenario, fake_servers.plain, fake_servers.fixed(False)))
    gets = [
        i
        for i, e in enumerate(scenario.exchanges)
        if e.operation[0] == "GET" and e.response.status == 200
    ]

    def swap(response: RecordedResponse) -> None:
        response.body["id"] = "{session_3}"

    fake_servers.reset()
    outcomes = replay(
        _altered(scenario, gets[0], swap), fake_servers.plain, fake_servers.fixed(False)
    )
    assert not outcomes[gets[0]].agrees
    assert "recorded '{session_3}'" in outcomes[gets[0]].describe()


def _recorded_representations() -> list[str]:
    found: list[str] = []
    for _, exchange in iter_exchanges(SCENARIOS):
        body = exchange.response.body
        items = body.get("items", []) if isinstance(body, dict) else []
        found += [
            m["content"]
            for m in items
            if isinstance(m, dict) and m.get("label") == "honcho_user_representation"
        ]
    return found


def test_the_fakes_representation_has_the_recorded_layout() -> None:
    """Chat's saved representation: the server's headings around the model's words."""
    recorded = _recorded_representations()
    assert len(recorded) >= 3
    assert all("{llm}" in text and text.count("\n\n") == 1 for text in recorded)
    fake = FakeHoncho()
    with fake.client() as client:
        app = client.apps.create(name="a")
        user = client.apps.users.create(app.id, name="alice")
        session = client.apps.users.sessions.create(user.id, app_id=app.id)
        client.apps.users.sessions.messages.create(
            session.id, app_id=app.id, user_id=user.id, content="I like apples", is_user=True
        )
        client.apps.users.sessions.chat(session.id, app_id=app.id, user_id=user.id, queries="q?")
        saved = client.apps.users.metamessages.list(user.id, app_id=app.id).items
    assert [m.label for m in saved] == ["honcho_user_representation"]
    content = saved[0].content
    assert "I like apples" in content  # the fake's own words under the first heading
    for text in recorded:
        assert Binder({}).unify(text, content) == [], (text, content)
    assert Binder({}).unify(recorded[0], content.replace("FACTS ABOUT", "FACTS ON")) != []
    assert Binder({}).unify(recorded[0], "Notes on alice: 1 message") != []


# -- symbols --------------------------------------------------------------------------------


def test_symbolized_answer_unifies_with_another_servers_ids_but_not_swapped_ones() -> None:
    ids = {"app": "A" * 21, "user": "U" * 21}
    answer = {
        "id": ids["user"],
        "app_id": ids["app"],
        "name": "alice",
        "metadata": {},
        "created_at": "2026-01-02T03:04:05.123456Z",
    }
    symbolic = Symbolizer({}).response_value(answer)
    assert symbolic == {
        "id": "{user_1}",
        "app_id": "{app_1}",
        "name": "alice",
        "metadata": {},
        "created_at": "{ts:9999-99-99T99:99:99.999999Z}",
    }
    other = {
        **answer,
        "id": "u" * 21,
        "app_id": "a" * 21,
        "created_at": "2020-12-31T23:59:59.000001Z",
    }
    assert Binder({}).unify(symbolic, other) == []
    swapped = {**other, "id": "a" * 21}
    assert Binder({}).unify(symbolic, swapped)
    wrong_format = {**other, "created_at": "2020-12-31T23:59:59.000001+00:00"}
    assert Binder({}).unify(symbolic, wrong_format)


def test_embedded_symbols_match_and_bind() -> None:
    binder = Binder({"run": "r1234"})
    assert (
        binder.unify("App with name '{run}-a' not found", "App with name 'r1234-a' not found") == []
    )
    assert (
        binder.unify("Message with ID {message_1} not found", "Message with ID xyz not found") == []
    )
    assert binder.values["{message_1}"] == "xyz"
    assert binder.unify("{message_1}", "abc")
    assert binder.unify([True], [1])
    assert binder.unify({"a": 1}, {"a": 1, "b": 2})


def test_a_timestamp_may_drop_its_zero_fraction_once_per_scenario() -> None:
    token = timestamp_token("2026-01-02T03:04:05.123456Z")
    binder = Binder({})
    assert binder.unify(token, "2026-01-02T03:04:05Z") == []
    assert binder.whole_second_timestamps == 1
    assert binder.unify(token, "2026-01-02T03:04:05.1Z")
    assert binder.unify(token, "2026-01-02T03:04:05.000000+00:00")

    headers = {"content-type": "application/json"}
    exchange = Exchange(
        RecordedRequest("GET", "/v1/apps"),
        RecordedResponse(200, headers, "json", {"created_at": token}),
    )
    whole = Answer(200, headers, "json", {"created_at": "2026-01-02T03:04:05Z"})
    binder = Binder({})
    assert compare(exchange, whole, binder) == []
    assert compare(exchange, whole, binder)  # a second one: the format drops fractions


def test_symbol_pattern_leaves_plain_braces_alone() -> None:
    assert not SYMBOL_PATTERN.search("{x} {apps_1} {app} {tsx}")
    assert SYMBOL_PATTERN.fullmatch("{ts:9999-99-99}")


def test_exchange_round_trips_through_json() -> None:
    scenario = SCENARIOS[0]
    again = Scenario.from_json(copy.deepcopy(scenario.to_json()))
    assert [e.to_json() for e in again.exchanges] == [e.to_json() for e in scenario.exchanges]
    assert isinstance(again.exchanges[0], Exchange)
