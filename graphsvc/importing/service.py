"""Importing one CSV file: read, check every row, then write all of it or nothing.

The order is what makes "nothing written when any row is bad" hold without one giant
transaction: every check (the models, the rules, the references, what is already held) runs
before the first write. Writes then go in batches of about a thousand rows, each batch one
transaction; should the server fail halfway, running the same import again finishes it, because
rows already held are skipped (people by e-mail or id, everything else by id).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from graphsvc import clock
from graphsvc.graph.db import Graph
from graphsvc.importing import doors, follow_ups, matches, meetings, people
from graphsvc.importing.checks import Checked
from graphsvc.importing.report import ImportKind, ImportReport, RowError, RowsRejected, by_line
from graphsvc.importing.rows import HeaderError, RawRow, read_rows, write_rows


class Progress(Protocol):
    """Where an import reports how far it is (the CLI's progress bar; nothing over HTTP)."""

    def phase(self, name: str, total: int) -> None:
        """A new phase (checking, writing) of `total` rows begins."""

    def advance(self, rows: int) -> None:
        """`rows` more rows are done."""


@dataclass(frozen=True)
class Kind:
    """One kind of file: its columns, how its rows are checked, and how they are written."""

    name: ImportKind
    columns: tuple[str, ...]
    required: frozenset[str]
    check: Callable[[Graph, list[RawRow], datetime], Checked[Any]]
    write: Callable[[Graph, list[Any], datetime, Callable[[int], None] | None], int]


KINDS: dict[str, Kind] = {
    "people": Kind("people", people.COLUMNS, people.REQUIRED, people.check, people.write),
    "matches": Kind("matches", matches.COLUMNS, matches.REQUIRED, matches.check, matches.write),
    "meetings": Kind(
        "meetings", meetings.COLUMNS, meetings.REQUIRED, meetings.check, meetings.write
    ),
    "doors": Kind("doors", doors.COLUMNS, doors.REQUIRED, doors.check, doors.write),
    "follow_ups": Kind(
        "follow_ups", follow_ups.COLUMNS, follow_ups.REQUIRED, follow_ups.check, follow_ups.write
    ),
}
ORDER: tuple[ImportKind, ...] = ("people", "matches", "meetings", "doors", "follow_ups")
"""The order files of one history must be imported in: each refers only to earlier ones."""


@dataclass(frozen=True)
class ImportResult:
    """The report, and the rejected rows as CSV (with `_line` and `_errors`) when any."""

    report: ImportReport
    rejects_csv: str | None


def read_kind(kind: ImportKind, text: str) -> tuple[list[RawRow], list[RowError]]:
    """The file's rows; a header naming unknown or missing columns refuses the whole file."""
    spec = KINDS[kind]
    return read_rows(text, required=spec.required, known=frozenset(spec.columns))


def import_text(
    graph: Graph,
    kind: ImportKind,
    text: str,
    *,
    skip_bad: bool = False,
    at: datetime | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Imports one file; raises `RowsRejected` (nothing written) when a row is bad and
    `skip_bad` is false, or when the header itself is wrong."""
    started = time.perf_counter()
    try:
        raws, unreadable = read_kind(kind, text)
    except HeaderError as exc:
        raise RowsRejected(
            ImportReport(
                kind=kind, rows=0, written=0, skipped=0, rejected=exc.errors, committed=False
            )
        ) from None
    return import_rows(
        graph,
        kind,
        raws,
        unreadable=unreadable,
        skip_bad=skip_bad,
        at=at,
        progress=progress,
        started=started,
    )


def import_rows(
    graph: Graph,
    kind: ImportKind,
    raws: list[RawRow],
    *,
    unreadable: list[RowError] | None = None,
    skip_bad: bool = False,
    at: datetime | None = None,
    progress: Progress | None = None,
    started: float | None = None,
) -> ImportResult:
    """Checks and writes rows already read (the demo generator hands its rows in here)."""
    started = time.perf_counter() if started is None else started
    at = at or clock.now()
    spec = KINDS[kind]
    if progress is not None:
        progress.phase("checking", len(raws))
    checked = spec.check(graph, raws, at)
    if progress is not None:
        progress.advance(len(raws))
    errors = sorted([*(unreadable or []), *checked.errors], key=lambda e: e.line)
    count = len(raws) + len({e.line for e in unreadable or []})
    if errors and not skip_bad:
        raise RowsRejected(
            ImportReport(
                kind=kind,
                rows=count,
                written=0,
                skipped=checked.skipped,
                rejected=errors,
                committed=False,
            )
        )
    if progress is not None:
        progress.phase("writing", len(checked.good))
    written = spec.write(graph, checked.good, at, progress.advance if progress else None)
    report = ImportReport(
        kind=kind,
        rows=count,
        written=written,
        skipped=checked.skipped,
        rejected=errors,
        committed=True,
        seconds=round(time.perf_counter() - started, 3),
    )
    return ImportResult(report, rejects_csv(spec.columns, raws, errors) if errors else None)


def rejects_csv(columns: tuple[str, ...], raws: list[RawRow], errors: list[RowError]) -> str:
    """The refused rows as they were, plus `_line` and `_errors`; once fixed, the file imports
    as it is, because columns starting with `_` are ignored."""
    grouped = by_line(errors)
    out: list[dict[str, str]] = []
    for raw in raws:
        if raw.line in grouped:
            described = _describe(grouped.pop(raw.line))
            out.append({**raw.cells, "_line": str(raw.line), "_errors": described})
    for line, unread in grouped.items():  # rows that could not be read into columns at all
        out.append({"_line": str(line), "_errors": _describe(unread)})
    out.sort(key=lambda r: int(r["_line"]))
    return write_rows([*columns, "_line", "_errors"], out)


def _describe(errors: list[RowError]) -> str:
    return " | ".join(f"{e.field}: {e.reason}" if e.field else e.reason for e in errors)
