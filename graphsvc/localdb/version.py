"""The pinned Neo4j version, read from the `pom.xml` beside this module.

The pom is the single place the version is written down: Maven resolves the jars from it and
everything else (the jar-cache folder name, status output, tests) asks `neo4j_version()`, so an
upgrade is a one-line change that cannot leave two places disagreeing.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from importlib import resources

from graphsvc.localdb.errors import LocalDbError

_POM_NS = "{http://maven.apache.org/POM/4.0.0}"
_VERSION_RE = re.compile(r"^\d+\.\d+\.\d+$")


def pom_text() -> str:
    """The text of our `pom.xml`, wherever the package is installed (source tree or wheel)."""
    return resources.files("graphsvc.localdb").joinpath("pom.xml").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def neo4j_version() -> str:
    """The Neo4j version pinned in `pom.xml` (the `neo4j.version` property), e.g. `5.26.30`."""
    # S314: the pom is our own file shipped inside the package, not untrusted input, and
    # ElementTree does not expand external entities; defusedxml would add a dependency for nothing.
    root = ET.fromstring(pom_text())  # noqa: S314
    node = root.find(f"{_POM_NS}properties/{_POM_NS}neo4j.version")
    version = (node.text or "").strip() if node is not None else ""
    if not _VERSION_RE.match(version):
        raise LocalDbError(
            "graphsvc/localdb/pom.xml has no usable <neo4j.version> property "
            f"(found {version!r}); restore it, e.g. from version control."
        )
    return version
