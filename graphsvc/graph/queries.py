"""The registry of named Cypher: every `cypher/**/*.cypher` file, loaded once by name.

Queries live in files so that they can be read, reviewed and profiled as Cypher; the registry
fails at import on an empty file or a missing folder, and at call time on a parameter that the
query declares but the caller does not pass (or the reverse), so a typo never reaches Neo4j.

A piece of Cypher two queries must say alike (how a person is shown) lives once in
`cypher/_fragments/NAME.cypher` and is written into each query at a line `// include: NAME`, when
the registry loads it; the test that `EXPLAIN`s every query checks the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_CANDIDATES = (_PACKAGE_DIR / "_cypher", _PACKAGE_DIR.parent / "cypher")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_COMMENT = re.compile(r"//[^\n]*")
_STRING = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
_INCLUDE = re.compile(r"^[ \t]*// include: ([a-z_]+)[ \t]*$", re.MULTILINE)
FRAGMENTS = "_fragments"


class QueryError(RuntimeError):
    """A query file or a call to it is malformed; a programming error, never user input."""


@dataclass(frozen=True)
class Query:
    """One named Cypher statement and the parameters it declares."""

    name: str
    text: str
    params: frozenset[str]

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        """Checks that the call passes exactly the declared parameters."""
        given = set(params)
        if given != self.params:
            missing = sorted(self.params - given)
            extra = sorted(given - self.params)
            raise QueryError(f"query {self.name}: missing {missing}, unexpected {extra}")
        return params


def declared_params(text: str) -> frozenset[str]:
    """The `$parameters` of a query, ignoring comments and string literals."""
    code = _STRING.sub("''", _COMMENT.sub("", text))
    return frozenset(_PARAM.findall(code))


class Namespace:
    """A folder of `cypher/`: its queries as attributes, unknown names refused."""

    def __init__(self, name: str, queries: dict[str, Query]) -> None:
        self._name = name
        self._queries = queries

    def __getattr__(self, item: str) -> Query:
        try:
            return self._queries[item]
        except KeyError:
            raise AttributeError(f"no query cypher/{self._name}/{item}.cypher") from None

    def __iter__(self) -> Any:
        return iter(self._queries.values())


class Registry:
    """All namespaces; `queries.people.create_person` reads `cypher/people/create_person.cypher`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        spaces: dict[str, dict[str, Query]] = {}
        fragments = {
            p.stem: p.read_text(encoding="utf-8") for p in root.glob(f"{FRAGMENTS}/*.cypher")
        }
        for path in sorted(root.glob("*/*.cypher")):
            if path.parent.name == FRAGMENTS:
                continue
            text = _with_fragments(path.read_text(encoding="utf-8"), fragments, path)
            body = _COMMENT.sub("", text).strip()
            name = f"{path.parent.name}.{path.stem}"
            if not body:
                raise QueryError(f"empty query file {path}")
            if not text.lstrip().startswith("//"):
                raise QueryError(f"{path} must start with a // comment saying what it returns")
            spaces.setdefault(path.parent.name, {})[path.stem] = Query(
                name=name, text=text, params=declared_params(text)
            )
        if not spaces:
            raise QueryError(f"no .cypher files under {root}")
        self._spaces = {k: Namespace(k, v) for k, v in spaces.items()}

    def __getattr__(self, item: str) -> Namespace:
        try:
            return self._spaces[item]
        except KeyError:
            raise AttributeError(f"no query folder cypher/{item}/") from None

    def all(self) -> list[Query]:
        """Every query, for the test that `EXPLAIN`s them all."""
        return [q for ns in self._spaces.values() for q in ns]


def _with_fragments(text: str, fragments: dict[str, str], path: Path) -> str:
    """The query with each `// include: NAME` line replaced by that fragment's text."""

    def fragment(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fragments:
            raise QueryError(f"{path} includes {name!r}, which is not in cypher/{FRAGMENTS}/")
        return fragments[name].rstrip("\n")

    return _INCLUDE.sub(fragment, text)


def _find_root() -> Path:
    for candidate in _CANDIDATES:
        if candidate.is_dir():
            return candidate
    raise QueryError(f"cypher folder not found (looked in {[str(c) for c in _CANDIDATES]})")


queries = Registry(_find_root())
