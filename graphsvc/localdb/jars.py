"""Fetching the Neo4j server jars with Maven into the jar cache, once per version.

Neo4j is not packaged for this machine, but Maven Central has every jar of the server; Maven
resolves the exact dependency tree of `org.neo4j:neo4j` so we never hand-maintain a jar list.
A download goes to `lib.partial/` and is renamed into place, and a stamp listing the jars is
written last, so an interrupted download is never mistaken for a complete one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import deque
from pathlib import Path

from rich.console import Console

from graphsvc.localdb.errors import LocalDbError
from graphsvc.localdb.locks import file_lock
from graphsvc.localdb.paths import LocalPaths
from graphsvc.localdb.toolchain import require_java, require_maven
from graphsvc.localdb.version import pom_text

_DOWNLOADED_RE = re.compile(r"Downloaded from [^:]+: (\S+)")
_TAIL_LINES = 15


def jars_complete(paths: LocalPaths) -> bool:
    """True when the stamp exists and every jar it lists is still in `lib/`."""
    try:
        stamp = json.loads(paths.lib_stamp.read_text(encoding="utf-8"))
        names = stamp["jars"]
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if not isinstance(names, list) or not names or stamp.get("version") != paths.version:
        return False
    return all(isinstance(n, str) and (paths.lib_dir / n).is_file() for n in names)


def ensure_jars(paths: LocalPaths | None = None, *, console: Console | None = None) -> Path:
    """The `lib/` folder of the pinned Neo4j, downloading it with Maven first if needed.

    Cheap when the cache is complete (no Java or Maven is even looked for), so every `start()`
    calls it. Raises LocalDbError when Java or Maven is missing or Maven fails.
    """
    paths = paths or LocalPaths.from_env()
    if jars_complete(paths):
        return paths.lib_dir
    mvn = require_maven()
    require_java()  # Maven itself runs on Java; say so plainly rather than via Maven's error
    with file_lock(paths.jar_cache / f"neo4j-{paths.version}.lock"):
        if not jars_complete(paths):  # another process may have finished while we waited
            _download(paths, mvn, console or Console(stderr=True))
    return paths.lib_dir


def _download(paths: LocalPaths, mvn: Path, console: Console) -> None:
    dist = paths.dist_dir
    dist.mkdir(parents=True, exist_ok=True)
    pom = dist / "pom.xml"  # a copy, so Maven never writes next to the installed package
    pom.write_text(pom_text(), encoding="utf-8")
    partial = dist / "lib.partial"
    shutil.rmtree(partial, ignore_errors=True)
    log_path = dist / "maven.log"
    command = [
        str(mvn), "-B", "-Dstyle.color=never", "-f", str(pom),
        "dependency:copy-dependencies",
        f"-DoutputDirectory={partial}", "-DincludeScope=runtime",
    ]  # fmt: skip
    returncode, tail = _run_maven(command, dist, log_path, paths.version, console)
    if returncode != 0:
        errors = [line for line in tail if line.startswith("[ERROR]")] or list(tail)
        shown = "\n".join(errors[-_TAIL_LINES:])
        raise LocalDbError(
            f"Maven failed (exit code {returncode}) while fetching the Neo4j {paths.version} jars. "
            f"Its last lines:\n{shown}\n"
            f"Full log: {log_path}. Check that Maven Central is reachable (and any mirror in "
            "~/.m2/settings.xml), then run the command again."
        )
    jars = sorted(p.name for p in partial.glob("*.jar"))
    if not jars:
        raise LocalDbError(
            f"Maven succeeded but copied no jars into {partial}; see {log_path}, then retry."
        )
    shutil.rmtree(paths.lib_dir, ignore_errors=True)
    partial.rename(paths.lib_dir)
    stamp_tmp = paths.lib_stamp.with_suffix(".tmp")
    stamp_tmp.write_text(json.dumps({"version": paths.version, "jars": jars}), encoding="utf-8")
    stamp_tmp.replace(paths.lib_stamp)
    console.print(f"Neo4j {paths.version}: {len(jars)} jars cached in {paths.lib_dir}")


def _run_maven(
    command: list[str], cwd: Path, log_path: Path, version: str, console: Console
) -> tuple[int, deque[str]]:
    """Run Maven with a spinner naming the file being fetched; keep its full output in a log."""
    tail: deque[str] = deque(maxlen=200)
    downloaded = 0
    title = f"Fetching Neo4j {version} jars with Maven"
    with console.status(f"{title}…") as status, log_path.open("w", encoding="utf-8") as log:
        try:
            process = subprocess.Popen(  # noqa: S603 - a fixed argument list, no shell
                command, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT, text=True, errors="replace",
            )  # fmt: skip
        except OSError as exc:
            raise LocalDbError(
                f"Could not run Maven ({exc}). Reinstall it, e.g. `apt-get install maven`."
            ) from exc
        assert process.stdout is not None  # guaranteed by stdout=PIPE
        with process:
            for line in process.stdout:
                log.write(line)
                tail.append(line.rstrip())
                match = _DOWNLOADED_RE.search(line)
                if match:
                    downloaded += 1
                    name = match.group(1).rsplit("/", 1)[-1]
                    status.update(f"{title}… {downloaded} files downloaded ({name})")
            returncode = process.wait()
    return returncode, tail
