"""Facts about the server process and its port: is it alive, is it ours, is the port free.

A pid file alone can lie (the process died, or its pid was reused by something else), so a pid
only counts when the process is alive, not a zombie, and — where `/proc` exists — its command
line is Neo4j's entry point with *this* home dir.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import time
from collections import deque
from pathlib import Path

from graphsvc.localdb.config import LISTEN_HOST
from graphsvc.localdb.paths import LocalPaths

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
_VERSION_IN_CLASSPATH = re.compile(r"neo4j-(\d+\.\d+\.\d+)[/\\]lib")


def read_pid(path: Path) -> int | None:
    """The pid in a pid file, or None when the file is missing or garbled."""
    try:
        text = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() and int(text) > 0 else None


def write_pid(path: Path, pid: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"{pid}\n", encoding="ascii")
    tmp.replace(path)


def is_alive(pid: int) -> bool:
    """True while the process runs; reaps it first if it is our own exited child."""
    with contextlib.suppress(ChildProcessError):
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return True  # no /proc (not Linux): kill(0) is all we can know
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def _cmdline(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return raw.decode(errors="replace").split("\0")


def is_our_server(pid: int, paths: LocalPaths) -> bool:
    """True when `pid` is a live Neo4j server running on this home dir."""
    if not is_alive(pid):
        return False
    args = _cmdline(pid)
    if args is None:
        return not Path("/proc/self").exists()  # cannot check without /proc: trust the pid
    return ENTRY_POINT in args and f"--home-dir={paths.home}" in args


def running_pid(paths: LocalPaths) -> int | None:
    """The pid of this home's server from our pid file, else from Neo4j's own one."""
    for pid_file in (paths.pid_file, paths.neo4j_pid_file):
        pid = read_pid(pid_file)
        if pid is not None and is_our_server(pid, paths):
            return pid
    return None


def running_version(pid: int) -> str | None:
    """The Neo4j version a running server uses, from the jar folder on its class path."""
    args = _cmdline(pid) or []
    for arg in args:
        match = _VERSION_IN_CLASSPATH.search(arg)
        if match:
            return match.group(1)
    return None


def port_accepts(port: int, timeout: float = 1.0) -> bool:
    """True when something accepts TCP connections on the loopback port."""
    try:
        with socket.create_connection((LISTEN_HOST, port), timeout=timeout):
            return True
    except OSError:
        return False


def port_is_free(port: int) -> bool:
    """True when we could listen on the loopback port, i.e. no other process holds it."""
    if port_accepts(port, timeout=0.5):
        return False
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # Like Netty, ignore connections lingering in TIME_WAIT; a live listener still conflicts.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((LISTEN_HOST, port))
        except OSError:
            return False
    return True


def terminate(pid: int, timeout: float) -> bool:
    """SIGTERM (Neo4j then checkpoints and shuts down cleanly), SIGKILL after `timeout` s.

    Returns True when the clean shutdown sufficed.
    """
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if _wait_gone(pid, timeout):
        return True
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _wait_gone(pid, 10.0)
    return False


def _wait_gone(pid: int, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while is_alive(pid):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.2)
    return True


def log_tail(path: Path, lines: int = 30, since: str | None = None) -> str:
    """The last lines of a log file for error messages, from the last line containing `since`.

    `since` marks where the latest run begins in an appended log, so an error never quotes an
    older run's lines as if they were this one's.
    """
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            tail = list(deque(handle, maxlen=lines))
    except OSError:
        return f"(no log at {path})"
    if since is not None:
        starts = [i for i, line in enumerate(tail) if since in line]
        if starts:
            tail = tail[starts[-1] :]
    return "".join(tail).strip() or f"({path} is empty)"
