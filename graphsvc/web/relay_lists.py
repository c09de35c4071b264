"""The meetings and doors listed under a relay spread, read off the same `Network` it draws.

Built from the picture's own model rather than a second query, so the list and the picture can
never disagree about who met whom.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphsvc.models.network import EdgeType, Network, NetworkNode
from viz.clock import day_label


@dataclass(frozen=True)
class RelayRow:
    """One meeting or opened door: its Stockholm date, the two people, its generation."""

    day: str | None
    source: NetworkNode
    target: NetworkNode
    generation: int


def rows(network: Network, kind: EdgeType) -> list[RelayRow]:
    """The edges of one kind as rows, earliest first (undated ones last)."""
    people = {node.id: node for node in network.nodes}
    found = [
        RelayRow(
            day=day_label(edge.at),
            source=people[edge.source],
            target=people[edge.target],
            generation=edge.generation,
        )
        for edge in network.edges
        if edge.type == kind and edge.source in people and edge.target in people
    ]
    return sorted(found, key=lambda r: (r.day is None, r.day or "", r.generation))
