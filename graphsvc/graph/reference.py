"""The reference repository: loads the shipped standards and answers questions about keys."""

from __future__ import annotations

import csv
import io
from importlib import resources
from typing import Any

from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.models.reference import ReferenceItem, ReferenceKind

Q = queries.reference
_LISTS = {
    "languages": Q.list_languages,
    "places": Q.list_places,
    "industries": Q.list_industries,
    "fields": Q.list_fields,
}


def read_rows(kind: str) -> list[dict[str, Any]]:
    """The rows of one shipped CSV file (`graphsvc/data/reference/{kind}.csv`)."""
    data = resources.files("graphsvc") / "data" / "reference" / f"{kind}.csv"
    text = data.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    for row in rows:
        for coordinate in ("lat", "lon"):
            if row.get(coordinate):
                row[coordinate] = float(row[coordinate])
        row["parent"] = row.get("parent") or None
    return rows


def load_reference(graph: Graph) -> dict[str, int]:
    """Loads every standard with `UNWIND` batches; safe to run again (it MERGEs on key)."""
    languages = read_rows("languages")
    places = read_rows("places")
    industries = read_rows("industries")
    fields = read_rows("fields")
    counts = {
        "languages": graph.write(Q.load_languages, rows=languages)[0]["loaded"],
        "counties": graph.write(
            Q.load_counties, rows=[r for r in places if r["kind"] == "county"]
        )[0]["loaded"],
        "municipalities": graph.write(
            Q.load_municipalities, rows=[r for r in places if r["kind"] == "municipality"]
        )[0]["loaded"],
        "sections": graph.write(
            Q.load_sections, rows=[r for r in industries if r["kind"] == "section"]
        )[0]["loaded"],
        "divisions": graph.write(
            Q.load_divisions, rows=[r for r in industries if r["kind"] == "division"]
        )[0]["loaded"],
        "fields": 0,
    }
    for level in ("broad", "narrow", "detailed"):
        rows = [r for r in fields if r["kind"] == level]
        counts["fields"] += graph.write(Q.load_fields, rows=rows)[0]["loaded"]
    return counts


def list_reference(graph: Graph, *, kind: ReferenceKind) -> list[ReferenceItem]:
    """Every code of one standard, as the contract lists them."""
    return [ReferenceItem(**row) for row in graph.read(_LISTS[kind])]


def unknown_keys(
    graph: Graph,
    *,
    languages: list[str],
    places: list[str],
    industries: list[str],
    fields: list[str],
) -> dict[str, list[str]]:
    """The keys that name nothing in the reference data, per kind."""
    rows = graph.read(
        Q.unknown_keys, languages=languages, places=places, industries=industries, fields=fields
    )
    return {k: list(v) for k, v in rows[0].items()}
