"""graphsvc.localdb against a real Neo4j server, started once for the module.

The state dir is a fresh temporary `GRAPHSVC_HOME`, but the jar cache is shared
(`$GRAPHSVC_JAR_CACHE`, else the developer's default `~/.local/share/graphsvc`), so only the very
first run on a machine downloads the 123 MB of jars. The server listens on a free port, never the
default 7687, so a developer's own local server is left alone.
"""

from __future__ import annotations

import io
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from rich.console import Console

from graphsvc.localdb import (
    DEFAULT_PORT,
    LocalDbError,
    LocalPaths,
    LocalServer,
    connection,
    ensure_jars,
    neo4j_version,
    start,
    status,
    stop,
    wipe_data,
)
from graphsvc.localdb.config import (
    HEAP_ENV,
    PAGE_CACHE_ENV,
    PORT_ENV,
    jvm_options,
    render_conf,
)
from graphsvc.localdb.paths import HOME_ENV, JAR_CACHE_ENV, default_state_dir
from graphsvc.localdb.toolchain import parse_java_major, require_java, require_maven

QUIET = Console(file=io.StringIO())


def _free_port() -> int:
    """A port nothing listens on right now (and not the default one)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port != DEFAULT_PORT:
            return port


def _run_query(server_uri: str, user: str, password: str, query: str) -> list[dict[str, object]]:
    with GraphDatabase.driver(server_uri, auth=(user, password)) as driver:
        records, _, _ = driver.execute_query(query)
    return [record.data() for record in records]


def _executable(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


@pytest.fixture(scope="module")
def shared_jar_cache() -> Path:
    return Path(os.environ.get(JAR_CACHE_ENV) or default_state_dir())


@pytest.fixture(scope="module")
def jar_paths(shared_jar_cache: Path, tmp_path_factory: pytest.TempPathFactory) -> LocalPaths:
    """Paths whose jar cache is complete (downloaded on the machine's first run)."""
    paths = LocalPaths(
        state_dir=tmp_path_factory.mktemp("jars-only"),
        jar_cache=shared_jar_cache,
        version=neo4j_version(),
    )
    ensure_jars(paths, console=QUIET)
    return paths


@pytest.fixture(scope="module")
def local_env(
    tmp_path_factory: pytest.TempPathFactory, jar_paths: LocalPaths
) -> Iterator[tuple[Path, int]]:
    """A temporary GRAPHSVC_HOME and a free port, set in the environment like a user would."""
    home = tmp_path_factory.mktemp("graphsvc-home")
    port = _free_port()
    with pytest.MonkeyPatch.context() as env:
        env.setenv(HOME_ENV, str(home))
        env.setenv(JAR_CACHE_ENV, str(jar_paths.jar_cache))
        env.setenv(PORT_ENV, str(port))
        yield home, port


@pytest.fixture(scope="module")
def server(local_env: tuple[Path, int]) -> Iterator[LocalServer]:
    try:
        yield start(console=QUIET)
    finally:
        stop()


# --- no server needed ---


def test_pom_pins_neo4j_5_26() -> None:
    assert neo4j_version().startswith("5.26.")


def test_java_version_parsing() -> None:
    assert parse_java_major('openjdk version "17.0.15" 2025-04-15') == 17
    assert parse_java_major('openjdk version "21" 2023-09-19') == 21
    assert parse_java_major('java version "1.8.0_292"') == 8
    assert parse_java_major("no version here") is None


def test_missing_java_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "no-jdk"))
    with pytest.raises(LocalDbError, match="apt-get install openjdk-17-jre-headless"):
        require_java()


def test_old_java_is_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _executable(tmp_path / "jdk8/bin/java", """echo 'java version "1.8.0_292"' >&2\n""")
    monkeypatch.setenv("JAVA_HOME", str(tmp_path / "jdk8"))
    with pytest.raises(LocalDbError, match=r"Java 17 or newer.*is Java 8"):
        require_java()


def test_missing_maven_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LocalDbError, match="apt-get install maven"):
        require_maven()


def test_maven_failure_shows_its_last_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_bin = tmp_path / "bin"
    _executable(
        fake_bin / "mvn",
        "echo '[INFO] Scanning for projects...'\n"
        "echo '[ERROR] Could not resolve dependencies for org.neo4j:neo4j (fake)'\n"
        "exit 1\n",
    )
    monkeypatch.setenv("PATH", f"{fake_bin}{os.pathsep}{os.environ['PATH']}")
    paths = LocalPaths(state_dir=tmp_path, jar_cache=tmp_path / "cache", version=neo4j_version())
    with pytest.raises(LocalDbError, match=r"Maven failed[\s\S]*Could not resolve dependencies"):
        ensure_jars(paths, console=QUIET)
    assert not paths.lib_stamp.exists()
    assert not paths.lib_dir.exists()


def test_conf_listens_on_loopback_only(tmp_path: Path) -> None:
    paths = LocalPaths(state_dir=tmp_path, jar_cache=tmp_path, version=neo4j_version())
    conf = dict(
        line.split("=", 1)
        for line in render_conf(paths, 7699).splitlines()
        if line and not line.startswith("#")
    )
    addresses = {k: v for k, v in conf.items() if k.endswith(("_address", "_addresses"))}
    assert addresses["server.bolt.listen_address"] == "127.0.0.1:7699"
    assert all(v.startswith("127.0.0.1") for v in addresses.values()), addresses
    assert conf["server.http.enabled"] == conf["server.https.enabled"] == "false"
    assert conf["dbms.security.auth_enabled"] == "true"


