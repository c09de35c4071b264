"""Every waiting participant's best door-openers at once, from the facts the batch read.

This is the candidate query's ranking (`cypher/match/find_candidates.cypher`, mode `any`) done
for thousands of participants together: the same score, the same rules, the same ties by id.
It works on the facts of `graphsvc/graph/batch.py`, grouped per shared
neighbour, so a hub like English is one vector rather than millions of pairs. A block of
participants at a time gets a dense row of scores against every door-opener:

- each shared neighbour adds its term (from Cypher) to the door-openers who share it, in
  neighbour order: a hub as one dense vector over the rows of those who have it, a rarer
  neighbour only at its own rows and columns;
- Swedish adds its term to every pair of a Swedish-speaking participant, as the query does;
- nearness (`batch_nearness.py`) is added last, as the query adds it;
- the rules become masks: a shared meeting mode, a shared language, never matched or met, not
  oneself (active, not erased and room left were applied by the query that read the
  door-openers); the best `limit` finite scores, rounded to 6 decimals as the query rounds them,
  are taken per participant, ties by door-opener id.

The sums add the same numbers in another order than the query, so a score could differ from the
query's in the last bit before rounding; after rounding to 6 decimals they agree (a test holds the
two to equality over a random programme).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from graphsvc.graph.batch import BatchFacts, ParticipantFacts
from graphsvc.services.batch_nearness import Flags, Floats, Places
from graphsvc.settings import MatchWeights

BLOCK = 500
"""Participants scored together: a block's scores are BLOCK x door-openers floats."""
HUB = 0.3
"""A neighbour shared by more than this share of door-openers is added as a dense vector."""
SAMPLE = 8
"""Every SAMPLE-th door-opener bounds the cut; about `limit * SAMPLE` candidates per row remain."""
MARGIN = 2e-6
"""Rounding to 6 decimals moves a score by at most a quarter of this (half a millionth, and a
few units in the last place), so a score within it of the unrounded cut may still tie or beat the
cut once rounded."""


@dataclass(frozen=True, slots=True)
class RankedPair:
    """A participant's candidate as the candidate query ranks it: the pair, its score (rounded
    as the query rounds it) and the door-opener's room left. The batch needs no explanation."""

    participant_id: str
    door_opener_id: str
    score: float
    capacity_left: int


@dataclass(frozen=True)
class _Neighbour:
    kind: str
    term: float
    shared: Flags
    columns: NDArray[np.int64]
    dense: Floats | None


