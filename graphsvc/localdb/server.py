"""Start, stop, inspect and wipe the local Neo4j server.

`start()` is idempotent so any command can call it first; it only returns once a real driver
session answers `RETURN 1`, because an open port alone does not mean the databases are online.
All state lives in files (pid file, `neo4j.conf`, password file), so a second process — the CLI
in another shell, the test suite — sees the same server. A file lock keeps two processes from
starting or stopping it at the same moment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from rich.console import Console

from graphsvc.localdb.auth import USER, password_for_start, read_password, set_initial_password
from graphsvc.localdb.config import LISTEN_HOST, configured_port, jvm_options, read_port, write_conf
from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.jars import ensure_jars
from graphsvc.localdb.locks import file_lock
from graphsvc.localdb.paths import LocalPaths
from graphsvc.localdb.process import (
    ENTRY_POINT,
    is_alive,
    port_is_free,
    running_pid,
    running_version,
    terminate,
    write_pid,
)
from graphsvc.localdb.ready import RUN_MARKER, LocalServer, wait_ready
from graphsvc.localdb.toolchain import Java, require_java

START_TIMEOUT = 120.0
STOP_TIMEOUT = 60.0

# JVMs this process launched, kept so their Popen objects are not collected while they run.
_launched: dict[int, subprocess.Popen[bytes]] = {}


@dataclass(frozen=True)
class ServerStatus:
    """What `status()` found; `uri` is where the server listens, or would listen if started."""

    running: bool
    pid: int | None
    uri: str
    version: str
    home: Path


def bolt_uri(port: int) -> str:
    """A direct (non-routing) Bolt URI on loopback; an IP, so `localhost` cannot mean `::1`."""
    return f"bolt://{LISTEN_HOST}:{port}"


def start(
    port: int | None = None,
    *,
    paths: LocalPaths | None = None,
    console: Console | None = None,
    timeout: float = START_TIMEOUT,
) -> LocalServer:
    """Start the local server, or return the one already running on this state dir.

    `port` defaults to `$GRAPHSVC_NEO4J_PORT` (7687) for a new server and to the running one's
    port otherwise; asking a running server for another port is an error. Downloads the jars on
    first use. Raises LocalDbError when the port is taken or the server fails to come up.
    """
    paths = paths or LocalPaths.from_env()
    with file_lock(paths.lock_file):
        pid = running_pid(paths)
        if pid is not None:
            return _attach(paths, pid, port, timeout)
        return _launch(paths, configured_port(port), console or Console(stderr=True), timeout)


def stop(*, paths: LocalPaths | None = None, timeout: float = STOP_TIMEOUT) -> bool:
    """Shut the server down cleanly (SIGKILL only after `timeout` s); True if it was running."""
    paths = paths or LocalPaths.from_env()
    with file_lock(paths.lock_file):
        return _stop(paths, timeout)


def status(*, paths: LocalPaths | None = None) -> ServerStatus:
    """Whether this state dir's server is running, with its pid, URI and version."""
    paths = paths or LocalPaths.from_env()
    pid = running_pid(paths)
    port = (read_port(paths) if pid is not None else None) or configured_port()
    version = (running_version(pid) if pid is not None else None) or paths.version
    return ServerStatus(
        running=pid is not None, pid=pid, uri=bolt_uri(port), version=version, home=paths.home
    )


def connection(*, paths: LocalPaths | None = None) -> tuple[str, str, str]:
    """`(uri, user, password)` of the running local server, for `GraphDatabase.driver`."""
    paths = paths or LocalPaths.from_env()
    pid = running_pid(paths)
    port = read_port(paths)
    password = read_password(paths)
    if pid is None or port is None or password is None:
        raise LocalDbError("The local Neo4j is not running; start it with `graphsvc db start`.")
    return bolt_uri(port), USER, password


def wipe_data(*, paths: LocalPaths | None = None) -> bool:
    """Stop the server and delete its data dir; True if it was running.

    The password file is kept: the next `start()` sees a fresh data dir and sets the same
    password again. The caller restarts the server and re-applies schema and reference data.
    """
    paths = paths or LocalPaths.from_env()
    with file_lock(paths.lock_file):
        was_running = _stop(paths, STOP_TIMEOUT)
        if paths.data_dir.exists():
            shutil.rmtree(paths.data_dir)
    return was_running


