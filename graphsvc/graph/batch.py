"""The batch's repository: the facts it scores every pair from, read in one snapshot.

The candidate query ranks one participant's door-openers inside Neo4j; a batch of thousands
would run it thousands of times (about 56 ms each at 5 000 x 10 000). Instead the batch reads,
once, what the candidate query reads per pair: each shared neighbour with its score term and the
people on both sides of it (`batch_neighbours.cypher`), the door-openers the rules allow, the
participants' rules and places, and the distances between municipalities. Every number that the
score is made of comes from Cypher with the candidate query's own expressions; the service only
adds them up (`graphsvc/services/batch_scores.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graphsvc.graph.db import Graph, Tx
from graphsvc.graph.queries import queries
from graphsvc.settings import MatchWeights

Q = queries.match
CHUNK = 2_500
"""Participants per query: each chunk repeats a hub's door-opener list once, so not too small."""


@dataclass(frozen=True)
class Neighbour:
    """A neighbour some participants score on: who has it, who shares it, what it adds."""

    key: str
    kind: str
    term: float
    participants: list[str]
    door_openers: list[str]


@dataclass(frozen=True)
class DoorOpenerFacts:
    """A door-opener the rules that depend on them alone allow, and their room left."""

    id: str
    meeting_modes: list[str]
    capacity_left: int
    places: list[str]


@dataclass(frozen=True)
class ParticipantFacts:
    """What the rules and nearness read of a participant."""

    id: str
    meeting_modes: list[str]
    speaks_sv: bool
    homes: list[str]
    county_places: list[str]
    known: list[str]


@dataclass(frozen=True)
class BatchFacts:
    """Everything the batch scores from; `metres[home][i]` is the distance to `places[i]`."""

    swedish: float
    door_openers: list[DoorOpenerFacts]
    participants: list[ParticipantFacts]
    neighbours: list[Neighbour]
    places: list[str]
    metres: dict[str, list[float]]


def batch_facts(
    graph: Graph,
    *,
    participant_ids: list[str],
    weights: MatchWeights,
    advance: Callable[[int], None] | None = None,
    chunk: int = CHUNK,
) -> BatchFacts:
    """The facts for `participant_ids`, all read in one transaction so that degrees, capacity
    and the rules agree with each other; `advance(n)` is told as chunks of participants are read."""
    by_weight = weights.model_dump()

    def work(tx: Tx) -> BatchFacts:
        door_openers = tx.run(Q.batch_door_openers, weights=by_weight)
        participants: list[ParticipantFacts] = []
        neighbours: list[Neighbour] = []
        for start in range(0, len(participant_ids), chunk):
            ids = participant_ids[start : start + chunk]
            participants += [
                ParticipantFacts(
                    id=r["id"],
                    meeting_modes=list(r["meeting_modes"] or []),
                    speaks_sv=r["speaks_sv"],
                    homes=r["homes"],
                    county_places=r["county_places"],
                    known=r["known"],
                )
                for r in tx.run(Q.batch_participants, participant_ids=ids)
            ]
            neighbours += [
                Neighbour(r["key"], r["kind"], r["term"], r["participants"], r["door_openers"])
                for r in tx.run(Q.batch_neighbours, participant_ids=ids, weights=by_weight)
            ]
            if advance is not None:
                advance(len(ids))
        homes = sorted({h for p in participants for h in p.homes})
        distances = tx.run(Q.batch_distances, keys=homes) if homes else []
        return BatchFacts(
            swedish=door_openers[0]["swedish"] if door_openers else 0.0,
            door_openers=[
                DoorOpenerFacts(
                    id=r["id"],
                    meeting_modes=list(r["meeting_modes"] or []),
                    capacity_left=r["capacity_left"],
                    places=r["places"],
                )
                for r in door_openers
            ],
            participants=participants,
            neighbours=neighbours,
            places=distances[0]["places"] if distances else [],
            metres={r["key"]: r["metres"] for r in distances},
        )

    return graph.read_transaction(work)
