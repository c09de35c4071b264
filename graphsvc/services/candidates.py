"""Candidates for a participant, and the score that ranks them, written out as pure functions.

The ranking itself runs inside Neo4j (`cypher/match/find_candidates.cypher`), because only the
database can pick the best ten of thousands without shipping them all. The functions below state
the same formula in Python: the query's header points here, a test holds the two to the same
numbers on real data, and the property tests check the formula's promises (a shared neighbour
never lowers a score; nearer is never worse) without a database.

The score of a pair is

    sum over shared neighbours n of  weight[kind(n)] * rarity(door-openers connected to n)
  + nearness

with `rarity(k) = 1 / ln(1 + k)` (Adamic–Adar): a neighbour few door-openers share says more
about a pair than one most of them share. Neighbours are languages, industries (the division
and, one level up, its section) and education fields (detailed, narrow, broad): a pair sharing a
division also shares its section, so nearer in the hierarchy scores higher. Nearness is about
being able to meet, not about rarity, so it takes plain weights: same municipality (its weight
plus the county's) > same county > elsewhere, `distance * scale / (scale + km)` between the
municipality centroids, which stays below `same_county` while `distance <= same_county`.
`mode=digital` scores no nearness at all.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from graphsvc.errors import NotEligible, NotFound
from graphsvc.graph import matches as repo
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.models.match import Candidate, CandidateList, CandidateMode, PlaceNearness
from graphsvc.models.token import Principal
from graphsvc.privacy import present_person
from graphsvc.settings import MatchWeights

NeighbourKind = str
"""`language`, `industry_division`, `industry_section`, `field_detailed`, `field_narrow` or
`field_broad`: the name of the weight in `MatchWeights`."""


@dataclass(frozen=True)
class SharedNeighbour:
    """One neighbour both people have, and how many door-openers are connected to it."""

    kind: NeighbourKind
    door_openers: int


def rarity(door_openers: int) -> float:
    """Adamic–Adar weight of a neighbour connected to `door_openers` door-openers (>= 1)."""
    return 1.0 / math.log(1 + max(door_openers, 1))


def nearness(
    place: PlaceNearness, distance_km: float | None, weights: MatchWeights, mode: CandidateMode
) -> float:
    """The place part of the score: tiers, then distance for people in different counties."""
    if mode == "digital":
        return 0.0
    if place == "same_municipality":
        return weights.same_municipality + weights.same_county
    if place == "same_county":
        return weights.same_county
    if distance_km is None:
        return 0.0
    scale = weights.distance_scale_km
    return weights.distance * scale / (scale + max(distance_km, 0.0))


def score(
    shared: Iterable[SharedNeighbour],
    *,
    place: PlaceNearness,
    distance_km: float | None,
    weights: MatchWeights,
    mode: CandidateMode = "any",
) -> float:
    """The pair's score, rounded as the query rounds it (so equal pairs tie exactly)."""
    by_kind: dict[str, float] = weights.model_dump()
    total = sum(by_kind[n.kind] * rarity(n.door_openers) for n in shared)
    return round(total + nearness(place, distance_km, weights, mode), 6)


def list_candidates(
    graph: Graph,
    participant_id: str,
    *,
    weights: MatchWeights,
    principal: Principal,
    limit: int = 10,
    mode: CandidateMode = "any",
) -> CandidateList:
    """The participant's best door-openers, best first, as the caller may see them.

    One read: the ranking returns each door-opener as shown and what the ranked person is (a
    read costs a round trip and a query's set-up, ~2-3 ms here, a tenth of the whole call). Only
    when it ranks nobody is the person read to tell an unknown id (NotFound) or someone who is
    not a participant (NotEligible) from a participant without candidates.
    """
    shown = repo.find_shown_candidates(
        graph, participant_id=participant_id, limit=limit, mode=mode, weights=weights
    )
    is_participant = shown.is_participant
    if is_participant is None:
        found = people_repo.get_people(graph, ids=[participant_id])
        is_participant = "participant" in found[0].roles if found else None
    if is_participant is None:
        raise NotFound(f"no person with id {participant_id!r}")
    if not is_participant:
        raise NotEligible(
            f"person {participant_id!r} is not a participant",
            field="participant_id",
            value=participant_id,
            location="path",
        )
    return CandidateList(
        items=[
            Candidate(
                door_opener=present_person(person, principal), score=pair.score, shared=pair.shared
            )
            for pair, person in shown.candidates
        ]
    )
