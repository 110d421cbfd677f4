"""The table of scenarios: each a named function of a :class:`Recording`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ._recording import Recording

ScenarioFunction = Callable[[Recording], None]


@dataclass(frozen=True)
class ScenarioSpec:
    name: str  # "<group>.<what>"; the group names the cassette file
    auth: bool
    run: ScenarioFunction
    description: str

    @property
    def group(self) -> str:
        return self.name.partition(".")[0]


SCENARIOS: dict[str, ScenarioSpec] = {}


def scenario(name: str, *, auth: bool = False) -> Callable[[ScenarioFunction], ScenarioFunction]:
    """Register a scenario (its docstring is its description)."""

    def register(function: ScenarioFunction) -> ScenarioFunction:
        if name in SCENARIOS:
            raise ValueError(f"scenario {name!r} defined twice")
        doc = " ".join((function.__doc__ or "").split())
        SCENARIOS[name] = ScenarioSpec(name, auth, function, doc)
        return function

    return register
