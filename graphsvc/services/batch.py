"""The batch: assign every waiting participant a door-opener so the total score is highest.

Each waiting participant brings their best `TOP_K` candidates from the candidate query (many
participants per query). The plan is a maximum-weight bipartite matching solved by SciPy's
LAPJVsp (`min_weight_full_bipartite_matching`): rows are participants; columns are the
door-openers' free places (a door-opener with two free places is two columns) plus one private
"stays waiting" column per participant, so a full matching always exists and leaving someone
unmatched is allowed. Costs are `top - score` (all positive, as the solver wants no zeros), so
the cheapest full matching is the one with the highest total score. Inputs are built in id order,
so the same data gives the same plan. A greedy plan (best pair first) is reported next to it, to
show what the optimisation gains.
"""

from __future__ import annotations

import logging
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching

from graphsvc import clock
from graphsvc.errors import DomainError
from graphsvc.graph import matches as repo
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.match import Assignment, BatchRequest, BatchResult, ScoredPair
from graphsvc.services import matches
from graphsvc.services.announce import Announcer
from graphsvc.settings import Settings

log = logging.getLogger(__name__)
TOP_K = 10
CHUNK = 100
"""Participants per candidate query: big enough to save round trips, small enough to stream."""
WORKERS = 4


def plan(pairs: list[ScoredPair]) -> list[ScoredPair]:
    """The pairs that maximise the total score with every door-opener within `capacity_left`
    and every participant at most once, by participant id (the same whatever the input order)."""
    usable = [p for p in pairs if p.capacity_left > 0]
    if not usable:
        return []
    participants = sorted({p.participant_id for p in usable})
    row = {pid: i for i, pid in enumerate(participants)}
    wanted = Counter(p.door_opener_id for p in usable)
    capacity = {p.door_opener_id: p.capacity_left for p in usable}
    columns: dict[str, list[int]] = {}
    next_column = 0
    for door_opener_id in sorted(wanted):
        places = min(capacity[door_opener_id], wanted[door_opener_id])
        columns[door_opener_id] = list(range(next_column, next_column + places))
        next_column += places
    top = max(p.score for p in usable) + 1.0
    rows: list[int] = []
    cols: list[int] = []
    costs: list[float] = []
    for p in sorted(usable, key=lambda s: (s.participant_id, s.door_opener_id)):
        for column in columns[p.door_opener_id]:
            rows.append(row[p.participant_id])
            cols.append(column)
            costs.append(top - p.score)
    for i in range(len(participants)):  # the "stays waiting" column of each participant
        rows.append(i)
        cols.append(next_column + i)
        costs.append(top)
    graph = csr_matrix(
        (np.array(costs), (np.array(rows), np.array(cols))),
        shape=(len(participants), next_column + len(participants)),
    )
    matched_rows, matched_cols = min_weight_full_bipartite_matching(graph)
    owner = {c: d for d, cs in columns.items() for c in cs}
    chosen = {
        (participants[r], owner[c])
        for r, c in zip(matched_rows, matched_cols, strict=True)
        if c in owner
    }
    return sorted(
        (p for p in usable if (p.participant_id, p.door_opener_id) in chosen),
        key=lambda p: p.participant_id,
    )


def greedy_total(pairs: list[ScoredPair]) -> float:
    """The total of the plan that takes the best remaining pair first, for comparison."""
    left = {p.door_opener_id: p.capacity_left for p in pairs}
    placed: set[str] = set()
    total = 0.0
    for p in sorted(pairs, key=lambda s: (-s.score, s.participant_id, s.door_opener_id)):
        if p.participant_id not in placed and left[p.door_opener_id] > 0:
            placed.add(p.participant_id)
            left[p.door_opener_id] -= 1
            total += p.score
    return round(total, 6)


def _candidates(graph: Graph, settings: Settings, participant_ids: list[str]) -> list[ScoredPair]:
    chunks = [participant_ids[i : i + CHUNK] for i in range(0, len(participant_ids), CHUNK)]

    def fetch(chunk: list[str]) -> list[ScoredPair]:
        return repo.find_candidates(
            graph, participant_ids=chunk, limit=TOP_K, mode="any", weights=settings.weights
        )

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return [pair for found in pool.map(fetch, chunks) for pair in found]


def _make(graph: Graph, settings: Settings, chosen: list[ScoredPair]) -> dict[str, str]:
    """One match per chosen pair, each in its own transaction (capacity re-checked under the
    lock); a pair that no longer fits leaves its participant waiting. Participant → match id."""
    made: dict[str, str] = {}
    at = clock.now()
    for pair in chosen:

        def work(tx: Tx, pair: ScoredPair = pair) -> str:
            return matches.propose_in_tx(
                tx,
                participant_id=pair.participant_id,
                door_opener_id=pair.door_opener_id,
                generation=1,
                relay=False,
                at=at,
                weights=settings.weights,
                score=pair.score,
            )

        try:
            made[pair.participant_id] = graph.transaction(work)
        except DomainError as exc:
            log.info(
                "batch pair %s/%s skipped: %s", pair.participant_id, pair.door_opener_id, exc.detail
            )
    return made


def run_batch(
    graph: Graph, settings: Settings, body: BatchRequest, announcer: Announcer | None = None
) -> BatchResult:
    """Plans (and unless `dry_run`, makes and announces) matches for the waiting participants."""
    given = None if body.participant_ids is None else sorted(set(body.participant_ids))
    waiting = repo.waiting_participants(graph, ids=given)
    skipped = sorted(set(given or []) - set(waiting))
    pairs = _candidates(graph, settings, waiting)
    chosen = plan(pairs)
    made: dict[str, str] | None = None
    if not body.dry_run:
        made = _make(graph, settings, chosen)
        chosen = [p for p in chosen if p.participant_id in made]
        matches.notify(graph, settings, list(made.values()), announcer)
    assigned = {p.participant_id for p in chosen}
    return BatchResult(
        assignments=[
            Assignment(
                participant_id=p.participant_id,
                door_opener_id=p.door_opener_id,
                score=p.score,
                match_id=made.get(p.participant_id) if made is not None else None,
            )
            for p in sorted(chosen, key=lambda s: s.participant_id)
        ],
        unmatched=[pid for pid in waiting if pid not in assigned],
        total_score=round(sum(p.score for p in chosen), 6),
        greedy_total_score=greedy_total(pairs),
        skipped=skipped,
    )
