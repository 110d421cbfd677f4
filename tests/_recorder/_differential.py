"""A seeded random differential of two Honcho servers: a reference and a candidate.

Each request of the generator goes to the reference first; its answer is made symbolic
(as a recording would be) and feeds the generator's model; the same request, with the
candidate's own ids, goes to the candidate, whose answer is compared with the
reference's like a replay. The reference's side can be saved as cassettes.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ._cassette import Exchange, RecordedRequest, Scenario, compress_macros, expand_macros
from ._generator import Generator
from ._recording import macros_in, request_strings, symbolize_answer
from ._replay import compare
from ._symbols import Binder, Symbolizer, Unbound
from ._targets import Target
from ._wire import Answer


@dataclass
class Step:
    """One request of the differential and how the two servers answered it."""

    index: int
    mode: str
    label: str
    exchange: Exchange
    differences: list[str] = field(default_factory=list)
    candidate: Answer | None = None

    @property
    def agrees(self) -> bool:
        return not self.differences

    def describe(self) -> str:
        request = self.exchange.request
        lines = [f"#{self.index} [{self.mode}] {self.label}: {request.method} {request.target}"]
        if request.body_kind is not None:
            lines.append(f"    body: {_short(request.body)}")
        lines.append(
            f"    reference: {self.exchange.response.status} {_short(self.exchange.response.body)}"
        )
        if self.candidate is not None:
            lines.append(f"    candidate: {self.candidate.status} {_short(self.candidate.body)}")
        lines += [f"    - {d}" for d in self.differences]
        return "\n".join(lines)


def _short(value: Any, limit: int = 300) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class _Side:
    """Symbols of one server mode on both sides."""

    def __init__(self, reference: dict[str, str], candidate: dict[str, str]) -> None:
        self.symbols = Symbolizer(reference)
        self.reference = Binder(reference)
        self.candidate = Binder(candidate)

    def sync(self) -> None:
        self.reference.values = {symbol: value for value, symbol in self.symbols.symbols.items()}


class Differential:
    """Runs ``count`` random requests of one seed against a reference and a candidate."""

    def __init__(self, reference: Target, candidate: Target, seed: int) -> None:
        self.reference = reference
        self.candidate = candidate
        self.seed = seed
        self.generator = Generator(seed)
        self.sides: dict[str, _Side] = {}
        for mode, auth in (("plain", False), ("auth", True)):
            fixed_ref = reference.fixed(auth)
            fixed_cand = candidate.fixed(auth)
            fixed_cand["run"] = fixed_ref["run"]
            self.sides[mode] = _Side(fixed_ref, fixed_cand)
            self.sides[mode].sync()
        self.steps: list[Step] = []

    def run(self, count: int) -> list[Step]:
        for _ in range(count):
            self.steps.append(self.step(len(self.steps)))
        return self.steps

    def step(self, index: int) -> Step:
        mode, planned = self.generator.next()
        auth = mode == "auth"
        side = self.sides[mode]
        headers = dict(planned.headers)
        if planned.body_kind is not None:
            headers.setdefault("content-type", "application/json")
        if planned.token:
            headers["authorization"] = f"Bearer {planned.token}"
        body = expand_macros(planned.body)

        target_ref = side.reference.expand_text(planned.target)
        headers_ref = {k: side.reference.expand_text(v) for k, v in headers.items()}
        body_ref = side.reference.expand(body)
        answer = self.reference.wire(auth).send(
            planned.method, target_ref, headers_ref, _content(planned.body_kind, body_ref)
        )
        side.symbols.note_literals(request_strings(target_ref, planned.body_kind, body_ref))
        recorded = symbolize_answer(side.symbols, planned.method, target_ref, answer)
        side.sync()
        request = RecordedRequest(planned.method, planned.target, headers, planned.body_kind, body)
        raw_request = request.to_json()
        if planned.body_kind is not None:
            raw_request[planned.body_kind] = planned.body
        raw_response = recorded.to_json()
        if recorded.body_kind == "json":
            raw_response["json"] = compress_macros(recorded.body, macros_in(planned.body))
        exchange = Exchange(
            request,
            recorded,
            unordered=planned.unordered,
            raw_request=raw_request,
            raw_response=raw_response,
        )
        self.generator.observe(mode, planned, recorded.status, recorded.body)

        step = Step(index, mode, planned.label, exchange)
        try:
            target_cand = side.candidate.expand_text(planned.target)
            headers_cand = {k: side.candidate.expand_text(v) for k, v in headers.items()}
            body_cand = side.candidate.expand(body)
        except Unbound as missing:
            step.differences.append(f"not sent: {missing.args[0]} was never bound")
            return step
        step.candidate = self.candidate.wire(auth).send(
            planned.method, target_cand, headers_cand, _content(planned.body_kind, body_cand)
        )
        step.differences = compare(exchange, step.candidate, side.candidate)
        return step

    def scenarios(self) -> list[Scenario]:
        """The reference's side of the run, one scenario per mode (replayable)."""
        out = []
        for mode, auth in (("plain", False), ("auth", True)):
            exchanges = [s.exchange for s in self.steps if s.mode == mode]
            name = f"differential.seed{self.seed}.{mode}"
            description = f"seeded random requests (seed {self.seed}), {mode} server"
            out.append(Scenario(name, auth, exchanges, description))
        return out


def _content(kind: str | None, body: Any) -> bytes | None:
    if kind is None:
        return None
    if kind == "json":
        return RecordedRequest("POST", "/", body_kind="json").content(body)
    if kind == "text":
        return str(body).encode("utf-8")
    return base64.b64decode(str(body))


def summary(steps: Iterable[Step]) -> tuple[int, int, Counter[str]]:
    """Requests, agreeing requests, and the differing ones counted by operation."""
    steps = list(steps)
    agreeing = sum(s.agrees for s in steps)
    kinds: Counter[str] = Counter(f"{s.mode} {s.label}" for s in steps if not s.agrees)
    return len(steps), agreeing, kinds
