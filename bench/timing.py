"""Repeated runs summarised as median and p99, and one row of the results table."""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any


def p99(values: list[float]) -> float:
    """The 99th percentile by nearest rank: with fewer than 100 runs, the slowest one."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Summary:
    """Seconds of each run, with median and p99."""

    runs: list[float]

    @property
    def median(self) -> float:
        """The median run in seconds."""
        return statistics.median(self.runs)

    @property
    def p99(self) -> float:
        """The 99th-percentile run in seconds."""
        return p99(self.runs)


def timed(
    work: Callable[[], Any], repeats: int, *, before: Callable[[], Any] | None = None
) -> Summary:
    """Runs `work` `repeats` times (after `before` each time, untimed)."""
    runs = []
    for _ in range(repeats):
        if before is not None:
            before()
        started = time.perf_counter()
        work()
        runs.append(time.perf_counter() - started)
    return Summary(runs)


@dataclass
class Figure:
    """One measure at one size: ours and the baseline's, and the goal it is held to."""

    measure: str
    size: str
    unit: str
    median: float | None
    p99: float | None
    goal: str
    met: bool | None
    baseline: str = ""
    baseline_median: float | None = None
    baseline_p99: float | None = None
    runs: int = 0
    baseline_runs: int = 0
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        """The figure as JSON-ready data."""
        return asdict(self)
