"""Deciding that a freshly started (or found) server is really usable.

An open Bolt port is not enough: Neo4j binds it while databases may still be recovering, and only a
real query proves that the password works and the default database is online. So we poll a
driver session with `RETURN 1`, and give up early — with the server's own last words — when the
JVM dies, instead of waiting out the whole timeout.
"""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.paths import LocalPaths
from graphsvc.localdb.process import is_alive, log_tail, port_accepts

POLL_SECONDS = 0.5
RUN_MARKER = "--- graphsvc: "  # starts the line server.py writes to console.log before each run


@dataclass(frozen=True)
class LocalServer:
    """How to reach a running local server."""

    uri: str
    user: str
    password: str
    pid: int
    home: Path


def wait_ready(
    server: LocalServer,
    paths: LocalPaths,
    port: int,
    timeout: float,
    process: subprocess.Popen[bytes] | None,
) -> None:
    """Return once a driver session answers `RETURN 1`; raise if the JVM dies or time runs out."""
    deadline = time.monotonic() + timeout
    last_problem = "the Bolt port never accepted a connection"
    while True:
        # Our own child: poll() keeps its exit code (is_alive would reap it and lose the code).
        exit_code = process.poll() if process is not None else None
        if exit_code is not None or (process is None and not is_alive(server.pid)):
            code = f" (exit code {exit_code})" if exit_code is not None else ""
            raise LocalDbError(
                f"The local Neo4j stopped while starting{code}. Last lines of "
                f"{paths.console_log}:\n{log_tail(paths.console_log, since=RUN_MARKER)}\n"
                f"Fix the cause shown above (more in {paths.logs_dir}/debug.log) and start again."
            )
        if port_accepts(port):
            problem = _query_problem(server)
            if problem is None:
                return
            last_problem = problem
        if time.monotonic() >= deadline:
            raise LocalDbError(
                f"The local Neo4j did not answer within {timeout:.0f} s ({last_problem}). Last "
                f"lines of {paths.console_log}:\n{log_tail(paths.console_log, since=RUN_MARKER)}\n"
                f"See {paths.logs_dir}/debug.log; a slow machine may need a longer timeout."
            )
        time.sleep(POLL_SECONDS)


def _query_problem(server: LocalServer) -> str | None:
    """None when `RETURN 1` works, else why not (the server may still be starting)."""
    try:
        with (
            GraphDatabase.driver(
                server.uri, auth=(server.user, server.password), connection_timeout=5.0
            ) as driver,
            driver.session() as session,
        ):
            record = session.run("RETURN 1 AS one").single(strict=True)
            return None if record["one"] == 1 else f"RETURN 1 gave {record['one']!r}"
    except AuthError as exc:
        raise LocalDbError(
            f"The local Neo4j rejected the password stored in {server.home / 'password'} "
            f"({exc.message}). Wipe the local data (`graphsvc db reset`) to set it afresh."
        ) from exc
    except (Neo4jError, DriverError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
