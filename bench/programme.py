"""The programmes the benchmark measures: the demo at 10k and 100k people, and a batch state.

The demo is generated from a fixed seed and loaded through the importer, so every run measures
the same data. Loading it is timed too (the whole history's rows per second), which is a figure
in itself: the import of matches, meetings, doors and follow-ups.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date
from functools import cache
from random import Random

from graphsvc.graph.db import Graph
from graphsvc.graph.schema import wipe_programme
from graphsvc.importing.rows import RawRow
from graphsvc.importing.service import import_rows
from graphsvc.seed import demo
from graphsvc.seed.people import make_member
from graphsvc.seed.tables import tables
from graphsvc.services.bootstrap import prepare_database

SEED = 2015
UNTIL = demo.DEFAULT_UNTIL


@dataclass(frozen=True)
class Loaded:
    """A programme in the database, and how long each file took to import."""

    people: int
    programme: demo.Programme
    seconds: dict[str, float]


@cache
def programme_of(people: int) -> demo.Programme:
    """The demo of `people` people, built once per process (it takes seconds at 100k)."""
    return demo.build(people=people, seed=SEED, until=UNTIL)


def people_rows(programme: demo.Programme) -> list[RawRow]:
    """The people.csv rows of a programme, as the importer reads them."""
    return [RawRow(line=i + 2, cells=c) for i, c in enumerate(programme.people)]


def load_programme(graph: Graph, people: int, *, wipe: bool = True) -> Loaded:
    """Loads the demo of `people` people (into an empty programme unless `wipe` is false, when
    people already held are skipped), timing each file."""
    prepare_database(graph)
    if wipe:
        wipe_programme(graph)
    programme = programme_of(people)
    seconds = {}
    for kind in ("people", "matches", "meetings", "doors", "follow_ups"):
        raws = [RawRow(line=i + 2, cells=c) for i, c in enumerate(programme.rows(kind))]
        started = time.perf_counter()
        import_rows(graph, kind, raws, at=demo.import_clock(UNTIL))
        seconds[kind] = time.perf_counter() - started
    return Loaded(people, programme, seconds)


def load_waiting(graph: Graph, *, waiting: int, door_openers: int) -> None:
    """People only: `waiting` participants and `door_openers` door-openers, no events, so every
    participant waits for a match (the batch measure's state)."""
    prepare_database(graph)
    wipe_programme(graph)
    rng = Random(SEED)
    start = date(UNTIL.year - 2, UNTIL.month, UNTIL.day)
    members = [
        make_member(
            rng,
            tables(),
            seed=SEED,
            index=i,
            start=start,
            roles=("participant",) if i < waiting else ("door_opener",),
        )
        for i in range(waiting + door_openers)
    ]
    raws = [RawRow(line=i + 2, cells=m.cells) for i, m in enumerate(members)]
    import_rows(graph, "people", raws, at=demo.import_clock(UNTIL))


def sample_ids(graph: Graph, *, label: str, count: int, with_meeting: bool = False) -> list[str]:
    """A fixed-seed sample of people ids of one role (optionally only those with a meeting)."""
    from bench.queries import Q

    query = Q.participants_with_meeting if with_meeting else Q.people_ids
    ids = sorted(r["id"] for r in graph.read(query, label=label))
    rng = Random(SEED)
    return rng.sample(ids, min(count, len(ids)))
