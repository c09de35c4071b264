"""`graphsvc db`: the local Neo4j (start, stop, status, reset) and schema migrations."""

from __future__ import annotations

import typer
from rich.table import Table

from graphsvc import localdb
from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.connection import local_paths, start_local
from graphsvc.graph import schema
from graphsvc.graph.queries import queries
from graphsvc.services.bootstrap import prepare_database
from graphsvc.settings import get_settings

app = typer.Typer(help="The local Neo4j server and the schema.", no_args_is_help=True)


@app.command()
def start() -> None:
    """Starts the local Neo4j (downloading its jars once) and prints its Bolt URI."""
    with cli_errors():
        info = start_local(get_settings())
    console.print(f"Neo4j {localdb.neo4j_version()} is running (pid {info.pid}).")
    print(info.uri)


@app.command()
def stop() -> None:
    """Stops the local Neo4j cleanly."""
    with cli_errors():
        was_running = localdb.stop(paths=local_paths(get_settings()))
    console.print("Neo4j is stopped." if was_running else "Neo4j was not running.")


@app.command()
def status() -> None:
    """Says whether the local Neo4j runs, where, and which version; exit 3 when it does not."""
    with cli_errors():
        state = localdb.status(paths=local_paths(get_settings()))
    table = Table(show_header=False)
    table.add_row("running", "yes" if state.running else "no")
    table.add_row("uri", state.uri)
    table.add_row("pid", str(state.pid or "-"))
    table.add_row("version", state.version)
    table.add_row("home", str(state.home))
    console.print(table)
    if not state.running:
        raise typer.Exit(code=3)


@app.command()
def migrate() -> None:
    """Applies the schema files and loads reference data (both idempotent)."""
    with graph_session() as graph:
        counts = prepare_database(graph)
        for row in graph.read(queries.migrations.list_migrations):
            console.print(f"applied {row['name']}")
    console.print("reference data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="Confirm removing all data.")) -> None:
    """Removes all data, then re-applies the schema and reference data."""
    if not yes:
        raise fail("this removes every person, match and meeting; run again with --yes")
    with graph_session() as graph:
        schema.wipe_all(graph)
        prepare_database(graph)
    console.print("All data removed; schema and reference data re-applied.")
