"""The one table format every benchmark prints, and the runner's row type.

Each `benchmarks/bench_<part>.py` has `run() -> list[Row]` and, as a script,
prints its own rows with `print_table(run())`. `benchmarks/run.py` prints all.
"""

from __future__ import annotations

import platform
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    name: str
    value: float
    unit: str  # "ms", "MB", "calls", ...
    target: float | None = None  # the figure must be at most this
    note: str = ""

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        return "ok" if self.value <= self.target else "MISSED"


def best_of(function: Callable[[], object], repeat: int = 5) -> float:
    """Milliseconds of the fastest of `repeat` runs (the least disturbed one)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def machine() -> str:
    return f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}, {platform.node()}"


def print_table(rows: Iterable[Row]) -> None:
    rows = list(rows)
    header = ("benchmark", "figure", "target", "")
    lines = [
        (r.name, f"{r.value:,.1f} {r.unit}", f"<= {r.target:,.0f} {r.unit}" if r.target is not None else "-", r.verdict + (f"  {r.note}" if r.note else ""))
        for r in rows
    ]
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=False)]
    for line in [header, tuple("-" * w for w in widths), *lines]:
        print("| " + " | ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)) + " |")
