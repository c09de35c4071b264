"""Positions for a relay spread too large for the browser to lay out.

vis-network's hierarchical layout is fine for a few hundred people but slow beyond, so a large
spread gets its coordinates here instead: one band per generation, top to bottom, and within a
band the people in order of whoever opened the door to them, so relays stay side by side. A wide
generation wraps into several rows; one row of 256 people would make a picture 40 000 pixels wide
and a few hundred high, flattened to a line when fitted to the screen.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Final

from graphsvc.models.network import Network, NetworkNode

LEVEL_SEPARATION: Final = 170
ROW_SEPARATION: Final = 80
NODE_SPACING: Final = 170
_MIN_PER_ROW: Final = 20


def parents(network: Network) -> dict[str, str]:
    """Who brought each person into the tree: the door-opener, else the matched participant."""
    parent: dict[str, str] = {}
    for edge in network.edges:
        if edge.type == "OPENED_DOOR":
            parent.setdefault(edge.target, edge.source)
    for edge in network.edges:
        if edge.type != "OPENED_DOOR":
            parent.setdefault(edge.target, edge.source)
    parent.pop(network.participant_id, None)
    return parent


def row_length(people: int) -> int:
    """People per row: about √n·1.2, which keeps the whole picture roughly as wide as high."""
    return max(_MIN_PER_ROW, round(math.sqrt(people) * 1.2))


def level_positions(network: Network) -> dict[str, tuple[float, float]]:
    """x/y for every person: a band per generation, rows centred, ordered by parent's place."""
    parent = parents(network)
    by_level: dict[int, list[NetworkNode]] = defaultdict(list)
    for node in network.nodes:
        by_level[node.generation].append(node)
    per_row = row_length(len(network.nodes))
    order: dict[str, int] = {}
    positions: dict[str, tuple[float, float]] = {}
    unplaced = len(network.nodes)  # sorts people whose parent is not placed yet to the end
    top = 0.0
    for level in sorted(by_level):
        members = sorted(
            by_level[level],
            key=lambda node: (order.get(parent.get(node.id, ""), unplaced), node.id),
        )
        for index, node in enumerate(members):
            order[node.id] = index
            row, column = divmod(index, per_row)
            in_row = min(per_row, len(members) - row * per_row)
            x = (column - (in_row - 1) / 2) * NODE_SPACING
            positions[node.id] = (x, top + row * ROW_SEPARATION)
        rows = math.ceil(len(members) / per_row)
        top += (rows - 1) * ROW_SEPARATION + LEVEL_SEPARATION
    return positions
