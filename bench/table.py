"""The results as a rich table, and how each figure grows from 10k to 100k people."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from bench.timing import Figure


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def print_table(console: Console, figures: list[Figure], skipped: list[dict[str, str]]) -> None:
    """One row per figure: ours (median / p99), goal, met, baseline, note."""
    table = Table(title="Dörrnät benchmark", show_lines=True)
    for column in ("measure", "size", "median", "p99", "unit", "goal", "met", "baseline", "note"):
        table.add_column(column, overflow="fold")
    for f in figures:
        base = f"{f.baseline}: {_num(f.baseline_median)}" if f.baseline else ""
        if f.baseline_p99 is not None:
            base += f" / p99 {_num(f.baseline_p99)}"
        met = "-" if f.met is None else ("[green]yes[/]" if f.met else "[red]no[/]")
        table.add_row(
            f.measure, f.size, _num(f.median), _num(f.p99), f.unit, f.goal, met, base, f.note
        )
    console.print(table)
    for s in skipped:
        console.print(f"[yellow]not measured:[/] {s['measure']}: {s['reason']}")


def growth(figures: list[Figure]) -> dict[str, Any]:
    """For each measure taken at 10k and 100k: the ratio of the medians (100k / 10k)."""
    by: dict[str, dict[str, Figure]] = {}
    for f in figures:
        by.setdefault(f.measure, {})[f.size] = f
    out: dict[str, Any] = {}
    for measure, sizes in by.items():
        small, large = sizes.get("10,000"), sizes.get("100,000")
        if small and large and small.median and large.median:
            out[measure] = {
                "unit": small.unit,
                "10k": small.median,
                "100k": large.median,
                "ratio": round(large.median / small.median, 2),
            }
    return out
