"""`python -m bench [--quick]`: the issue's table, measured, printed and written to JSON.

Needs `NEO4J_URI` (and `NEO4J_PASSWORD`) naming a database of its own: the benchmark wipes the
programme in it again and again, and refuses a database that holds anyone but demo people.

Building a 100k programme takes a while on two cores, so two narrower runs reuse what is there:
`--loaded SIZE` measures candidates, the report, HTTP and pages on a demo programme of SIZE people
already loaded (`graphsvc seed --demo --people SIZE`; nothing is wiped, the pages measure adds its
relay tree), `--batch-only` measures the batch alone (it loads its own waiting list), and
`--import-only SIZE` the people import alone (`--quick`: one run and a 50-row baseline). With
`--loaded`, `--only` keeps one of its measures.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path

from rich.console import Console

from bench import machine
from bench.measure_http import measure_http
from bench.measure_import import measure_history, measure_people
from bench.measure_pages import measure_pages
from bench.measure_queries import measure_batch, measure_candidates, measure_report
from bench.queries import Q
from bench.table import growth, print_table
from bench.timing import Figure
from graphsvc.graph.db import Graph
from graphsvc.services.bootstrap import prepare_database
from graphsvc.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results"
ONLY = {
    "candidates": "candidates at",
    "report": "impact report at",
    "http": "HTTP at",
    "pages": "pages at",
}
"""`--only` choices and the start of the measure's name they keep."""
console = Console(width=180)


@dataclass(frozen=True)
class Plan:
    """Sizes and repeats of one run."""

    sizes: tuple[int, ...]
    import_repeats: int
    baseline_rows: int
    calls: int
    baseline_calls: int
    report_repeats: int
    report_sample: int
    batch: tuple[int, int]
    batch_repeats: int
    http_seconds: float
    page_repeats: int
    pyvis_limit: float
    with_map: bool


QUICK = Plan((10_000,), 1, 50, 20, 2, 1, 10, (200, 400), 1, 2.0, 1, 10.0, False)
"""Stays within two minutes on two cores: 10k only, few repeats, a smaller batch."""
FULL = Plan((10_000, 100_000), 3, 1_000, 200, 5, 5, 200, (5_000, 10_000), 3, 15.0, 3, 180.0, True)


def attempt(
    name: str, work: Callable[[], list[Figure]], skipped: list[dict[str, str]]
) -> list[Figure]:
    """Runs one measure; one whose subject is missing or broken is listed, never invented."""
    started = time.perf_counter()
    console.print(f"[bold]measuring[/] {name} ...")
    try:
        figures = work()
    except ImportError as exc:
        skipped.append({"measure": name, "reason": f"not built yet ({exc})"})
        return []
    except Exception as exc:  # a failed measure is reported, the others go on
        skipped.append({"measure": name, "reason": f"{type(exc).__name__}: {exc}"})
        traceback.print_exc()
        return []
    console.print(f"  done in {time.perf_counter() - started:.0f} s")
    return figures


