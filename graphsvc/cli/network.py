"""`graphsvc network PARTICIPANT_ID`: a participant's relay tree, printed as a tree."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from graphsvc.cli.common import cli_errors, graph_session
from graphsvc.cli.meeting import OPERATOR
from graphsvc.models.network import Network, NetworkNode
from graphsvc.services.network import get_network

_STATUS_STYLE = {"root": "bold", "met": "green", "introduced": "yellow", "proposed": "dim"}


def network(
    participant_id: str = typer.Argument(..., help="The participant at the root."),
    as_json: bool = typer.Option(False, "--json", help="Print the network model as JSON."),
) -> None:
    """Prints who the participant was matched with, met and was introduced to, and the reach."""
    with graph_session() as graph, cli_errors():
        found = get_network(graph, participant_id, OPERATOR)
    if as_json:
        print(found.model_dump_json())
        return
    Console(highlight=False).print(render_tree(found))
    r = found.reach
    print(f"reach: met {r.met}, introduced {r.introduced}, total {r.total}, depth {r.depth}")


def render_tree(found: Network) -> Tree:
    """The tree as rich draws it: each person under whoever opened the door to them, else
    under the participant (matched or met directly)."""
    parent: dict[str, str] = {}
    for edge in found.edges:
        if edge.type == "OPENED_DOOR":
            parent.setdefault(edge.target, edge.source)
    nodes = {n.id: n for n in found.nodes}
    branches: dict[str, Tree] = {found.participant_id: Tree(_line(nodes[found.participant_id]))}
    pending = [n for n in found.nodes if n.id != found.participant_id]
    while pending:
        placed = [n for n in pending if parent.get(n.id, found.participant_id) in branches]
        if not placed:  # a door from outside the tree: hang the rest under the root
            placed, parent = pending, {}
        for node in placed:
            above = branches[parent.get(node.id, found.participant_id)]
            branches[node.id] = above.add(_line(node))
        pending = [n for n in pending if n.id not in branches]
    return branches[found.participant_id]


def _line(node: NetworkNode) -> str:
    style = _STATUS_STYLE[node.status]
    label, ident = escape(node.label), escape(node.id)
    return f"[{style}]{label}[/] ({ident}) · generation {node.generation} · {node.status}"
