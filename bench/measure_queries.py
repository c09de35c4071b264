"""Reads at the programme's size: the top-10 candidates, the impact report, batch matching.

Each is measured only if its code is in the tree: a measure whose subject is not built yet is
reported as not measured, with the reason, never with a number.
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from bench import baseline
from bench.programme import UNTIL, load_waiting, sample_ids
from bench.timing import Figure, Summary, timed
from graphsvc.graph.db import Graph
from graphsvc.settings import Settings

WARM_UP = 5


def measure_candidates(
    graph: Graph, settings: Settings, *, size: int, calls: int, baseline_calls: int
) -> list[Figure]:
    """Top-10 candidates for sampled participants, and the fetch-all-score-in-Python baseline."""
    from graphsvc.services.candidates import list_candidates

    ids = sample_ids(graph, label="Participant", count=calls + WARM_UP)
    weights = settings.weights

    def one(pid: str) -> float:
        started = time.perf_counter()
        list_candidates(graph, pid, weights=weights, principal=baseline.ADMIN, limit=10)
        return time.perf_counter() - started

    for pid in ids[:WARM_UP]:
        one(pid)
    ours = Summary([one(pid) for pid in ids[WARM_UP:]])
    theirs = []
    for pid in ids[WARM_UP : WARM_UP + baseline_calls]:
        started = time.perf_counter()
        baseline.candidates(graph, pid, weights=weights, limit=10)
        theirs.append(time.perf_counter() - started)
    base = Summary(theirs)
    met = ours.median <= 0.020 and ours.p99 <= 0.150
    return [
        Figure(
            measure="top-10 candidates",
            size=f"{size:,}",
            unit="ms",
            median=round(ours.median * 1000, 1),
            p99=round(ours.p99 * 1000, 1),
            goal="p50 <= 20 ms, p99 <= 150 ms",
            met=met,
            baseline="fetch all door-openers, score in Python",
            baseline_median=round(base.median * 1000, 1),
            baseline_p99=round(base.p99 * 1000, 1),
            runs=len(ours.runs),
            baseline_runs=len(base.runs),
            note=f"baseline {base.median / ours.median:.0f}x slower (median)",
        )
    ]


def measure_report(graph: Graph, *, size: int, repeats: int, baseline_sample: int) -> list[Figure]:
    """The impact report over the whole two years, against one network query per participant
    (measured on a sample and scaled to every participant with a meeting)."""
    from graphsvc.models.report import ReportFilters
    from graphsvc.services.reports import impact_report

    filters = ReportFilters.model_validate({"from": UNTIL - timedelta(days=731), "to": UNTIL})
    report: dict[str, Any] = {}

    def run() -> None:
        report["last"] = impact_report(graph, filters, today=UNTIL)

    ours = timed(run, repeats)
    everyone = sample_ids(graph, label="Participant", count=10**9, with_meeting=True)
    sample = everyone[:baseline_sample]
    started = time.perf_counter()
    baseline.report_reach_one_by_one(graph, sample)
    per_participant = (time.perf_counter() - started) / max(len(sample), 1)
    scaled = per_participant * len(everyone)
    return [
        Figure(
            measure="impact report, all participants",
            size=f"{size:,}",
            unit="s",
            median=round(ours.median, 2),
            p99=round(ours.p99, 2),
            goal="<= 5 s",
            met=ours.median <= 5,
            baseline="one query per participant",
            baseline_median=round(scaled, 1),
            runs=repeats,
            baseline_runs=1,
            note=f"baseline: {len(sample)} participants measured, scaled to "
            f"{len(everyone):,} with a meeting ({scaled / ours.median:.0f}x slower)",
        )
    ]


def measure_batch(
    graph: Graph, settings: Settings, *, waiting: int, door_openers: int, repeats: int
) -> list[Figure]:
    """A dry-run batch over `waiting` participants and `door_openers` door-openers, with the
    greedy plan's total score beside the optimal one's."""
    from graphsvc.models.match import BatchRequest
    from graphsvc.services.batch import run_batch

    load_waiting(graph, waiting=waiting, door_openers=door_openers)
    result: dict[str, Any] = {}

    def run() -> None:
        result["last"] = run_batch(graph, settings, BatchRequest(dry_run=True))

    ours = timed(run, repeats)
    plan = result["last"]
    gap = plan.total_score - plan.greedy_total_score
    share = gap / plan.greedy_total_score if plan.greedy_total_score else 0.0
    return [
        Figure(
            measure="batch matching (dry run)",
            size=f"{waiting:,} x {door_openers:,}",
            unit="s",
            median=round(ours.median, 2),
            p99=round(ours.p99, 2),
            goal="<= 10 s",
            met=ours.median <= 10,
            baseline="greedy (same candidates)",
            runs=repeats,
            note=f"{len(plan.assignments):,} assigned, {len(plan.unmatched):,} unmatched; "
            f"total score {plan.total_score:.1f} vs greedy {plan.greedy_total_score:.1f} "
            f"(+{gap:.1f}, {share:+.2%})",
            extra={"total_score": plan.total_score, "greedy_total_score": plan.greedy_total_score},
        )
    ]