def _attach(paths: LocalPaths, pid: int, port: int | None, timeout: float) -> LocalServer:
    current = read_port(paths)
    password = read_password(paths)
    if current is None or password is None:
        raise LocalDbError(
            f"A local Neo4j (pid {pid}) runs on {paths.home}, but its neo4j.conf or password file "
            "is missing; stop it (`graphsvc db stop`) and start it again."
        )
    if port is not None and port != current:
        raise LocalDbError(
            f"The local Neo4j is already running on port {current} (pid {pid}); stop it first "
            f"(`graphsvc db stop`) to start it on port {port}."
        )
    server = LocalServer(bolt_uri(current), USER, password, pid, paths.home)
    wait_ready(server, paths, current, timeout, None)
    return server


def _launch(paths: LocalPaths, port: int, console: Console, timeout: float) -> LocalServer:
    if not port_is_free(port):
        raise LocalDbError(
            f"Port {port} on {LISTEN_HOST} is already in use by another process, so the local "
            f"Neo4j cannot listen there. Stop that process (`ss -ltnp 'sport = :{port}'` shows "
            "it) or pick another port with GRAPHSVC_NEO4J_PORT."
        )
    java = require_java()
    ensure_jars(paths, console=console)
    for directory in (paths.home, paths.data_dir, paths.logs_dir, paths.run_dir):
        directory.mkdir(parents=True, exist_ok=True)
    paths.home.chmod(0o700)  # data and password are nobody else's business
    write_conf(paths, port)
    password, fresh = password_for_start(paths)
    if fresh:
        set_initial_password(java, paths, password)
    process = _spawn(java, paths, port)
    write_pid(paths.pid_file, process.pid)
    server = LocalServer(bolt_uri(port), USER, password, process.pid, paths.home)
    try:
        with console.status(f"Starting Neo4j {paths.version} on {LISTEN_HOST}:{port}…"):
            wait_ready(server, paths, port, timeout, process)
    except BaseException:  # includes Ctrl-C: never leave a half-started JVM behind
        if process.poll() is None:
            terminate(process.pid, STOP_TIMEOUT)
        _forget(paths, process.pid)
        raise
    return server


def _spawn(java: Java, paths: LocalPaths, port: int) -> subprocess.Popen[bytes]:
    """Launch the JVM in its own session, detached from our terminal, output to console.log."""
    env = {**os.environ, "NEO4J_HOME": str(paths.home), "NEO4J_CONF": str(paths.conf_dir)}
    command = [
        str(java.executable), *jvm_options(), "-cp", f"{paths.lib_dir}/*", ENTRY_POINT,
        f"--home-dir={paths.home}", f"--config-dir={paths.conf_dir}", "--console-mode",
    ]  # fmt: skip
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    with paths.console_log.open("ab") as log:
        log.write(f"\n{RUN_MARKER}Neo4j {paths.version} on port {port}, {stamp} ---\n".encode())
        log.flush()
        process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
            command, cwd=paths.home, env=env, stdin=subprocess.DEVNULL, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True, close_fds=True,
        )  # fmt: skip
    _launched[process.pid] = process
    return process


def _stop(paths: LocalPaths, timeout: float) -> bool:
    pid = running_pid(paths)
    if pid is not None and not terminate(pid, timeout) and is_alive(pid):
        raise LocalDbError(
            f"The local Neo4j (pid {pid}) survived SIGTERM and SIGKILL; check it with "
            f"`ps -p {pid}` and end it by hand."
        )
    if pid is not None:
        _forget(paths, pid)
    paths.pid_file.unlink(missing_ok=True)
    return pid is not None


def _forget(paths: LocalPaths, pid: int) -> None:
    """Drop every record of a JVM that has exited (Neo4j's own pid file too, after a SIGKILL)."""
    process = _launched.pop(pid, None)
    if process is not None:
        process.poll()
    for pid_file in (paths.pid_file, paths.neo4j_pid_file):
        pid_file.unlink(missing_ok=True)
