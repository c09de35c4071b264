"""`graphsvc import`: the programme's history from CSV files, with a progress bar.

Files are imported in the order their rows refer to each other (people, matches, meetings,
doors, follow-ups) whatever order they are named in, so `graphsvc import history/` just works.
"""

from __future__ import annotations

import logging
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from graphsvc.cli.common import console, fail, graph_session
from graphsvc.importing.report import ImportKind, ImportReport, RowsRejected
from graphsvc.importing.service import ORDER, import_text

MAX_ERRORS_SHOWN = 50


class RowsPerSecond(ProgressColumn):
    """Rows per second of the current phase: the figure the benchmark's goal is stated in."""

    def render(self, task: Task) -> Text:
        """The task's speed, or a dash before there is one."""
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} rows/s" if speed else "- rows/s", style="cyan")


def row_columns() -> tuple[ProgressColumn, ...]:
    """The columns of every rows-per-second bar (import and seed): phase, bar, count, speed."""
    return (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RowsPerSecond(),
        TimeElapsedColumn(),
    )


class BarProgress:
    """The importer's `Progress` as a rich bar, one task per phase."""

    def __init__(self, bar: Progress, name: str) -> None:
        self._bar = bar
        self._name = name
        self._task: object = None

    def phase(self, name: str, total: int) -> None:
        """Starts a new bar line for this phase."""
        self._task = self._bar.add_task(f"{self._name}: {name}", total=max(total, 1))

    def advance(self, rows: int) -> None:
        """Moves the current bar on."""
        if self._task is not None:
            self._bar.advance(self._task, rows)  # type: ignore[arg-type]


def quiet_notifications() -> None:
    """Silences the driver's warnings about labels and properties a fresh database has not seen
    yet: importing into an empty database would print pages of them, and they say nothing about
    the rows."""
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)


def kind_of(path: Path, given: str | None) -> ImportKind:
    """The kind named on the command line, else the file's name (`follow-ups.csv` too)."""
    name = (given or path.stem.split(".")[0]).replace("-", "_").casefold()
    for kind in ORDER:
        if name == kind:
            return kind
    raise fail(
        f"{path.name}: cannot tell what it holds; name it one of "
        f"{', '.join(k + '.csv' for k in ORDER)} or pass --kind"
    )


def import_files(
    paths: list[Path] = typer.Argument(
        ..., help="CSV files, or folders holding people.csv, matches.csv, ... ", exists=True
    ),
    kind: str | None = typer.Option(None, help="What a single file holds (default: its name)."),
    skip_bad: bool = typer.Option(
        False, "--skip-bad", help="Write the good rows and a CSV of the rejected ones."
    ),
    rejects: Path | None = typer.Option(
        None, help="Where the rejected rows go (default: NAME.rejects.csv beside the file)."
    ),
) -> None:
    """Imports people, matches, meetings, doors and follow-ups; nothing of a file is written
    when any of its rows is bad (unless --skip-bad). Importing a file again changes nothing."""
    files = [p for path in paths for p in (sorted(path.glob("*.csv")) if path.is_dir() else [path])]
    files = [f for f in files if not f.name.endswith(".rejects.csv")]
    if not files:
        raise fail("no CSV files found")
    if kind is not None and len(files) > 1:
        raise fail("--kind names what one file holds; pass one file with it")
    quiet_notifications()
    jobs = sorted(((kind_of(f, kind), f) for f in files), key=lambda job: ORDER.index(job[0]))
    with graph_session() as graph:
        for file_kind, path in jobs:
            text = path.read_text(encoding="utf-8-sig")
            columns = row_columns()
            try:
                with Progress(*columns, console=console, transient=False) as bar:
                    result = import_text(
                        graph,
                        file_kind,
                        text,
                        skip_bad=skip_bad,
                        progress=BarProgress(bar, path.name),
                    )
            except RowsRejected as exc:
                show_errors(exc.report, path)
                raise fail(
                    f"{path.name}: nothing written; fix the rows above "
                    "(or pass --skip-bad to write the good ones)"
                ) from None
            summarise(result.report, path)
            if result.rejects_csv is not None:
                target = rejects or path.with_name(f"{path.stem}.rejects.csv")
                target.write_text(result.rejects_csv, encoding="utf-8")
                console.print(f"rejected rows written to {target}")


def summarise(report: ImportReport, path: Path) -> None:
    """One line per file: read, written, skipped, rejected, and the speed."""
    speed = report.written / report.seconds if report.seconds else 0.0
    console.print(
        f"[bold]{escape(path.name)}[/]: {report.rows} rows, {report.written} written, "
        f"{report.skipped} already held, {len(report.rejected_lines)} rejected "
        f"({report.seconds:.1f} s, {speed:,.0f} rows/s)"
    )


def show_errors(report: ImportReport, path: Path) -> None:
    """The bad rows as a table: line, column, value and reason."""
    table = Table(title=f"{path.name}: {len(report.rejected_lines)} bad rows")
    for column in ("line", "column", "value", "reason"):
        table.add_column(column)
    for error in report.rejected[:MAX_ERRORS_SHOWN]:
        value = "" if error.value is None else str(error.value)
        table.add_row(str(error.line), error.field, escape(value[:60]), escape(error.reason))
    console.print(table)
    if len(report.rejected) > MAX_ERRORS_SHOWN:
        console.print(f"... and {len(report.rejected) - MAX_ERRORS_SHOWN} more")