def test_memory_comes_from_the_environment_and_bad_sizes_say_how(tmp_path: Path) -> None:
    paths = LocalPaths(state_dir=tmp_path, jar_cache=tmp_path, version=neo4j_version())

    def conf(environ: dict[str, str]) -> dict[str, str]:
        return dict(
            line.split("=", 1)
            for line in render_conf(paths, 7699, environ).splitlines()
            if line and not line.startswith("#")
        )

    small = conf({})
    assert small["server.memory.heap.max_size"] == "1g"
    assert small["server.memory.pagecache.size"] == "512m"
    big = conf({HEAP_ENV: "3g", PAGE_CACHE_ENV: "2G"})
    assert big["server.memory.heap.max_size"] == "3g"
    assert big["server.memory.pagecache.size"] == "2g"
    assert "-Xmx3g" in jvm_options({HEAP_ENV: "3g"})
    tiny = {HEAP_ENV: "256m"}
    assert conf(tiny)["server.memory.heap.initial_size"] == "256m"
    assert "-Xms256m" in jvm_options(tiny)
    with pytest.raises(LocalDbError, match=r"GRAPHSVC_NEO4J_HEAP='3 gb'.*like 512m or 3g"):
        render_conf(paths, 7699, {HEAP_ENV: "3 gb"})


# --- against the real server (in order: start, inspect, wipe, stop) ---


def test_start_reports_running(server: LocalServer, local_env: tuple[Path, int]) -> None:
    home, port = local_env
    assert server.uri == f"bolt://127.0.0.1:{port}"
    assert server.user == "neo4j"
    current = status()
    assert current.running
    assert current.pid == server.pid
    assert current.uri == server.uri
    assert current.home == home / "neo4j"
    assert current.version == neo4j_version()


def test_second_start_returns_the_same_server(server: LocalServer) -> None:
    assert start(console=QUIET) == server
    with pytest.raises(LocalDbError, match=r"already running on port \d+"):
        start(_free_port(), console=QUIET)


def test_driver_runs_a_query_with_the_stored_password(server: LocalServer) -> None:
    uri, user, password = connection()
    assert (uri, user, password) == (server.uri, server.user, server.password)
    assert _run_query(uri, user, password, "RETURN 1 AS one") == [{"one": 1}]


def test_password_file_is_private(server: LocalServer) -> None:
    password_file = server.home / "password"
    assert stat.S_IMODE(password_file.stat().st_mode) == 0o600
    assert password_file.read_text(encoding="utf-8").strip() == server.password


def test_running_server_listens_on_loopback_only(server: LocalServer) -> None:
    conf = (server.home / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    assert "server.default_listen_address=127.0.0.1\n" in conf
    rows = _run_query(
        server.uri,
        server.user,
        server.password,
        "SHOW SETTINGS YIELD name, value "
        "WHERE name ENDS WITH 'listen_address' OR name IN "
        "['server.http.enabled', 'server.https.enabled'] RETURN name, value",
    )
    settings = {str(row["name"]): str(row["value"]) for row in rows}
    listen = {k: v for k, v in settings.items() if k.endswith("listen_address")}
    assert listen and all(v.startswith("127.0.0.1") for v in listen.values()), listen
    assert settings["server.http.enabled"] == settings["server.https.enabled"] == "false"


def test_taken_port_is_refused_with_its_number(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        taken = int(squatter.getsockname()[1])
        with pytest.raises(LocalDbError, match=rf"Port {taken} .*already in use"):
            start(taken, console=QUIET)
    # The module's own server, seen from another state dir, is "another process" too.
    busy = int(server.uri.rsplit(":", 1)[1])
    with pytest.raises(LocalDbError, match=rf"Port {busy} .*already in use"):
        start(busy, console=QUIET)
    assert not status().running
    assert not (tmp_path / "neo4j" / "run" / "graphsvc-neo4j.pid").exists()


def test_server_dying_at_start_shows_its_log(
    jar_paths: LocalPaths, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    fake_jdk = tmp_path / "jdk"
    _executable(
        fake_jdk / "bin/java",
        'case "$*" in\n'
        """  *-version*) echo 'openjdk version "17.0.99"' >&2 ;;\n"""
        "  *AdminTool*) echo 'Changed password' ;;\n"
        "  *) echo 'Exception in thread main: boom from the fake Neo4j'; exit 3 ;;\n"
        "esac\n",
    )
    monkeypatch.setenv("JAVA_HOME", str(fake_jdk))
    paths = LocalPaths(
        state_dir=tmp_path / "state", jar_cache=jar_paths.jar_cache, version=jar_paths.version
    )
    with pytest.raises(LocalDbError, match=r"stopped while starting \(exit code 3\)[\s\S]*boom"):
        start(_free_port(), paths=paths, console=QUIET)
    assert not paths.pid_file.exists()
    assert not status(paths=paths).running


def test_wipe_data_empties_the_graph_and_keeps_the_password(server: LocalServer) -> None:
    _run_query(server.uri, server.user, server.password, "CREATE (:LocaldbProbe)")
    assert wipe_data()
    assert not status().running
    assert not (server.home / "data").exists()

    again = start(console=QUIET)
    assert again.pid != server.pid
    assert (again.uri, again.password) == (server.uri, server.password)
    rows = _run_query(again.uri, again.user, again.password, "MATCH (n) RETURN count(n) AS n")
    assert rows == [{"n": 0}]


def test_stop_shuts_down_and_is_idempotent(server: LocalServer) -> None:
    assert status().running
    assert stop()
    after = status()
    assert not after.running
    assert after.pid is None
    assert not (server.home / "run" / "graphsvc-neo4j.pid").exists()
    assert not stop()
    with pytest.raises(LocalDbError, match="not running"):
        connection()
