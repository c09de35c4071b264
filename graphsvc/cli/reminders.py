"""`graphsvc reminders run`: the self-service's hourly pass, for cron.

    0 * * * *  graphsvc reminders run

Idempotent (every mail is recorded before it goes out), so an overlapping or repeated run sends
nothing twice; it prints how many mails of each kind it sent. Nothing personal is printed.
"""

from __future__ import annotations

import typer

from graphsvc.cli.common import cli_errors, graph_session
from graphsvc.selfservice import reminders
from graphsvc.selfservice.context import SelfService
from graphsvc.settings import get_settings

app = typer.Typer(help="Self-service reminder mails (safe to run from cron every hour).")


@app.command("run")
def run() -> None:
    """Sends the mails that are due and the reminders, and erases stale invitations."""
    with graph_session() as graph, cli_errors():
        counts = reminders.run(SelfService.build(get_settings()), graph)
    for kind, count in counts.items():
        typer.echo(f"{kind}: {count}")
    typer.echo(f"done: {sum(counts.values())}")
