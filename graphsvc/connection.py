"""Where the service's Neo4j is: `NEO4J_URI` when given, else the local server the CLI manages."""

from __future__ import annotations

import os
from pathlib import Path

from graphsvc import localdb
from graphsvc.graph.db import Graph
from graphsvc.settings import Settings


def local_paths(settings: Settings) -> localdb.LocalPaths:
    """The local server's files under the settings' state dir (which may come from `.env`)."""
    cache = os.environ.get("GRAPHSVC_JAR_CACHE")
    return localdb.LocalPaths(
        state_dir=settings.home,
        jar_cache=Path(cache).expanduser().absolute() if cache else settings.home,
        version=localdb.neo4j_version(),
    )


def start_local(settings: Settings) -> localdb.LocalServer:
    """Starts (or finds running) the local Neo4j for these settings."""
    return localdb.start(port=settings.neo4j_port, paths=local_paths(settings))


def neo4j_credentials(settings: Settings) -> tuple[str, str, str]:
    """(uri, user, password) from settings, or from the running local server."""
    if settings.neo4j_uri:
        password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else ""
        return settings.neo4j_uri, settings.neo4j_user, password
    return localdb.connection(paths=local_paths(settings))


def open_graph(settings: Settings) -> Graph:
    """Opens the process's one driver."""
    uri, user, password = neo4j_credentials(settings)
    return Graph.connect(uri, user, password, settings.neo4j_database)