class _Ranking:
    """The facts as indexes: door-openers are columns, participants rows."""

    def __init__(self, facts: BatchFacts, weights: MatchWeights) -> None:
        self.facts = facts
        self.columns = {d.id: j for j, d in enumerate(facts.door_openers)}
        width = len(self.columns)
        ids = np.array([d.id for d in facts.door_openers], dtype=object)
        self.rank_by_id = np.empty(width, dtype=np.int64)
        self.rank_by_id[np.argsort(ids, kind="stable")] = np.arange(width)
        rows = {p.id: i for i, p in enumerate(facts.participants)}
        self.mine: list[list[int]] = [[] for _ in facts.participants]
        self.neighbours: list[_Neighbour] = []
        for j, n in enumerate(facts.neighbours):
            shared = np.zeros(width, dtype=bool)
            shared[[self.columns[d] for d in n.door_openers if d in self.columns]] = True
            hub = shared.sum() > HUB * width
            dense = np.where(shared, n.term, 0.0) if hub else None
            self.neighbours.append(
                _Neighbour(n.kind, n.term, shared, np.flatnonzero(shared), dense)
            )
            for pid in n.participants:
                self.mine[rows[pid]].append(j)
        self.places = Places(facts, weights)
        self._modes: dict[frozenset[str], NDArray[np.int64]] = {}
        self._languages: dict[tuple[int, ...], NDArray[np.int64]] = {}

    def refused_modes(self, p: ParticipantFacts) -> NDArray[np.int64]:
        """Columns of door-openers who share no meeting mode with the participant."""
        wanted = frozenset(p.meeting_modes)
        if wanted not in self._modes:
            self._modes[wanted] = np.flatnonzero(
                [not (wanted & set(d.meeting_modes)) for d in self.facts.door_openers]
            )
        return self._modes[wanted]

    def refused_languages(self, row: int) -> NDArray[np.int64]:
        """Columns of door-openers who share no language but Swedish with the participant."""
        spoken = tuple(j for j in self.mine[row] if self.neighbours[j].kind == "language")
        if spoken not in self._languages:
            flags = np.zeros(len(self.columns), dtype=bool)
            for j in spoken:
                flags |= self.neighbours[j].shared
            self._languages[spoken] = np.flatnonzero(~flags)
        return self._languages[spoken]

    def scores(self, start: int, stop: int) -> Floats:
        """The block's scores, -inf where the rules refuse the pair."""
        block = self.facts.participants[start:stop]
        scores = np.zeros((len(block), len(self.columns)))
        touching: dict[int, list[int]] = {}
        for i in range(len(block)):
            for j in self.mine[start + i]:
                touching.setdefault(j, []).append(i)
        for j in sorted(touching):
            n, rows = self.neighbours[j], touching[j]
            if n.dense is not None and 4 * len(rows) > len(block):
                chosen = np.zeros((len(block), 1), dtype=bool)
                chosen[rows] = True
                np.add(scores, n.dense, out=scores, where=chosen)
            elif n.dense is not None:
                scores[rows] += n.dense
            else:
                scores[np.ix_(np.array(rows), n.columns)] += n.term
        swedish = np.array([[p.speaks_sv] for p in block], dtype=bool)
        np.add(scores, self.facts.swedish, out=scores, where=swedish)
        refused: dict[int, list[int]] = {}  # rows by the refused columns they share
        columns: dict[int, NDArray[np.int64]] = {}
        for i, p in enumerate(block):
            scores[i] += self.places.of(p)
            masks = [self.refused_modes(p)]
            if not p.speaks_sv:
                masks.append(self.refused_languages(start + i))
            for mask in masks:
                refused.setdefault(id(mask), []).append(i)
                columns[id(mask)] = mask
            scores[i, [self.columns[k] for k in [*p.known, p.id] if k in self.columns]] = -np.inf
        for key, rows in refused.items():
            scores[np.ix_(np.array(rows), columns[key])] = -np.inf
        return scores


def _cut(scores: Floats, limit: int) -> Floats:
    """Per row, a score that the row's best `limit` reach once rounded, at most the `limit`-th
    best: the `limit`-th best of every SAMPLE-th column (a cheap bound; the exact order is taken
    among the few above it), less MARGIN, and never below the lowest finite score (refused pairs
    stay out)."""
    sample = scores[:, ::SAMPLE]
    width = sample.shape[1]
    if width <= limit:
        cut = np.full(len(scores), -np.inf)
    else:
        cut = np.partition(sample, width - limit, axis=1)[:, width - limit] - MARGIN
    lowest: Floats = np.maximum(cut, np.finfo(np.float64).min)
    return lowest


def top_candidates(
    facts: BatchFacts,
    *,
    weights: MatchWeights,
    limit: int,
    advance: Callable[[int], None] | None = None,
    block: int = BLOCK,
) -> list[RankedPair]:
    """Each participant's best `limit` door-openers, as `find_candidates(mode="any")` ranks them,
    by participant (in the order of `facts.participants`), best first."""
    if not facts.door_openers or not facts.participants or limit < 1:
        return []
    ranking = _Ranking(facts, weights)
    participants = facts.participants
    pairs: list[RankedPair] = []
    for start in range(0, len(facts.participants), block):
        stop = min(start + block, len(facts.participants))
        scores = ranking.scores(start, stop)
        rows, cols = np.nonzero(scores >= _cut(scores, limit)[:, np.newaxis])
        rounded = np.round(scores[rows, cols], 6)
        order = np.lexsort((ranking.rank_by_id[cols], -rounded, rows))
        rows, cols, rounded = rows[order], cols[order], rounded[order]
        place_in_row = np.arange(len(rows)) - np.searchsorted(rows, rows)
        kept = place_in_row < limit
        for row, column, score in zip(
            (rows[kept] + start).tolist(), cols[kept].tolist(), rounded[kept].tolist(), strict=True
        ):
            d = facts.door_openers[column]
            pairs.append(RankedPair(participants[row].id, d.id, score, d.capacity_left))
        if advance is not None:
            advance(stop - start)
    return pairs
