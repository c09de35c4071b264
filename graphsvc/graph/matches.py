"""The matches repository: candidates, the facts a proposal checks, and the MATCHED edges.

Scoring lives in one query, `cypher/match/find_candidates.cypher`; the candidate list and a
proposal's pair score both run it (the pair through `$only_door_opener`), so the two can never
disagree about a score. The batch ranks thousands of participants at once from the same facts
read per neighbour (`graphsvc/graph/batch.py`), and a test holds it to this query's numbers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph, Row, Tx
from graphsvc.graph.people import to_person
from graphsvc.graph.queries import queries
from graphsvc.models.match import MatchStatus, ScoredPair, Shared
from graphsvc.models.person import AvailabilitySlot, Person
from graphsvc.settings import MatchWeights

Q = queries.match


@dataclass(frozen=True)
class PairFacts:
    """What a proposal re-checks under its locks (see `check_pair.cypher`)."""

    is_participant: bool
    is_door_opener: bool
    participant_active: bool
    door_opener_active: bool
    open_matches: int
    max_active_matches: int
    matched_or_met: bool
    participant_languages: list[str]
    door_opener_languages: list[str]
    participant_modes: list[str]
    door_opener_modes: list[str]
    participant_counties: list[str]
    door_opener_counties: list[str]
    participant_availability: list[AvailabilitySlot]
    door_opener_availability: list[AvailabilitySlot]
    busy: list[datetime]


@dataclass(frozen=True)
class ShownCandidates:
    """A participant's candidates, each with the door-opener as the list shows them.

    `is_participant` says what the ranked person is; it is None when the query ranked nobody
    (an unknown id, or a participant without a candidate), which the caller tells apart.
    """

    is_participant: bool | None
    candidates: list[tuple[ScoredPair, Person]]


@dataclass(frozen=True)
class StoredMatch:
    """A MATCHED edge's own properties and the ids at its two ends."""

    props: dict[str, Any]
    participant_id: str
    door_opener_id: str


def _pair(row: Row) -> ScoredPair:
    return ScoredPair(
        participant_id=row["participant_id"],
        door_opener_id=row["door_opener_id"],
        score=row["score"],
        shared=Shared(
            languages=sorted(row["languages"]),
            industries=sorted(row["industries"]),
            fields=sorted(row["fields"]),
            place=row["place"],
            distance_km=row["distance_km"],
        ),
        capacity_left=row["capacity_left"],
    )


def _ranked(rows: list[Row]) -> list[ScoredPair]:
    """Rows per participant, best first and ties by id, in the order the participants came."""
    order = {pid: i for i, pid in enumerate(dict.fromkeys(r["participant_id"] for r in rows))}
    pairs = [_pair(r) for r in rows]
    return sorted(pairs, key=lambda s: (order[s.participant_id], -s.score, s.door_opener_id))


def find_candidates(
    graph: Graph, *, participant_ids: list[str], limit: int, mode: str, weights: MatchWeights
) -> list[ScoredPair]:
    """Each participant's best `limit` candidates, by the rules of the contract (one read in an
    auto-commit transaction: `Graph.lookup`, a round trip less than `Graph.read`)."""
    rows = graph.lookup(
        Q.find_candidates,
        participant_ids=participant_ids,
        limit=limit,
        mode=mode,
        weights=weights.model_dump(),
        only_door_opener=None,
    )
    return _ranked(rows)


def find_shown_candidates(
    graph: Graph, *, participant_id: str, limit: int, mode: str, weights: MatchWeights
) -> ShownCandidates:
    """The participant's best `limit` candidates with each door-opener read in the same query
    (`cypher/_fragments/person.cypher`): a candidate list is one read, not two."""
    rows = graph.lookup(
        Q.find_candidates,
        participant_ids=[participant_id],
        limit=limit,
        mode=mode,
        weights=weights.model_dump(),
        only_door_opener=None,
    )
    if not rows:
        return ShownCandidates(is_participant=None, candidates=[])
    shown = {r["door_opener_id"]: to_person(r["door_opener"]) for r in rows}
    return ShownCandidates(
        is_participant=rows[0]["is_participant"],
        candidates=[(pair, shown[pair.door_opener_id]) for pair in _ranked(rows)],
    )


