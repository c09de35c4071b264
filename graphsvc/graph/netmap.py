"""The network map repository: one named query turns the filtered programme into a `NetworkMap`."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from graphsvc.graph.convert import date_from_text, instant_from_text
from graphsvc.graph.db import Graph, Row, Tx
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
    """People passing the filters (`limit` at most) and the connections between them.

    The query returns plain values only (times as text), so its rows are read as they come."""

    def work(tx: Tx) -> list[Row]:
        return tx.run_plain(
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

    rows = graph.read_transaction(work)
    nodes = [_node(row["person"]) for row in rows]
    edges = [_edge(row["person"]["id"], link) for row in rows for link in row["links"]]
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
        joined=date_from_text(person.get("joined")),
    )


def _edge(source: str, link: dict[str, Any]) -> MapEdge:
    return MapEdge(
        source=source,
        target=link["target"],
        type=link["type"],
        at=instant_from_text(link["at"]),
        generation=link["generation"],
    )
