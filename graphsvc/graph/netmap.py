"""The network map repository: one named query turns the filtered programme into a `NetworkMap`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.models.netmap import MapEdge, MapNode, NetworkMap

Q = queries.viz

# An erased person keeps their node so that counts stay true, but has no name left to show.
ANONYMOUS = "anonym"


def map_graph(
    graph: Graph,
    *,
    language: str | None,
    place: str | None,
    industry: str | None,
    field: str | None,
    from_date: date | None,
    to_date: date | None,
    from_at: datetime | None,
    to_before: datetime | None,
    limit: int,
) -> NetworkMap:
    """People passing the filters (`limit` at most) and the connections between them."""
    rows = graph.read(
        Q.map_graph,
        language=language,
        place=place,
        industry=industry,
        field=field,
        from_date=from_date,
        to_date=to_date,
        from_at=from_at,
        to_before=to_before,
        limit=limit,
    )
    nodes = [_node(native(row["person"])) for row in rows]
    edges = [
        MapEdge(source=row["person"]["id"], **native(link)) for row in rows for link in row["links"]
    ]
    truncated = bool(rows and rows[0]["truncated"])
    return NetworkMap(nodes=nodes, edges=edges, truncated=truncated)


def _node(person: dict[str, Any]) -> MapNode:
    return MapNode(
        id=person["id"],
        label=person.get("name") or ANONYMOUS,
        roles=person["roles"],
        municipality=person.get("municipality"),
        county=person.get("county"),
        industries=person["industries"],
        languages=person["languages"],
        fields=person["fields"],
        active=bool(person.get("active", True)),
        joined=person.get("joined"),
    )
