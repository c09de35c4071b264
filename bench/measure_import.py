"""Import: people with their edges (batched, checked) against one transaction per person, and
the rest of the history (matches, meetings, doors, follow-ups) as the demo loads it."""

from __future__ import annotations

import statistics
import time

from bench.baseline import import_one_by_one
from bench.machine import server_cpu_seconds
from bench.programme import UNTIL, load_programme, people_rows, programme_of
from bench.timing import Figure, timed
from graphsvc.graph.db import Graph
from graphsvc.graph.schema import wipe_programme
from graphsvc.importing import people as people_import
from graphsvc.importing.service import import_rows
from graphsvc.seed import demo
from graphsvc.services.bootstrap import prepare_database

GOAL_NODES_PER_SECOND = 15_000


class PhaseTimer:
    """The importer's `Progress`, used as a stopwatch: seconds spent checking and writing."""

    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {"checking": [], "writing": []}
        self._phase: str | None = None
        self._started = self._last = 0.0

    def phase(self, name: str, total: int) -> None:
        """Closes the previous phase and starts `name`."""
        self._close()
        self._phase, self._started = name, time.perf_counter()

    def advance(self, rows: int) -> None:
        """Rows done; the writing phase ends with its last batch."""
        if self._phase == "writing":
            self._last = time.perf_counter()

    def _close(self) -> None:
        if self._phase == "checking":
            self.seconds["checking"].append(time.perf_counter() - self._started)

    def finish(self, _: object = None) -> None:
        """Records the writing phase, which ends with the last batch (takes the import's
        result only so that it can close a lambda)."""
        if self._phase == "writing":
            self.seconds["writing"].append(self._last - self._started)
            self._phase = None


def measure_people(graph: Graph, *, size: int, repeats: int, baseline_rows: int) -> list[Figure]:
    """Imports the demo's people `repeats` times into an empty programme; then the baseline."""
    prepare_database(graph)
    programme = programme_of(size)
    raws = people_rows(programme)
    at = demo.import_clock(UNTIL)
    edges = sum(
        len(c["languages"].split(";"))
        + len(c["industries"].split(";"))
        + len([f for f in c["education_fields"].split(";") if f])
        + bool(c["home_place"])
        + bool(c["work_place"])
        for c in programme.people
    )
    phases = PhaseTimer()
    cpu: dict[str, list[float]] = {"server": [], "client": []}

    def run() -> None:
        server, client = server_cpu_seconds(graph), time.process_time()
        phases.finish(import_rows(graph, "people", raws, at=at, progress=phases))
        cpu["server"].append(round(server_cpu_seconds(graph) - server, 2))
        cpu["client"].append(round(time.process_time() - client, 2))

    whole = timed(run, repeats, before=lambda: wipe_programme(graph))
    wipe_programme(graph)
    good = people_import.check(graph, raws, at).good
    sample = people_import.to_write_rows(good[:baseline_rows], at=at)
    started = time.perf_counter()
    import_one_by_one(graph, sample)
    one_by_one = time.perf_counter() - started
    wipe_programme(graph)
    rate, slowest = size / whole.median, size / whole.p99
    baseline_rate = len(sample) / one_by_one
    return [
        Figure(
            measure="import people with their edges (checked, batched)",
            size=f"{size:,}",
            unit="people/s",
            median=round(rate),
            p99=round(slowest),
            goal=f">= {GOAL_NODES_PER_SECOND:,} nodes/s",
            met=rate >= GOAL_NODES_PER_SECOND,
            baseline="one transaction per row",
            baseline_median=round(baseline_rate),
            runs=repeats,
            baseline_runs=1,
            note=f"{rate / baseline_rate:.0f}x the baseline; p99 column = slowest run's rate; "
            f"baseline on {len(sample)} rows",
            extra={
                "seconds": whole.runs,
                "edges_per_run": edges,
                "edges_per_second": round(edges / whole.median),
                "nodes_and_edges_per_second": round((size + edges) / whole.median),
                "server_cpu_seconds": cpu["server"],
                "client_cpu_seconds": cpu["client"],
                "checking_seconds": [round(s, 2) for s in phases.seconds["checking"]],
                "writing_seconds": [round(s, 2) for s in phases.seconds["writing"]],
                "write_only_people_per_second": round(
                    size / statistics.median(phases.seconds["writing"])
                ),
            },
        )
    ]


def measure_history(graph: Graph, *, size: int) -> list[Figure]:
    """Loads the whole demo programme (people already held are skipped) and reports each file."""
    loaded = load_programme(graph, size, wipe=False)
    figures = []
    for kind, seconds in loaded.seconds.items():
        if kind == "people":
            continue
        rows = len(loaded.programme.rows(kind))  # type: ignore[arg-type]
        figures.append(
            Figure(
                measure=f"import {kind} (history, checked, batched)",
                size=f"{size:,}",
                unit="rows/s",
                median=round(rows / seconds),
                p99=None,
                goal="-",
                met=None,
                runs=1,
                note=f"{rows:,} rows in {seconds:.1f} s",
            )
        )
    return figures