def score_pair(
    tx: Tx, *, participant_id: str, door_opener_id: str, weights: MatchWeights
) -> ScoredPair | None:
    """The pair's score as the candidate list would give it (mode `any`), excluding nothing."""
    rows = tx.run(
        Q.find_candidates,
        participant_ids=[participant_id],
        limit=1,
        mode="any",
        weights=weights.model_dump(),
        only_door_opener=door_opener_id,
    )
    return _pair(rows[0]) if rows else None


def _slots(text: str | None) -> list[AvailabilitySlot]:
    return [AvailabilitySlot.model_validate(s) for s in json.loads(text or "[]")]


def pair_facts(tx: Tx, *, participant_id: str, door_opener_id: str) -> PairFacts | None:
    """The pair's facts inside the caller's transaction; None when either id is unknown."""
    rows = tx.run(Q.check_pair, participant_id=participant_id, door_opener_id=door_opener_id)
    if not rows:
        return None
    r = native(rows[0])
    return PairFacts(
        is_participant=r["is_participant"],
        is_door_opener=r["is_door_opener"],
        participant_active=r["participant_active"],
        door_opener_active=r["door_opener_active"],
        open_matches=r["open_matches"],
        max_active_matches=r["max_active_matches"] or 0,
        matched_or_met=r["matched_or_met"],
        participant_languages=sorted(r["participant_languages"]),
        door_opener_languages=sorted(r["door_opener_languages"]),
        participant_modes=list(r["participant_modes"] or []),
        door_opener_modes=list(r["door_opener_modes"] or []),
        participant_counties=r["participant_counties"],
        door_opener_counties=r["door_opener_counties"],
        participant_availability=_slots(r["participant_availability"]),
        door_opener_availability=_slots(r["door_opener_availability"]),
        busy=r["busy"],
    )


def create_match(
    tx: Tx,
    *,
    match_id: str,
    participant_id: str,
    door_opener_id: str,
    score: float,
    suggested_time: datetime | None,
    mode: str,
    created_at: datetime,
    generation: int,
    relay: bool,
    duration_minutes: int = 60,
) -> None:
    """Writes the MATCHED edge (status proposed, notification pending) in the caller's tx."""
    tx.run(
        Q.create_match,
        id=match_id,
        participant_id=participant_id,
        door_opener_id=door_opener_id,
        score=score,
        suggested_time=suggested_time,
        duration_minutes=duration_minutes,
        mode=mode,
        created_at=created_at,
        generation=generation,
        relay=relay,
    )


def get_matches(graph: Graph, *, ids: list[str]) -> list[StoredMatch]:
    """Matches by id, in the order given; unknown ids are left out."""
    return [
        StoredMatch(native(r["match"]), r["participant_id"], r["door_opener_id"])
        for r in graph.read(Q.get_matches, ids=ids)
    ]


def set_status(
    graph: Graph,
    *,
    match_id: str,
    allowed: tuple[MatchStatus, ...],
    status: MatchStatus,
    at: datetime,
) -> MatchStatus | None:
    """Moves the match to `status` if it is in `allowed`; returns the status it had (None:
    no such match), so the caller can tell a refused transition from a missing match."""
    rows = graph.write(Q.set_status, id=match_id, allowed=list(allowed), status=status, at=at)
    return rows[0]["before"] if rows else None


def set_notification(
    graph: Graph, *, match_id: str, state: str, error: str | None, at: datetime
) -> None:
    """Records whether both people were told of the match."""
    graph.write(Q.set_notification, id=match_id, state=state, error=error, at=at)


def waiting_participants(graph: Graph, *, ids: list[str] | None) -> list[str]:
    """Ids of waiting participants (all of them, or those among `ids`), sorted."""
    if ids is None:
        return [r["id"] for r in graph.read(Q.list_waiting)]
    return [r["id"] for r in graph.read(Q.filter_waiting, ids=ids)]
