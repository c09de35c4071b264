"""Where the local Neo4j keeps its files.

Two roots, because they have different lifetimes:

* the **state dir** (`$GRAPHSVC_HOME`, default `~/.local/share/graphsvc`) holds the server's home
  `neo4j/` — `conf/`, `data/`, `logs/`, `run/` and the generated `password` — which belongs to
  one installation and is wiped by `db reset`;
* the **jar cache** (`$GRAPHSVC_JAR_CACHE`, default: the state dir) holds
  `neo4j-<version>/lib/`, 123 MB of jars that never change for a given version. Keeping it
  apart lets tests (and several checkouts) run throw-away state dirs that share one download.

The paths are a plain value so callers can build one explicitly (the CLI from its settings, tests
from `tmp_path`) instead of every function reading the environment on its own.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from graphsvc.localdb.version import neo4j_version

HOME_ENV = "GRAPHSVC_HOME"
JAR_CACHE_ENV = "GRAPHSVC_JAR_CACHE"


def default_state_dir() -> Path:
    """`~/.local/share/graphsvc`, the XDG-style place for per-user application data."""
    return Path.home() / ".local" / "share" / "graphsvc"


def _env_path(environ: Mapping[str, str], name: str) -> Path | None:
    value = environ.get(name, "").strip()
    return Path(value).expanduser().absolute() if value else None


@dataclass(frozen=True)
class LocalPaths:
    """Every file and folder of one local Neo4j installation; nothing is created on access."""

    state_dir: Path
    jar_cache: Path
    version: str

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> LocalPaths:
        """Paths from `GRAPHSVC_HOME` and `GRAPHSVC_JAR_CACHE`, with their defaults."""
        env = os.environ if environ is None else environ
        state_dir = _env_path(env, HOME_ENV) or default_state_dir()
        jar_cache = _env_path(env, JAR_CACHE_ENV) or state_dir
        return cls(state_dir=state_dir, jar_cache=jar_cache, version=neo4j_version())

    # --- the jar cache (one folder per Neo4j version, shared, never wiped) ---

    @property
    def dist_dir(self) -> Path:
        """`<jar cache>/neo4j-<version>`: the pom Maven ran, its log, and the jars."""
        return self.jar_cache / f"neo4j-{self.version}"

    @property
    def lib_dir(self) -> Path:
        """The jars, put on the JVM class path as `lib/*`."""
        return self.dist_dir / "lib"

    @property
    def lib_stamp(self) -> Path:
        """Written last by a successful download, listing the jars: no stamp, no complete cache."""
        return self.dist_dir / "lib.complete"

    # --- the server home (one per state dir) ---

    @property
    def home(self) -> Path:
        """NEO4J_HOME of the local server."""
        return self.state_dir / "neo4j"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def conf_file(self) -> Path:
        return self.conf_dir / "neo4j.conf"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def system_db_dir(self) -> Path:
        """Appears at the first start on a data dir; only before that can a password be set."""
        return self.data_dir / "databases" / "system"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def console_log(self) -> Path:
        """The JVM's stdout and stderr: startup errors land here, not in Neo4j's own logs."""
        return self.logs_dir / "console.log"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def pid_file(self) -> Path:
        """Our record of the JVM we launched (Neo4j keeps its own `neo4j.pid` beside it)."""
        return self.run_dir / "graphsvc-neo4j.pid"

    @property
    def neo4j_pid_file(self) -> Path:
        """The pid file Neo4j itself writes while running; a fallback if ours was lost."""
        return self.run_dir / "neo4j.pid"

    @property
    def lock_file(self) -> Path:
        """Serialises start/stop/wipe between processes sharing this state dir."""
        return self.state_dir / "neo4j.lock"

    @property
    def password_file(self) -> Path:
        """The generated password of the `neo4j` user, mode 0600."""
        return self.home / "password"
