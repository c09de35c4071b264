"""What the CLI commands share: settings, a graph, and errors printed without tracebacks."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console

from graphsvc.connection import open_graph, start_local
from graphsvc.errors import DomainError
from graphsvc.graph.db import Graph
from graphsvc.localdb.errors import LocalDbError
from graphsvc.settings import get_settings

console = Console(stderr=True)


def fail(message: str) -> typer.Exit:
    """Prints a clear error (what went wrong, what to do) and exits non-zero."""
    console.print(f"[bold red]error:[/] {message}")
    return typer.Exit(code=1)


@contextmanager
def cli_errors() -> Iterator[None]:
    """Turns the errors a person can act on into a message instead of a traceback."""
    try:
        yield
    except LocalDbError as exc:
        raise fail(str(exc)) from None
    except DomainError as exc:
        raise fail(exc.detail) from None


@contextmanager
def graph_session() -> Iterator[Graph]:
    """A graph for one command: `NEO4J_URI` or the local server (started when needed)."""
    settings = get_settings()
    with cli_errors():
        if not settings.neo4j_uri:
            start_local(settings)
        graph = open_graph(settings)
        try:
            graph.verify()
            yield graph
        finally:
            graph.close()
