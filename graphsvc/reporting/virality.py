"""Structural virality of a relay tree (Goel, Anderson, Hofman and Watts, 2015).

The mean shortest-path distance over all pairs of nodes of the tree tells a broadcast (one
door-opener who opened every door: virality near 2) from a true relay (doors opened generation
after generation: virality grows with depth), which reach alone cannot. It is a mean over all
pairs, awkward in Cypher, so the report query returns each tree as parent links and the
distances are computed here with scipy's breadth-first shortest paths.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from typing import Any

from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import shortest_path

Link = Sequence[str | None]


def structural_virality(root: str, links: Sequence[Link]) -> float | None:
    """Mean distance between all pairs of the tree `root` + each link's child; None below 2.

    A link is `(parent, child)`; a missing parent (or one outside the tree) means the child
    hangs from the root, as people matched directly by staff do. Damaged data (parents naming
    each other in a cycle) would leave people unreachable from the root: the first of them is
    hung from the root instead, until all are reached, so the result is always the mean over one
    tree.
    """
    nodes = [root, *dict.fromkeys(str(child) for _, child in links if child != root)]
    if len(nodes) < 2:
        return None
    index = {node: i for i, node in enumerate(nodes)}
    parent_of: dict[int, int] = {}
    for parent, child in links:
        if child != root:
            parent_of.setdefault(index[str(child)], index.get(str(parent), 0) if parent else 0)
    while True:
        distances = _distances(len(nodes), parent_of)
        unreached = [i for i, d in enumerate(distances[0]) if math.isinf(d)]
        if not unreached:
            break
        parent_of[unreached[0]] = 0
    n = len(nodes)
    return float(distances.sum() / (n * (n - 1)))


def _distances(n: int, parent_of: dict[int, int]) -> Any:
    """All-pairs hop counts (scipy's breadth-first search) as an n×n array."""
    rows = [parent for child, parent in parent_of.items() if parent != child]
    cols = [child for child, parent in parent_of.items() if parent != child]
    graph = coo_matrix(([1.0] * len(rows), (rows, cols)), shape=(n, n)).tocsr()
    return shortest_path(graph, directed=False, unweighted=True)


def summarise(values: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """(mean, median, max) of the trees' viralities; all None when there are none."""
    if not values:
        return None, None, None
    return statistics.fmean(values), float(statistics.median(values)), max(values)
