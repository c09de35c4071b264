"""Where the service's Neo4j is: `NEO4J_URI` when given, else the local server the CLI manages."""

from __future__ import annotations

from graphsvc.graph.db import Graph
from graphsvc.settings import Settings


def neo4j_credentials(settings: Settings) -> tuple[str, str, str]:
    """(uri, user, password) from settings, or from the running local server."""
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return settings.neo4j_uri, settings.neo4j_user, password
    from graphsvc.localdb import server

    return server.connection()


def open_graph(settings: Settings) -> Graph:
    """Opens the process's one driver."""
    uri, user, password = neo4j_credentials(settings)
    return Graph.connect(uri, user, password, settings.neo4j_database)
