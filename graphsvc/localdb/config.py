"""The `neo4j.conf` and JVM options of the local server.

Every setting name below is a documented Neo4j 5 setting: Neo4j validates the file strictly and
refuses to start on an unknown name, so nothing here is speculative. The server listens on the
loopback interface only (it holds real participants' data and a generated password is its only
guard) and speaks Bolt only (the service needs no HTTP API or Browser). Memory is sized for a
small development machine: ~1.5 GB for heap and page cache together, unless
`GRAPHSVC_NEO4J_HEAP` / `GRAPHSVC_NEO4J_PAGECACHE` ask for more (a 100k-person benchmark wants
a few GB of each).
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

HEAP_ENV = "GRAPHSVC_NEO4J_HEAP"
PAGE_CACHE_ENV = "GRAPHSVC_NEO4J_PAGECACHE"
HEAP_INITIAL = "512m"
HEAP_MAX = "1g"
PAGE_CACHE = "512m"
_SIZE_RE = re.compile(r"^[1-9][0-9]*[kmg]$")
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


def _size(name: str, default: str, environ: Mapping[str, str] | None) -> str:
    """A memory size from the environment in Neo4j's and the JVM's common form (`512m`, `3g`)."""
    env = os.environ if environ is None else environ
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if not _SIZE_RE.match(raw):
        raise LocalDbError(f"{name}={raw!r} is not a memory size; set it like 512m or 3g.")
    return raw


def heap_max(environ: Mapping[str, str] | None = None) -> str:
    """The server's maximum heap: `$GRAPHSVC_NEO4J_HEAP`, else 1g."""
    return _size(HEAP_ENV, HEAP_MAX, environ)


def page_cache(environ: Mapping[str, str] | None = None) -> str:
    """The server's page cache: `$GRAPHSVC_NEO4J_PAGECACHE`, else 512m."""
    return _size(PAGE_CACHE_ENV, PAGE_CACHE, environ)


def heap_initial(environ: Mapping[str, str] | None = None) -> str:
    """The initial heap: 512m, or the maximum when that is smaller (the JVM refuses otherwise)."""
    largest = heap_max(environ)
    return largest if _bytes(largest) < _bytes(HEAP_INITIAL) else HEAP_INITIAL


def _bytes(size: str) -> int:
    return int(size[:-1]) * {"k": 1 << 10, "m": 1 << 20, "g": 1 << 30}[size[-1]]


def render_conf(paths: LocalPaths, port: int, environ: Mapping[str, str] | None = None) -> str:
    """The full `neo4j.conf` for this home and port (memory from the environment)."""
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
        "server.memory.heap.initial_size": heap_initial(environ),
        "server.memory.heap.max_size": heap_max(environ),
        "server.memory.pagecache.size": page_cache(environ),
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


def jvm_options(environ: Mapping[str, str] | None = None) -> list[str]:
    """JVM flags of Neo4j's own launcher (its default `server.jvm.additional` list).

    We start the JVM ourselves instead of through the `neo4j` script, which the Maven artifacts
    do not include, so the heap flags must repeat the conf's sizes. The `--add-opens` flags let
    Neo4j reach file descriptors for log preallocation and Netty's direct buffers.
    """
    return [
        f"-Xms{heap_initial(environ)}",
        f"-Xmx{heap_max(environ)}",
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
