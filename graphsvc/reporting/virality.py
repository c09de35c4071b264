"""Structural virality of a relay tree (Goel, Anderson, Hofman and Watts, 2015).

The mean shortest-path distance over all pairs of nodes of the tree tells a broadcast (one
door-opener who opened every door: virality near 2) from a true relay (doors opened generation
after generation: virality grows with depth), which reach alone cannot. It is a mean over all
pairs, awkward in Cypher, so the report query returns each tree as parent links and the mean is
computed here.

In a tree the sum of all pair distances needs no search: the edge above a node with `s` people
in its subtree lies on the path of every pair that has one end inside the subtree and one
outside, `s * (n - s)` pairs. That makes each tree linear in its size, and exact (integers until
the one division), where all-pairs breadth-first search was quadratic and dominated the report
at 100k people.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

Link = Sequence[str | None]


def structural_virality(root: str, links: Sequence[Link]) -> float | None:
    """Mean distance between all pairs of the tree `root` + each link's child; None below 2.

    A link is `(parent, child)`; a missing parent (or one outside the tree) means the child
    hangs from the root, as people matched directly by staff do. Damaged data (parents naming
    each other in a cycle, or a member its own parent) would leave people unreachable from the
    root: the first of them is hung from the root instead, until all are reached, so the result
    is always the mean over one tree.
    """
    nodes = [root, *dict.fromkeys(str(child) for _, child in links if child != root)]
    n = len(nodes)
    if n < 2:
        return None
    index = {node: i for i, node in enumerate(nodes)}
    parent_of = [0] * n
    given = [False] * n
    for parent, child in links:
        if child != root:
            i = index[str(child)]
            if not given[i]:
                given[i] = True
                parent_of[i] = index.get(str(parent), 0) if parent else 0
    order = _hang_unreached_from_root(parent_of)
    below = [1] * n
    pairs = 0
    for i in reversed(order):
        pairs += below[i] * (n - below[i])
        below[parent_of[i]] += below[i]
    return 2 * pairs / (n * (n - 1))


def _hang_unreached_from_root(parent_of: list[int]) -> list[int]:
    """Every node but the root (0), parents before children; a node whose parents never reach
    the root is hung from it, the lowest-numbered such node first, until every node is reached.
    """
    n = len(parent_of)
    while True:
        depth: list[int | None] = [None] * n
        depth[0] = 0
        for start in range(1, n):
            path: list[int] = []
            on_path: set[int] = set()
            node = start
            while depth[node] is None and node not in on_path:
                path.append(node)
                on_path.add(node)
                node = parent_of[node]
            known = depth[node]
            if known is None or known < 0:
                for lost in path:
                    depth[lost] = -1
            else:
                for step, walked in enumerate(reversed(path), start=1):
                    depth[walked] = known + step
        unreached = [i for i in range(1, n) if depth[i] == -1]
        if not unreached:
            return sorted(range(1, n), key=lambda i: depth[i] or 0)
        parent_of[unreached[0]] = 0


def summarise(values: Sequence[float]) -> tuple[float | None, float | None, float | None]:
    """(mean, median, max) of the trees' viralities; all None when there are none."""
    if not values:
        return None, None, None
    return statistics.fmean(values), float(statistics.median(values)), max(values)
