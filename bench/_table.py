"""The result table: one row per figure, with its baseline, ratio, budget and PASS/MISS."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Budget", "Row", "missed", "render"]

Status = Literal["PASS", "MISS", "info", "n/a"]


@dataclass(frozen=True)
class Budget:
    """A limit on one number of a row: `ratio <= 1.3`, `ratio >= 0.9`, `value <= 0`, ..."""

    on: Literal["ratio", "value"]
    op: Literal["<=", ">="]
    limit: float
    text: str  # how the budget is printed, e.g. "≤ 1.30x"

    def met(self, ratio: float | None, value: float | None) -> bool | None:
        x = ratio if self.on == "ratio" else value
        if x is None:
            return None
        return x <= self.limit if self.op == "<=" else x >= self.limit


def at_most(ratio: float) -> Budget:
    return Budget("ratio", "<=", ratio, f"≤ {ratio:.2f}x")


def at_least(ratio: float) -> Budget:
    return Budget("ratio", ">=", ratio, f"≥ {ratio:.2f}x")


NO_FAILURES = Budget("value", "<=", 0, "0 failures")


@dataclass(frozen=True)
class Row:
    """One figure. `ours`, `baseline` and `other` are already formatted cells."""

    part: str
    figure: str
    ours: str
    baseline: str
    ratio: float | None = None
    other: str = "—"
    budget: Budget | None = None
    value: float | None = None  # the number a value budget is checked against

    @property
    def status(self) -> Status:
        if self.budget is None:
            return "info"
        met = self.budget.met(self.ratio, self.value)
        if met is None:
            return "n/a"
        return "PASS" if met else "MISS"


HEADERS = (
    "part",
    "figure",
    "honcho_client",
    "baseline",
    "ratio",
    "honcho-ai 0.2.0",
    "budget",
    "result",
)


def _cells(row: Row) -> tuple[str, ...]:
    ratio = "—" if row.ratio is None else f"{row.ratio:.2f}x"
    budget = "—" if row.budget is None else row.budget.text
    return (row.part, row.figure, row.ours, row.baseline, ratio, row.other, budget, row.status)


def render(rows: list[Row]) -> str:
    """A Markdown pipe table, aligned so it also reads well in a terminal."""
    table = [HEADERS, *(_cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]

    def line(cells: tuple[str, ...]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(table[0]), rule, *(line(c) for c in table[1:])])


def missed(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.status == "MISS"]
