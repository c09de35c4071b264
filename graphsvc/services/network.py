"""A participant's relay tree and its reach, as the contract defines them.

`get_network` is what the API, the CLI and the visualiser pages call. The tree is read in one
query (`cypher/relay/participant_network.cypher`); `build_network` turns it into the contract's
nodes, edges and reach as a pure function:

- `met`: distinct people the participant has met;
- `introduced`: distinct people a door was opened to for the participant;
- `total`: distinct people in the tree besides the participant (matched, met or introduced);
- `depth`: the highest generation among the participant's meetings (0 before the first).

A node's generation is the lowest generation of the edges that brought the person in; its
status is `met` over `introduced` over `proposed` (only matched so far).
"""

from __future__ import annotations

from datetime import datetime

from graphsvc.errors import NotFound
from graphsvc.graph.db import Graph
from graphsvc.graph.network import Tree, TreeEdge, TreePerson, participant_tree
from graphsvc.models.network import (
    EdgeType,
    Network,
    NetworkEdge,
    NetworkNode,
    NodeStatus,
    Reach,
)
from graphsvc.models.token import Principal
from graphsvc.privacy import initials, sees_contact_details

ERASED_LABEL = "anonym"
"""The label of an erased member: they stay in the tree (reach stays true) without a name."""
_EDGE_ORDER: dict[EdgeType, int] = {"MATCHED": 0, "MET": 1, "OPENED_DOOR": 2}


def get_network(graph: Graph, participant_id: str, principal: Principal) -> Network:
    """The participant's relay tree as `principal` may see it (viewers get initials).

    Raises `NotFound` when there is no participant with this id.
    """
    tree = participant_tree(graph, participant_id=participant_id)
    if tree is None:
        raise NotFound(f"no participant with id {participant_id!r}")
    return build_network(tree, full_names=sees_contact_details(principal))


def label_for(person: TreePerson, *, full_names: bool) -> str:
    """The name, or initials for a viewer; erased members are anonymous to everyone."""
    if person.erased or not person.name:
        return ERASED_LABEL
    return person.name if full_names else initials(person.name) or ERASED_LABEL


def _status(member: TreePerson) -> NodeStatus:
    if member.meetings:
        return "met"
    if member.doors:
        return "introduced"
    return "proposed"


def _generation(member: TreePerson) -> int:
    found = [e.generation for e in (*member.matches, *member.meetings, *member.doors)]
    return min(found, default=1)


def build_network(tree: Tree, *, full_names: bool) -> Network:
    """The contract's network from a tree read by the repository; no database involved."""
    root = tree.root
    nodes = [
        NetworkNode(
            id=root.id,
            label=label_for(root, full_names=full_names),
            roles=root.roles,
            generation=0,
            status="root",
        )
    ]
    members = sorted(tree.members, key=lambda m: (_generation(m), m.id))
    nodes += [
        NetworkNode(
            id=m.id,
            label=label_for(m, full_names=full_names),
            roles=m.roles,
            generation=_generation(m),
            status=_status(m),
        )
        for m in members
    ]
    known = {n.id for n in nodes}
    edges: list[NetworkEdge] = []
    for m in members:
        kinds: tuple[tuple[EdgeType, list[TreeEdge]], ...] = (
            ("MATCHED", m.matches),
            ("MET", m.meetings),
            ("OPENED_DOOR", m.doors),
        )
        edges += [
            NetworkEdge(source=e.source, target=m.id, type=kind, at=e.at, generation=e.generation)
            for kind, found in kinds
            for e in found
            if e.source in known
        ]
    edges.sort(key=_edge_key)
    reach = Reach(
        met=sum(1 for m in members if m.meetings),
        introduced=sum(1 for m in members if m.doors),
        total=len(members),
        depth=max((e.generation for m in members for e in m.meetings), default=0),
    )
    return Network(participant_id=root.id, nodes=nodes, edges=edges, reach=reach)


def _edge_key(edge: NetworkEdge) -> tuple[int, datetime, int, str, str]:
    at = edge.at or datetime.min.replace(tzinfo=None)
    return (edge.generation, _naive_utc(at), _EDGE_ORDER[edge.type], edge.source, edge.target)


def _naive_utc(at: datetime) -> datetime:
    """Comparable instants: aware times to naive UTC (edges without a time sort first)."""
    offset = at.utcoffset()
    return at.replace(tzinfo=None) - offset if offset is not None else at
