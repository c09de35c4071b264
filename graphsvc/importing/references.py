"""Reference keys of a whole people file checked in one query, as sign-up checks one person's.

`graph.reference.unknown_keys` answers for a list of keys per kind; asking it once with the
union of the file's keys and mapping the answer back to rows gives the same 422-style message
sign-up gives ("unknown places key '9999'"), at one round trip instead of one per row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graphsvc.graph import reference
from graphsvc.graph.db import Graph
from graphsvc.importing.report import RowError

if TYPE_CHECKING:
    from graphsvc.importing.people import PersonRow


def unknown_reference_errors(graph: Graph, rows: list[PersonRow]) -> list[RowError]:
    """One error per row and column whose key is not in the reference data."""
    if not rows:
        return []
    unknown = reference.unknown_keys(
        graph,
        languages=sorted({k for r in rows for k in r.person.languages}),
        places=sorted({p for r in rows for p in (r.person.home_place, r.person.work_place) if p}),
        industries=sorted({k for r in rows for k in r.person.industries}),
        fields=sorted({k for r in rows for k in r.person.education.fields}),
    )
    bad = {kind: set(keys) for kind, keys in unknown.items()}
    errors: list[RowError] = []
    for row in rows:
        person = row.person
        per_column = (
            ("languages", "languages", person.languages),
            ("places", "home_place", [person.home_place] if person.home_place else []),
            ("places", "work_place", [person.work_place] if person.work_place else []),
            ("industries", "industries", person.industries),
            ("fields", "education_fields", person.education.fields),
        )
        for kind, column, keys in per_column:
            for key in keys:
                if key in bad[kind]:
                    errors.append(
                        RowError(
                            line=row.line,
                            field=column,
                            value=key,
                            reason=f"unknown {kind} key {key!r}",
                        )
                    )
    return errors