def main() -> int:
    """Runs the benchmark; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10k only, few repeats (< 2 min)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn workers for HTTP")
    parser.add_argument(
        "--http-person-only",
        action="store_true",
        help="HTTP: the two person reads, not the candidate list",
    )
    narrow = parser.add_mutually_exclusive_group()
    narrow.add_argument(
        "--loaded",
        type=int,
        metavar="SIZE",
        help="measure the demo programme of SIZE people already loaded; no import, no batch",
    )
    narrow.add_argument("--batch-only", action="store_true", help="measure the batch alone")
    narrow.add_argument(
        "--import-only",
        type=int,
        metavar="SIZE",
        help="measure the people import of SIZE people alone (wipes the programme)",
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=sorted(ONLY),
        help="with --loaded: only this measure (repeatable), for a before/after of one change",
    )
    parser.add_argument(
        "--pyvis-limit",
        type=float,
        metavar="SECONDS",
        help="how long a pyvis baseline page may take to draw (180 s in a full run)",
    )
    args = parser.parse_args()
    if args.only and args.loaded is None:
        parser.error("--only needs --loaded (the other runs import or batch first)")
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        console.print("[red]error:[/] set NEO4J_URI (and NEO4J_PASSWORD) to a database of its own")
        return 2
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", "")
    graph = Graph.connect(uri, user, password, os.environ.get("NEO4J_DATABASE", "neo4j"))
    graph.verify()
    prepare_database(graph)
    if graph.read(Q.real_people)[0]["people"]:
        console.print(
            "[red]error:[/] this database holds people who are not demo people; "
            "the benchmark wipes it, so give it a database of its own"
        )
        return 2
    settings = Settings(NEO4J_URI=uri, GRAPHSVC_ENV="development")
    p = QUICK if args.quick else FULL
    if args.loaded is not None:
        held = graph.read(Q.count_people)[0]["people"]
        if held != args.loaded:
            console.print(
                f"[red]error:[/] --loaded {args.loaded} but the database holds {held} people; "
                f"load it first with `graphsvc seed --demo --people {args.loaded}`"
            )
            return 2
        p = replace(p, sizes=(args.loaded,))
    if args.batch_only or args.import_only is not None:
        p = replace(p, sizes=())
    if args.pyvis_limit is not None:
        p = replace(p, pyvis_limit=args.pyvis_limit)
    facts = machine.describe(graph)
    figures: list[Figure] = []
    skipped: list[dict[str, str]] = []
    started = time.perf_counter()
    credentials = (uri, user, password)
    for size in p.sizes:
        measures: list[tuple[str, Callable[[], list[Figure]]]] = [
            (
                f"import {size:,} people",
                partial(
                    measure_people,
                    graph,
                    size=size,
                    repeats=p.import_repeats,
                    baseline_rows=p.baseline_rows,
                ),
            ),
            (
                f"import the rest of the {size:,} programme",
                partial(measure_history, graph, size=size),
            ),
            (
                f"candidates at {size:,}",
                partial(
                    measure_candidates,
                    graph,
                    settings,
                    size=size,
                    calls=p.calls,
                    baseline_calls=p.baseline_calls,
                ),
            ),
            (
                f"impact report at {size:,}",
                partial(
                    measure_report,
                    graph,
                    size=size,
                    repeats=p.report_repeats,
                    baseline_sample=p.report_sample,
                ),
            ),
            (
                f"HTTP at {size:,}",
                partial(
                    measure_http,
                    graph,
                    credentials,
                    size=size,
                    seconds=p.http_seconds,
                    workers=args.workers,
                    with_candidates=not args.http_person_only,
                ),
            ),
            (
                f"pages at {size:,}",
                partial(
                    measure_pages,
                    graph,
                    credentials,
                    size=size,
                    repeats=p.page_repeats,
                    baseline_limit=p.pyvis_limit,
                    with_map=p.with_map,
                ),
            ),
        ]
        if args.loaded is not None:
            measures = measures[2:]  # the programme is there: no import (it would wipe it)
        if args.only:
            starts = tuple(ONLY[word] for word in args.only)
            measures = [(name, work) for name, work in measures if name.startswith(starts)]
        for name, work in measures:
            figures += attempt(name, work, skipped)
    if args.import_only is not None:
        figures += attempt(
            f"import {args.import_only:,} people",
            partial(
                measure_people,
                graph,
                size=args.import_only,
                repeats=p.import_repeats,
                baseline_rows=p.baseline_rows,
            ),
            skipped,
        )
    waiting, openers = p.batch
    if args.loaded is None and args.import_only is None:  # the batch loads its own programme
        figures += attempt(
            "batch matching",
            partial(
                measure_batch,
                graph,
                settings,
                waiting=waiting,
                door_openers=openers,
                repeats=p.batch_repeats,
            ),
            skipped,
        )
    facts["load_average_at_end"] = machine.load_average()
    facts["seconds"] = round(time.perf_counter() - started)
    print_table(console, figures, skipped)
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kind = "quick" if args.quick else "full"
    if args.loaded is not None:
        kind += f"-loaded{args.loaded}" + "".join(f"-{word}" for word in args.only or [])
    elif args.batch_only:
        kind += "-batch"
    elif args.import_only is not None:
        kind += f"-import{args.import_only}"
    out = RESULTS / f"{stamp}-{kind}.json"
    out.write_text(
        json.dumps(
            {
                "machine": facts,
                "quick": args.quick,
                "figures": [f.as_dict() for f in figures],
                "growth_10k_to_100k": growth(figures),
                "not_measured": skipped,
            },
            indent=2,
            default=str,
        )
    )
    console.print(f"results written to {out} ({facts['seconds']} s)")
    graph.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
