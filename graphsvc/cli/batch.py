"""`graphsvc batch`: plan (and make) matches for every waiting participant, with progress.

The same batch as `POST /api/v1/matches/batch`; on the command line it shows a bar per phase
(reading the facts, scoring, planning, making matches), since thousands of participants take a
while, and prints the result as JSON on stdout.
"""

from __future__ import annotations

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphsvc.cli.common import cli_errors, console, graph_session
from graphsvc.cli.importer import BarProgress, quiet_notifications
from graphsvc.models.match import BatchRequest
from graphsvc.selfservice.announcer import LinkAnnouncer
from graphsvc.selfservice.context import SelfService
from graphsvc.services.batch import run_batch
from graphsvc.settings import get_settings


def batch(
    dry_run: bool = typer.Option(False, "--dry-run", help="Plan only; make no matches."),
    participant: list[str] = typer.Option(
        None, "--participant", help="Only these participants (repeat the option); default all."
    ),
) -> None:
    """Assigns waiting participants to door-openers for the highest total score; prints the
    plan (assignments, unmatched, totals beside the greedy plan's) as JSON on stdout."""
    body = BatchRequest(dry_run=dry_run, participant_ids=participant or None)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    quiet_notifications()
    with graph_session() as graph, cli_errors(), Progress(*columns, console=console) as bar:
        settings = get_settings()
        announcer = LinkAnnouncer(SelfService.build(settings))
        result = run_batch(graph, settings, body, announcer, BarProgress(bar, "batch"))
    gap = result.total_score - result.greedy_total_score
    console.print(
        f"{len(result.assignments)} assigned, {len(result.unmatched)} unmatched; total score "
        f"{result.total_score:.1f} (greedy {result.greedy_total_score:.1f}, +{gap:.1f})"
        + (" - dry run, nothing made" if dry_run else "")
    )
    print(result.model_dump_json())
