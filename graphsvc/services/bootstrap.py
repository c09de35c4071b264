"""Getting a database ready: schema first, then the reference data people refer to."""

from __future__ import annotations

from graphsvc.graph import reference, schema
from graphsvc.graph.db import Graph


def prepare_database(graph: Graph) -> dict[str, int]:
    """Applies the schema and loads reference data; both idempotent, so safe at every start."""
    schema.migrate(graph)
    return reference.load_reference(graph)
