"""The `neo4j.conf` and JVM options of the local server.

Every setting name below is a documented Neo4j 5 setting: Neo4j validates the file strictly and
refuses to start on an unknown name, so nothing here is speculative. The server listens on the
loopback interface only (it holds real participants' data and a generated password is its only
guard) and speaks Bolt only (the service needs no HTTP API or Browser). Memory is sized for a
small development machine: ~1.5 GB for heap and page cache together.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.paths import LocalPaths

PORT_ENV = "GRAPHSVC_NEO4J_PORT"
DEFAULT_PORT = 7687
LISTEN_HOST = "127.0.0.1"

HEAP_INITIAL = "512m"
HEAP_MAX = "1g"
PAGE_CACHE = "512m"
# 256 MiB by default; each database preallocates a file of this size, 64 MiB keeps two small.
TX_LOG_ROTATION_SIZE = "64M"

_LISTEN_RE = re.compile(r"^server\.bolt\.listen_address=.*:(\d+)\s*$", re.MULTILINE)


def configured_port(port: int | None = None, environ: Mapping[str, str] | None = None) -> int:
    """The Bolt port: the argument, else `$GRAPHSVC_NEO4J_PORT`, else 7687; checked for range."""
    if port is None:
        env = os.environ if environ is None else environ
        raw = env.get(PORT_ENV, "").strip()
        try:
            port = int(raw) if raw else DEFAULT_PORT
        except ValueError:
            raise LocalDbError(
                f"{PORT_ENV}={raw!r} is not a port number; set it to e.g. {DEFAULT_PORT}."
            ) from None
    if not 1 <= port <= 65535:
        raise LocalDbError(f"Port {port} is out of range; choose one between 1 and 65535.")
    return port


def render_conf(paths: LocalPaths, port: int) -> str:
    """The full `neo4j.conf` for this home and port."""
    bolt = f"{LISTEN_HOST}:{port}"
    settings = {
        # Network: Bolt on loopback only; no HTTP(S), so no Browser and no second open port.
        "server.default_listen_address": LISTEN_HOST,
        "server.default_advertised_address": LISTEN_HOST,
        "server.bolt.listen_address": bolt,
        "server.bolt.advertised_address": bolt,
        "server.http.enabled": "false",
        "server.https.enabled": "false",
        # Files: absolute, so the server does not depend on its working directory.
        "server.directories.data": str(paths.data_dir),
        "server.directories.logs": str(paths.logs_dir),
        "server.directories.run": str(paths.run_dir),
        # Memory for a small machine (the JVM gets the same heap flags, see jvm_options()).
        "server.memory.heap.initial_size": HEAP_INITIAL,
        "server.memory.heap.max_size": HEAP_MAX,
        "server.memory.pagecache.size": PAGE_CACHE,
        "db.tx_log.rotation.size": TX_LOG_ROTATION_SIZE,
        # Security and privacy.
        "dbms.security.auth_enabled": "true",
        "dbms.usage_report.enabled": "false",
        # Already the default; written out because a typo elsewhere must stop the server.
        "server.config.strict_validation.enabled": "true",
    }
    lines = [
        "# Written by graphsvc.localdb on every start; edits here are overwritten.",
        f"# Neo4j {paths.version} Community, local development server.",
        *(f"{name}={value}" for name, value in settings.items()),
    ]
    return "\n".join(lines) + "\n"


def write_conf(paths: LocalPaths, port: int) -> Path:
    """Write `neo4j.conf` (only while the server is stopped: it reads the file at start)."""
    paths.conf_dir.mkdir(parents=True, exist_ok=True)
    paths.conf_file.write_text(render_conf(paths, port), encoding="utf-8")
    return paths.conf_file


def read_port(paths: LocalPaths) -> int | None:
    """The Bolt port in the written `neo4j.conf`, i.e. the one a running server listens on."""
    try:
        match = _LISTEN_RE.search(paths.conf_file.read_text(encoding="utf-8"))
    except OSError:
        return None
    return int(match.group(1)) if match else None


def jvm_options() -> list[str]:
    """JVM flags of Neo4j's own launcher (its default `server.jvm.additional` list).

    We start the JVM ourselves instead of through the `neo4j` script, which the Maven artifacts
    do not include, so the heap flags must repeat the conf's sizes. The `--add-opens` flags let
    Neo4j reach file descriptors for log preallocation and Netty's direct buffers.
    """
    return [
        f"-Xms{HEAP_INITIAL}",
        f"-Xmx{HEAP_MAX}",
        "-XX:+UseG1GC",
        "-XX:-OmitStackTraceInFastThrow",
        "-XX:+UnlockExperimentalVMOptions",
        "-XX:+TrustFinalNonStaticFields",
        "-XX:+DisableExplicitGC",
        "-XX:+ExitOnOutOfMemoryError",
        "-Djdk.nio.maxCachedBufferSize=1024",
        "-Dio.netty.tryReflectionSetAccessible=true",
        "-Djdk.tls.ephemeralDHKeySize=2048",
        "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
        "-Dlog4j2.disable.jmx=true",
        "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.lang=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
        "--enable-native-access=ALL-UNNAMED",
    ]
