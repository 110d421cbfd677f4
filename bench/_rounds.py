"""Interleaved rounds: run contenders A, B, C, A, B, C, ... and summarise them by medians.

Each round measures every contender once, in an order rotated from round to round, so slow drift
of the machine (frequency, other load) lands on all of them alike. A ratio is the median of the
per-round ratios (paired by round), which is steadier than a ratio of two medians under drift.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = ["Samples", "interleave", "paired_ratio"]


@dataclass
class Samples:
    """One figure of each contender per round, in round order."""

    by_name: dict[str, list[float]] = field(default_factory=dict)

    def add(self, name: str, value: float) -> None:
        self.by_name.setdefault(name, []).append(value)

    def median(self, name: str) -> float | None:
        values = self.by_name.get(name)
        return statistics.median(values) if values else None

    def rounds(self) -> int:
        return min((len(v) for v in self.by_name.values()), default=0)


def paired_ratio(samples: Samples, name: str, baseline: str) -> float | None:
    """Median over rounds of `name / baseline`, rounds paired by index."""
    ours = samples.by_name.get(name)
    base = samples.by_name.get(baseline)
    if not ours or not base:
        return None
    ratios = [a / b for a, b in zip(ours, base, strict=False) if b > 0]
    return statistics.median(ratios) if ratios else None


def interleave(
    contenders: Sequence[tuple[str, Callable[[], float]]],
    rounds: int,
    deadline: float,
    min_rounds: int = 3,
) -> Samples:
    """Call each contender's measure function once a round, rotating the order.

    Stops after `rounds` rounds, or earlier once `time.monotonic()` passes `deadline` (but never
    before `min_rounds` rounds, so every figure has a median).
    """
    samples = Samples()
    n = len(contenders)
    for r in range(rounds):
        if r >= min_rounds and time.monotonic() > deadline:
            break
        for i in range(n):
            name, measure = contenders[(r + i) % n]
            samples.add(name, measure())
    return samples
