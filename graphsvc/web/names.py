"""Reference keys as the names staff read (`1480` → `Göteborg`), from the shipped standards.

The standards are public data shipped with the service (`graphsvc/data/reference`), so a page
names them from those files without asking the database; the key stays beside the name, since
staff also search and filter by it.
"""

from __future__ import annotations

from functools import cache

from graphsvc.graph.reference import read_rows
from graphsvc.web.words import Lang

KINDS = ("languages", "places", "industries", "fields")


@cache
def _names(kind: str, lang: Lang) -> dict[str, str]:
    return {row["key"]: row[f"name_{lang}"] for row in read_rows(kind)}


def named(kind: str, key: str | None, lang: Lang) -> str:
    """`Göteborg (1480)`; an unknown key shows as itself, no key as a dash."""
    if not key:
        return "–"
    name = _names(kind, lang).get(key)
    return f"{name} ({key})" if name else key
