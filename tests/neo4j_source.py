"""Finds a real Neo4j for the test session: `NEO4J_URI`, else Docker, else the local server.

Never skips: if no Neo4j can be had, the session fails with a message that says what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graphsvc import localdb


def _docker_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(
            ["docker", "info"], capture_output=True, timeout=10, check=False
        ).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@contextmanager
def neo4j_for_tests() -> Iterator[tuple[str, str, str]]:
    """Yields (uri, user, password) of a real Neo4j for the whole test session."""
    if os.environ.get("NEO4J_URI"):
        yield (
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
        )
        return
    if _docker_answers():
        from testcontainers.neo4j import Neo4jContainer

        from graphsvc.localdb.version import neo4j_version

        with Neo4jContainer(f"neo4j:{neo4j_version()}") as container:
            yield container.get_connection_url(), "neo4j", container.password
        return
    paths = paths_for_tests()
    was_running = localdb.status(paths=paths).running
    try:
        info = localdb.start(port=port_for_tests(), paths=paths)
    except localdb.LocalDbError as exc:  # the message says what to do; the session must not go on
        raise RuntimeError(
            "No Neo4j for the tests: set NEO4J_URI (and NEO4J_PASSWORD), run a Docker engine, "
            f"or let the local server start here. The local server said: {exc}"
        ) from exc
    try:
        yield info.uri, info.user, info.password
    finally:
        if not was_running:
            localdb.stop(paths=paths)


def paths_for_tests() -> localdb.LocalPaths:
    """A state dir of the tests' own, so a test run never wipes the database `make run` uses.

    `GRAPHSVC_TEST_HOME` (default `<state dir>/test`) holds it; jars come from the shared cache.
    """
    default = localdb.LocalPaths.from_env()
    home = os.environ.get("GRAPHSVC_TEST_HOME")
    state_dir = Path(home).expanduser().absolute() if home else default.state_dir / "test"
    return localdb.LocalPaths(
        state_dir=state_dir, jar_cache=default.jar_cache, version=default.version
    )


def port_for_tests() -> int:
    """`GRAPHSVC_TEST_NEO4J_PORT`, default 7688: beside, never on, the development server."""
    return int(os.environ.get("GRAPHSVC_TEST_NEO4J_PORT", "7688"))
