"""Finding the Java and Maven this machine has, and refusing early when they will not do.

Neo4j 5.26 runs on Java 17 or 21; Maven is only needed once per Neo4j version, to fetch the jars.
Checking up front turns a confusing JVM or Maven stack trace into one sentence saying what to
install.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from graphsvc.localdb.errors import LocalDbError

MIN_JAVA = 17
JAVA_INSTALL_HINT = (
    "Install Java 17 or newer, e.g. `apt-get install openjdk-17-jre-headless` "
    "(or point JAVA_HOME at one)."
)
MAVEN_INSTALL_HINT = "Install Maven, e.g. `apt-get install maven`."

# `openjdk version "17.0.15" 2025-04-15`, `java version "1.8.0_292"`, `openjdk version "21" ...`
_JAVA_VERSION_RE = re.compile(r'version "(\d+)(?:\.(\d+))?')


@dataclass(frozen=True)
class Java:
    """A usable `java` executable and its major version."""

    executable: Path
    major: int


def parse_java_major(version_output: str) -> int | None:
    """The major version in `java -version` output; old `1.x` numbering is mapped to `x`."""
    match = _JAVA_VERSION_RE.search(version_output)
    if match is None:
        return None
    major = int(match.group(1))
    if major == 1 and match.group(2) is not None:
        major = int(match.group(2))
    return major


def _java_candidate() -> Path | None:
    """`$JAVA_HOME/bin/java` when JAVA_HOME is set (as Maven and Neo4j's scripts do), else PATH."""
    java_home = os.environ.get("JAVA_HOME", "").strip()
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        return candidate if candidate.is_file() else None
    found = shutil.which("java")
    return Path(found) if found else None


def require_java() -> Java:
    """The Java to run Neo4j with, or a LocalDbError saying how to install one."""
    executable = _java_candidate()
    if executable is None:
        where = "at $JAVA_HOME/bin/java" if os.environ.get("JAVA_HOME") else "on PATH"
        raise LocalDbError(f"No Java found {where}. {JAVA_INSTALL_HINT}")
    try:
        result = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
            [str(executable), "-version"], capture_output=True, text=True, timeout=60, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LocalDbError(
            f"Could not run {executable} -version ({exc}). {JAVA_INSTALL_HINT}"
        ) from exc
    output = result.stderr + result.stdout
    major = parse_java_major(output)
    if result.returncode != 0 or major is None:
        first = output.strip().splitlines()[:1] or ["no output"]
        raise LocalDbError(
            f"{executable} -version failed or printed no version ({first[0]}). {JAVA_INSTALL_HINT}"
        )
    if major < MIN_JAVA:
        raise LocalDbError(
            f"Neo4j needs Java {MIN_JAVA} or newer, but {executable} is Java {major}. "
            f"{JAVA_INSTALL_HINT}"
        )
    return Java(executable=executable, major=major)


def require_maven() -> Path:
    """The `mvn` executable, or a LocalDbError saying how to install it."""
    found = shutil.which("mvn")
    if found is None:
        raise LocalDbError(
            "Maven (`mvn`) is needed once to download the Neo4j jars from Maven Central, "
            f"but it is not on PATH. {MAVEN_INSTALL_HINT}"
        )
    return Path(found)
