"""Replaying recorded scenarios against a server and comparing its answers.

Status, the watched headers, the body kind, the JSON body and (after a 5xx) whether
the server closed the connection must agree; ids, keys,
timestamp values and the model's words are symbolic (see ``_symbols``), timestamp
formats are not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ._cassette import WATCHED_HEADERS, Exchange, Scenario
from ._symbols import Binder, Unbound
from ._wire import Answer, Wire


@dataclass
class Outcome:
    """The result of one replayed exchange."""

    scenario: str
    index: int
    method: str
    target: str  # as recorded (symbolic)
    differences: list[str] = field(default_factory=list)
    answer: Answer | None = None

    @property
    def agrees(self) -> bool:
        return not self.differences

    def describe(self) -> str:
        head = f"{self.scenario}[{self.index}] {self.method} {self.target}"
        return head + "".join(f"\n    - {d}" for d in self.differences)


def compare(exchange: Exchange, answer: Answer, binder: Binder) -> list[str]:
    """Differences between a recorded answer and an actual one; binds new symbols."""
    recorded = exchange.response
    whole_seconds = binder.whole_second_timestamps
    differences: list[str] = []
    if answer.status != recorded.status:
        differences.append(f"status {answer.status}, recorded {recorded.status}")
    differences += compare_headers(recorded.headers, answer.headers, binder)
    if None not in (recorded.closed, answer.closed) and recorded.closed != answer.closed:
        differences.append(
            f"connection {'closed' if answer.closed else 'kept'} after the answer, "
            f"recorded {'closed' if recorded.closed else 'kept'}"
        )
    if answer.body_kind != recorded.body_kind:
        differences.append(
            f"body is {answer.body_kind} {_brief(answer.body)}, "
            f"recorded {recorded.body_kind} {_brief(recorded.body)}"
        )
    elif (
        exchange.unordered
        and isinstance(recorded.body, list)
        and isinstance(answer.body, list)
        and recorded.status == answer.status
    ):
        differences += binder.unify_unordered(recorded.body, answer.body, "body")
    else:
        differences += [f"body{d[1:]}" for d in binder.unify(recorded.body, answer.body)]
    if binder.whole_second_timestamps > max(whole_seconds, 1):
        differences.append(
            "timestamps without a fraction of a second (the server writes .ffffff "
            "unless the microseconds are 0)"
        )
    return differences


def compare_headers(
    recorded: Mapping[str, str], actual: Mapping[str, str], binder: Binder
) -> list[str]:
    differences: list[str] = []
    for name in WATCHED_HEADERS:
        want, got = recorded.get(name), actual.get(name)
        if want is None and got is None:
            continue
        if want is None:
            differences.append(f"header {name}: {got!r}, recorded none")
        elif got is None:
            differences.append(f"header {name}: none, recorded {want!r}")
        elif binder.unify(want, got):
            differences.append(f"header {name}: {got!r}, recorded {want!r}")
    return differences


def replay(
    scenario: Scenario, wire: Wire, fixed: Mapping[str, str], *, stop_at_first: bool = False
) -> list[Outcome]:
    """Send every exchange of ``scenario`` to ``wire`` and compare the answers.

    ``fixed`` binds ``run`` (a fresh name prefix), ``base_url`` and ``admin_key``.
    A request that needs an id no earlier answer provided is reported, not sent.
    """
    binder = Binder(fixed)
    outcomes: list[Outcome] = []
    for index, exchange in enumerate(scenario.exchanges):
        request = exchange.request
        outcome = Outcome(scenario.name, index, request.method, request.target)
        outcomes.append(outcome)
        try:
            target = binder.expand_text(request.target)
            headers = {k: binder.expand_text(v) for k, v in request.headers.items()}
            body: Any = binder.expand(request.body)
        except Unbound as missing:
            outcome.differences.append(f"not sent: {missing.args[0]} was never bound")
            continue
        answer = wire.send(request.method, target, headers, request.content(body))
        outcome.answer = answer
        outcome.differences = compare(exchange, answer, binder)
        if stop_at_first and outcome.differences:
            break
    return outcomes


def _brief(value: Any, limit: int = 120) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
