"""The network repository: a participant's relay tree, read in one query.

The query returns the raw tree (members with the root's matches, meetings and doors to them);
turning it into nodes, edges and reach is the network service's pure function, so the rules
for reach are tested without a database and the query stays a plain walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries

Q = queries.relay


@dataclass(frozen=True)
class TreeEdge:
    """One match, meeting or door of the tree, reduced to what the picture needs."""

    generation: int
    at: datetime | None
    source: str
    status: str | None = None


@dataclass(frozen=True)
class TreePerson:
    """The root or a member; `name` is None once erased."""

    id: str
    name: str | None
    roles: list[str]
    erased: bool
    matches: list[TreeEdge] = field(default_factory=list)
    meetings: list[TreeEdge] = field(default_factory=list)
    doors: list[TreeEdge] = field(default_factory=list)


@dataclass(frozen=True)
class Tree:
    """The participant at the root and everyone in their relay tree."""

    root: TreePerson
    members: list[TreePerson]


def _edges(rows: list[dict[str, Any]], *, source: str) -> list[TreeEdge]:
    return [
        TreeEdge(
            generation=int(r.get("generation") or 1),
            at=r.get("at"),
            source=r.get("from_id") or source,
            status=r.get("status"),
        )
        for r in rows
    ]


def _person(row: dict[str, Any], *, root_id: str) -> TreePerson:
    return TreePerson(
        id=row["id"],
        name=row.get("name"),
        roles=list(row.get("roles") or []),
        erased=bool(row.get("erased")),
        matches=_edges(row.get("matches") or [], source=root_id),
        meetings=_edges(row.get("meetings") or [], source=root_id),
        doors=_edges(row.get("doors") or [], source=root_id),
    )


def participant_tree(graph: Graph, *, participant_id: str) -> Tree | None:
    """The relay tree of one participant; None when there is no such participant."""
    rows = graph.read(Q.participant_network, participant_id=participant_id)
    if not rows:
        return None
    row = native(rows[0])
    root = _person(row["root"], root_id=participant_id)
    members = [_person(m, root_id=participant_id) for m in row["members"]]
    return Tree(root=root, members=members)
