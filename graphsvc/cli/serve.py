"""`graphsvc serve`: the HTTP API, on the local Neo4j unless `NEO4J_URI` is given."""

from __future__ import annotations

import typer
import uvicorn

from graphsvc.cli.common import cli_errors, console
from graphsvc.cli.importer import quiet_notifications
from graphsvc.connection import open_graph, start_local
from graphsvc.errors import Unavailable
from graphsvc.seed import demo
from graphsvc.settings import get_settings


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(
        1,
        min=1,
        envvar="GRAPHSVC_WORKERS",
        help="Worker processes (each opens its own driver).",
    ),
    demo_if_empty: bool = typer.Option(
        False,
        "--demo-if-empty",
        help=f"Load a small demo programme ({demo.SMALL_DEMO} people) into an empty database.",
    ),
) -> None:
    """Serves the API and pages; starts the local Neo4j first when no NEO4J_URI is set."""
    settings = get_settings()
    if not settings.neo4j_uri:
        with cli_errors():
            info = start_local(settings)
        console.print(f"Using the local Neo4j at {info.uri}")
    if demo_if_empty:
        load_demo_if_empty()
    console.print(f"Serving on http://{host}:{port} (API docs at /docs)")
    uvicorn.run(
        "graphsvc.api.main:app", host=host, port=port, workers=workers, log_level="info"
    )


def load_demo_if_empty() -> None:
    """Loads the small demo into an empty database, so `make run` shows a living map at once.

    A database that does not answer is only noted: the server starts anyway and reports Neo4j's
    state on /health, as it does without the demo.
    """
    quiet_notifications()
    graph = open_graph(get_settings())
    try:
        graph.verify()
        with console.status("Loading the demo programme..."):
            seeded = demo.seed_if_empty(graph)
    except Unavailable as exc:
        console.print(f"[yellow]note:[/] no demo loaded: {exc.detail}")
        return
    finally:
        graph.close()
    if seeded:
        console.print(f"The database was empty: loaded a demo of {demo.SMALL_DEMO} people")
