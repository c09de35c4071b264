"""`graphsvc`: the command line for operators and staff who script."""

from __future__ import annotations

import typer

from graphsvc.cli import (
    batch,
    db,
    doors,
    importer,
    meeting,
    network,
    reminders,
    report,
    seed,
    serve,
    token,
    viz,
)

app = typer.Typer(
    name="graphsvc",
    help="Dörrnät: door-openers, participants and the relays of doors between them.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
app.add_typer(db.app, name="db")
app.add_typer(token.app, name="token")
app.command("serve")(serve.serve)
app.add_typer(reminders.app, name="reminders")
app.command("report")(report.report)
app.add_typer(viz.app, name="viz")
app.command("import")(importer.import_files)
app.command("seed")(seed.seed)
app.add_typer(meeting.app, name="meeting")
app.command("doors")(doors.doors)
app.command("network")(network.network)
app.command("batch")(batch.batch)


if __name__ == "__main__":
    app()
