"""A real local Neo4j 5.26 Community server, run from its Maven jars, for development and tests.

No Docker and no Neo4j package are needed: Java 17+ runs the server and Maven fetches its jars
once into a cache. The server listens on 127.0.0.1 only, with a generated password kept in a
0600 file. Every function raises `LocalDbError` with a message saying what to do next.

Layout (see `paths.py`): state in `$GRAPHSVC_HOME` (default `~/.local/share/graphsvc`), jars in
`$GRAPHSVC_JAR_CACHE/neo4j-<version>/lib` (default: the state dir), Bolt port from the argument or
`$GRAPHSVC_NEO4J_PORT` (default 7687).
"""

from __future__ import annotations

from graphsvc.localdb.config import DEFAULT_PORT
from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.jars import ensure_jars
from graphsvc.localdb.paths import LocalPaths
from graphsvc.localdb.ready import LocalServer
from graphsvc.localdb.server import ServerStatus, connection, start, status, stop, wipe_data
from graphsvc.localdb.version import neo4j_version

__all__ = [
    "DEFAULT_PORT",
    "LocalDbError",
    "LocalPaths",
    "LocalServer",
    "ServerStatus",
    "connection",
    "ensure_jars",
    "neo4j_version",
    "start",
    "status",
    "stop",
    "wipe_data",
]
