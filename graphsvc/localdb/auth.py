"""The generated password of the local server's `neo4j` user.

A fixed default password on a database holding personal data is a trap, so the first start
generates one and keeps it in `<home>/password` (mode 0600, like an SSH key) for the service, the
tests and the CLI to read. Neo4j only accepts an initial password before its system database
exists, so it is (re)applied whenever the data dir is fresh — first start and after `db reset`.
"""

from __future__ import annotations

import os
import secrets
import subprocess

from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.paths import LocalPaths
from graphsvc.localdb.toolchain import Java

USER = "neo4j"
_PASSWORD_BYTES = 24  # 32 URL-safe characters; Neo4j wants at least 8


def read_password(paths: LocalPaths) -> str | None:
    """The stored password, or None before the first start; tightens a loosened file mode."""
    try:
        password = paths.password_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    if paths.password_file.stat().st_mode & 0o077:
        paths.password_file.chmod(0o600)
    return password or None


def create_password(paths: LocalPaths) -> str:
    """Generate a password and store it in a file that was never readable by anyone else."""
    password = secrets.token_urlsafe(_PASSWORD_BYTES)
    while password.startswith("-"):  # would be read as an option by neo4j-admin
        password = secrets.token_urlsafe(_PASSWORD_BYTES)
    paths.home.mkdir(parents=True, exist_ok=True)
    fd = os.open(paths.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")
    return password


def password_for_start(paths: LocalPaths) -> tuple[str, bool]:
    """The password to start with, and whether Neo4j must be told it (fresh data dir)."""
    fresh = not paths.system_db_dir.exists()
    password = read_password(paths)
    if password is None:
        if not fresh:
            raise LocalDbError(
                f"The password file {paths.password_file} is missing, but the database in "
                f"{paths.data_dir} was created with a password it holds. Wipe the local data "
                "(`graphsvc db reset`) to start over with a new password."
            )
        password = create_password(paths)
    return password, fresh


def set_initial_password(java: Java, paths: LocalPaths, password: str) -> None:
    """Run `neo4j-admin dbms set-initial-password`; it takes effect at the next first start.

    The password is briefly visible in this machine's process list, which is acceptable for a
    server that only listens on loopback; the tool offers no other way to pass it.
    """
    env = {**os.environ, "NEO4J_HOME": str(paths.home), "NEO4J_CONF": str(paths.conf_dir)}
    command = [
        str(java.executable), "-cp", f"{paths.lib_dir}/*",
        "org.neo4j.cli.AdminTool", "dbms", "set-initial-password", password,
    ]  # fmt: skip
    try:
        result = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            command, env=env, cwd=paths.home, capture_output=True, text=True,
            timeout=120, check=False,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LocalDbError(f"Could not run neo4j-admin to set the password ({exc}).") from exc
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        shown = "\n".join(line.replace(password, "***") for line in output[-30:])
        raise LocalDbError(
            f"neo4j-admin could not set the initial password (exit code {result.returncode}):\n"
            f"{shown}\nIf the jars in {paths.lib_dir} are damaged, delete {paths.dist_dir} and "
            "start again to re-download them."
        )
