"""`graphsvc seed --demo`: a realistic two-year programme, generated from a seed.

The same `--people`, `--seed` and `--until` always give the same programme. It is loaded through
the CSV importer (so a second run with the same arguments changes nothing), or written as the
five CSV files with `--csv DIR`, to look at or to import elsewhere.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer
from rich.progress import Progress

from graphsvc import clock
from graphsvc.cli.common import console, fail, graph_session
from graphsvc.cli.importer import BarProgress, quiet_notifications, row_columns
from graphsvc.importing.report import RowsRejected
from graphsvc.importing.service import ORDER
from graphsvc.seed import demo
from graphsvc.services.bootstrap import prepare_database


def seed(
    is_demo: bool = typer.Option(False, "--demo", help="Generate the demo programme."),
    people: int = typer.Option(2_000, min=10, max=1_000_000, help="How many people."),
    seed: int = typer.Option(demo.DEFAULT_SEED, help="The random seed: same seed, same data."),
    until: str = typer.Option(
        demo.DEFAULT_UNTIL.isoformat(),
        help="Last day of the two years (YYYY-MM-DD or 'today'); fixed by default.",
    ),
    csv: Path | None = typer.Option(
        None, help="Write the five CSV files into this folder instead of loading them."
    ),
) -> None:
    """Generates the demo programme and loads it (or writes it as CSV files)."""
    if not is_demo:
        raise fail("say --demo: the only seed there is is the demo programme")
    try:
        end = clock.today() if until == "today" else date.fromisoformat(until)
    except ValueError:
        raise fail(f"--until {until!r} is not a date (YYYY-MM-DD) or 'today'") from None
    if end > clock.today():
        raise fail("--until lies in the future; history cannot")
    with console.status(f"Generating {people} people and their relays (seed {seed})..."):
        programme = demo.build(people=people, seed=seed, until=end)
    console.print(", ".join(f"{n} {kind}" for kind, n in programme.counts().items()))
    if csv is not None:
        for path in demo.write_csv(programme, csv):
            console.print(f"wrote {path}")
        return
    columns = row_columns()
    quiet_notifications()
    with graph_session() as graph:
        prepare_database(graph)
        if not demo.is_empty(graph):
            console.print("[yellow]note:[/] the database holds people already; adding the demo")
        try:
            with Progress(*columns, console=console) as bar:
                reports = demo.load(
                    graph,
                    programme,
                    until=end,
                    progress={kind: BarProgress(bar, kind) for kind in ORDER},
                )
        except RowsRejected as exc:
            first = exc.report.rejected[0]
            raise fail(
                f"{exc.report.kind}: the demo has a row the importer refuses (line {first.line}, "
                f"{first.field}: {first.reason}); usually the database holds another programme "
                "with the same e-mails or ids"
            ) from None
    for kind, report in reports.items():
        console.print(f"{kind}: {report.written} written, {report.skipped} already held")
