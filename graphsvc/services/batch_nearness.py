"""The place part of the batch's scores: each participant's nearness to every door-opener.

As the candidate query scores it (mode `any`): a door-opener with a place in one of the
participant's home municipalities scores `same_municipality + same_county`, one with a place in
the same county `same_county`, anyone else `distance * scale / (scale + km)` for the nearest pair
of their places, and nothing when either has no place. The metres are Cypher's own
`point.distance`, read once per home municipality (`batch_distances.cypher`); participants who
share their homes share the vector, so it is computed once per set of homes.
Mode `digital` (no place at all) is not needed: the batch ranks in mode `any`.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from graphsvc.graph.batch import BatchFacts, ParticipantFacts
from graphsvc.settings import MatchWeights

Floats = NDArray[np.float64]
Flags = NDArray[np.bool_]


class Places:
    """The door-openers' municipalities as indexes, and the distances from the homes."""

    def __init__(self, facts: BatchFacts, weights: MatchWeights) -> None:
        self._weights = weights
        self._index = {key: i for i, key in enumerate(facts.places)}
        none = len(facts.places)  # one more place: infinitely far, never shared
        self._size = none + 1
        widest = max([len(d.places) for d in facts.door_openers] + [1])
        theirs = np.full((widest, len(facts.door_openers)), none, dtype=np.int64)
        for j, d in enumerate(facts.door_openers):
            for slot, key in enumerate(d.places):
                theirs[slot, j] = self._index.get(key, none)  # all known when a home is
        self._theirs = list(theirs)
        self._has_place = np.array([bool(d.places) for d in facts.door_openers], dtype=bool)
        self._metres = {
            key: np.array([*metres, np.inf], dtype=np.float64)
            for key, metres in facts.metres.items()
        }
        self._cache: dict[tuple[str, ...], Floats] = {}

    def of(self, p: ParticipantFacts) -> Floats:
        """The place part of the participant's score with every door-opener."""
        key = tuple(sorted(set(p.homes)))
        if key not in self._cache:
            self._cache[key] = self._compute(p)
        return self._cache[key]

    def _any(self, keys: set[str]) -> Flags:
        """For each door-opener: is one of their places among `keys`?"""
        flags = np.zeros(self._size, dtype=bool)
        flags[[self._index[k] for k in keys if k in self._index]] = True
        found = flags[self._theirs[0]]
        for slot in self._theirs[1:]:
            found |= flags[slot]
        return found

    def _compute(self, p: ParticipantFacts) -> Floats:
        if not p.homes:
            return np.zeros(len(self._has_place))
        w = self._weights
        homes = set(p.homes)
        best = np.min([self._metres[h] for h in homes], axis=0)
        metres = best[self._theirs[0]]
        for slot in self._theirs[1:]:
            np.minimum(metres, best[slot], out=metres)
        county = set(p.county_places)
        with np.errstate(over="ignore", invalid="ignore"):
            far = (w.distance * w.distance_scale_km) / (w.distance_scale_km + metres / 1000.0)
        return np.where(
            self._any(homes & county),  # the query tags a home only among the county's places
            w.same_municipality + w.same_county,
            np.where(self._any(county), w.same_county, np.where(self._has_place, far, 0.0)),
        )
