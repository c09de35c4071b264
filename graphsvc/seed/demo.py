"""A whole demo programme: generate it, load it through the importer, or write it as CSV.

Everything is a function of `(people, seed, until)`: one `random.Random(seed)` makes every draw
in a fixed order, ids are derived from the seed and a counter, and the import's own clock is
set to the end of the demo, so the same arguments give the same data, node for node. The demo
is loaded through the CSV importer's checks and `UNWIND` writes, so it is also the importer's
largest test: a demo row the importer refused would be a bug in one of the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from random import Random

from graphsvc.clock import STOCKHOLM
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.importing.report import ImportKind, ImportReport
from graphsvc.importing.rows import RawRow, write_rows
from graphsvc.importing.service import KINDS, ORDER, Progress, import_rows
from graphsvc.seed.people import PROGRAMME_DAYS, make_people
from graphsvc.seed.relays import Simulation
from graphsvc.seed.tables import tables
from graphsvc.services.bootstrap import prepare_database

DEFAULT_SEED = 2015  # the year the programme began
DEFAULT_UNTIL = date(2026, 11, 1)
"""A fixed end, so the default demo is the same on every day it is made (pass `--until`)."""
SMALL_DEMO = 300


@dataclass(frozen=True)
class Programme:
    """The demo as the five files' rows (cells as text), in the importer's column names."""

    people: list[dict[str, str]]
    matches: list[dict[str, str]]
    meetings: list[dict[str, str]]
    doors: list[dict[str, str]]
    follow_ups: list[dict[str, str]]

    def rows(self, kind: ImportKind) -> list[dict[str, str]]:
        """The rows of one file."""
        rows: list[dict[str, str]] = getattr(self, kind)
        return rows

    def counts(self) -> dict[str, int]:
        """Rows per file."""
        return {kind: len(self.rows(kind)) for kind in ORDER}


def build(*, people: int, seed: int = DEFAULT_SEED, until: date = DEFAULT_UNTIL) -> Programme:
    """Generates a programme of `people` people over the two years before `until`."""
    rng = Random(seed)  # noqa: S311 - a demo must repeat from its seed, not be secret
    start = until - timedelta(days=PROGRAMME_DAYS)
    members = make_people(rng, tables(), seed=seed, count=people, start=start)
    history = Simulation(rng, members, seed=seed, until=until).run()
    return Programme(
        people=[m.cells for m in members],
        matches=history.matches,
        meetings=history.meetings,
        doors=history.doors,
        follow_ups=history.follow_ups,
    )


def import_clock(until: date) -> datetime:
    """The import's "now" for a demo: the end of the demo (so created_at is the same too)."""
    return datetime.combine(until, time(0), STOCKHOLM)


def load(
    graph: Graph,
    programme: Programme,
    *,
    until: date = DEFAULT_UNTIL,
    progress: dict[ImportKind, Progress] | None = None,
) -> dict[ImportKind, ImportReport]:
    """Imports the five files in order; any refused row raises `RowsRejected` (a bug)."""
    reports: dict[ImportKind, ImportReport] = {}
    for kind in ORDER:
        raws = [RawRow(line=i + 2, cells=c) for i, c in enumerate(programme.rows(kind))]
        result = import_rows(
            graph, kind, raws, at=import_clock(until), progress=(progress or {}).get(kind)
        )
        reports[kind] = result.report
    return reports


def write_csv(programme: Programme, folder: Path) -> list[Path]:
    """Writes people.csv, matches.csv, meetings.csv, doors.csv and follow_ups.csv."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for kind in ORDER:
        path = folder / f"{kind}.csv"
        path.write_text(write_rows(list(KINDS[kind].columns), programme.rows(kind)), "utf-8")
        paths.append(path)
    return paths


def is_empty(graph: Graph) -> bool:
    """Whether the programme holds nobody yet (reference data aside)."""
    rows = graph.read(getattr(queries, "import").count_people)
    return int(rows[0]["people"]) == 0


def seed_if_empty(graph: Graph, *, people: int = SMALL_DEMO, seed: int = DEFAULT_SEED) -> bool:
    """Loads a small demo into an empty database, so a newcomer sees a living map at once;
    leaves a database that holds anyone alone. Returns whether it seeded."""
    prepare_database(graph)
    if not is_empty(graph):
        return False
    load(graph, build(people=people, seed=seed))
    return True
