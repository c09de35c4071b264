"""The baselines the service is measured against, each the obvious way to do the same work.

- Candidates: fetch every active door-opener with all its neighbours, and score each in Python
  with the service's own formula (`services.candidates.score`), per request.
- Import: one transaction per person, through the same `save_people` write.
- Impact report: one network query per participant (`services.network.get_network`), reach
  summarised in Python; measured on a sample and scaled to all participants with a meeting.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Iterator
from typing import Any

from bench.queries import Q
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.match import PlaceNearness
from graphsvc.models.token import Principal
from graphsvc.settings import MatchWeights

ADMIN = Principal(token_id="bench", name="bench", role="admin")  # noqa: S106 - an id, no secret
_FIELD_LEVEL = {2: "field_broad", 3: "field_narrow", 4: "field_detailed"}


def _neighbours(row: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for key in row["languages"]:
        yield "language", key
    for key in row["divisions"]:
        yield ("industry_division" if len(key) == 2 else "industry_section"), key
    for key in row["sections"]:
        yield "industry_section", key
    for key in {*row["fields"], *row["field_parents"]}:
        yield _FIELD_LEVEL[len(key)], key


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _place(
    mine: list[dict[str, Any]], theirs: list[dict[str, Any]]
) -> tuple[PlaceNearness, float | None]:
    if {m["key"] for m in mine} & {t["key"] for t in theirs}:
        return "same_municipality", 0.0
    if {m["county"] for m in mine} & {t["county"] for t in theirs}:
        return "same_county", None
    if not mine or not theirs:
        return "other", None
    return "other", min(_km(m, t) for m in mine for t in theirs)


def candidates(
    graph: Graph, participant_id: str, *, weights: MatchWeights, limit: int = 10
) -> list[tuple[float, str]]:
    """The top `limit` (score, door-opener id), scored in Python after fetching everyone."""
    from graphsvc.services.candidates import SharedNeighbour, score

    me = graph.read(Q.participant_for_scoring, id=participant_id)[0]
    openers = graph.read(Q.door_openers_for_scoring)
    degree = Counter(n for d in openers for n in set(_neighbours(d)))
    mine = set(_neighbours(me))
    ranked = []
    for d in openers:
        if d["id"] == participant_id or participant_id in d["met"]:
            continue
        if d["open_matches"] >= d["capacity"] or not set(d["modes"]) & set(me["modes"]):
            continue
        if not set(d["languages"]) & set(me["languages"]):
            continue
        shared = [
            SharedNeighbour(kind, degree[(kind, key)]) for kind, key in set(_neighbours(d)) & mine
        ]
        place, km = _place(me["places"], d["places"])
        ranked.append((score(shared, place=place, distance_km=km, weights=weights), d["id"]))
    ranked.sort(key=lambda r: (-r[0], r[1]))
    return ranked[:limit]


def import_one_by_one(graph: Graph, rows: list[dict[str, Any]]) -> None:
    """Writes each person in a transaction of its own."""
    for row in rows:

        def work(tx: Tx, row: dict[str, Any] = row) -> None:
            people_repo.save_people(tx, rows=[row])

        graph.transaction(work)


def report_reach_one_by_one(graph: Graph, participant_ids: list[str]) -> dict[str, float]:
    """Reach over these participants with one network query each (the report's hard part)."""
    from graphsvc.services.network import get_network

    totals = [get_network(graph, pid, ADMIN).reach.total for pid in participant_ids]
    ordered = sorted(totals)
    return {
        "mean": statistics.mean(totals) if totals else 0.0,
        "median": statistics.median(totals) if totals else 0.0,
        "p90": ordered[int(0.9 * (len(ordered) - 1))] if ordered else 0.0,
        "max": max(totals, default=0),
    }
