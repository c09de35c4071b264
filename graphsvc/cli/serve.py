"""`graphsvc serve`: the HTTP API, on the local Neo4j unless `NEO4J_URI` is given."""

from __future__ import annotations

import typer
import uvicorn

from graphsvc.cli.common import cli_errors, console
from graphsvc.connection import start_local
from graphsvc.settings import get_settings


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (each opens its own driver)."),
) -> None:
    """Serves the API and pages; starts the local Neo4j first when no NEO4J_URI is set."""
    settings = get_settings()
    if not settings.neo4j_uri:
        with cli_errors():
            info = start_local(settings)
        console.print(f"Using the local Neo4j at {info.uri}")
    console.print(f"Serving on http://{host}:{port} (API docs at /docs)")
    uvicorn.run(
        "graphsvc.api.main:app", host=host, port=port, workers=workers, log_level="info"
    )
