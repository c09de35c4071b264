"""Schema migrations: every `cypher/schema/*.cypher`, applied in name order and recorded."""

from __future__ import annotations

from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries


def migrate(graph: Graph) -> list[str]:
    """Applies each schema file (each is idempotent) and records it; returns the names applied."""
    applied = []
    for query in sorted(queries.schema, key=lambda q: q.name):
        graph.write(query)
        graph.write(queries.migrations.record_migration, name=query.name)
        applied.append(query.name)
    return applied


def wipe_programme(graph: Graph) -> None:
    """Removes people, tokens and their edges; keeps reference data and the schema (whose
    door-opener counts go back to zero with the people)."""
    graph.autocommit(queries.migrations.wipe_programme)
    graph.write(queries.migrations.reset_door_opener_counts)


def wipe_all(graph: Graph) -> None:
    """Removes every node; the caller re-applies the schema record and reference data."""
    graph.autocommit(queries.migrations.wipe_all)
