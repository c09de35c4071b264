"""The staff network map: the filtered programme as one graph, names as the caller may see them.

The page, its JSON twin and `graphsvc viz map` all come through `network_map`, so the three can
never show different people for the same filters.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from graphsvc.clock import STOCKHOLM
from graphsvc.graph import netmap as repo
from graphsvc.graph.db import Graph
from graphsvc.models.netmap import MapFilters, NetworkMap
from graphsvc.privacy import initials


def network_map(graph: Graph, filters: MapFilters, *, full_names: bool) -> NetworkMap:
    """The map for `filters`; without `full_names` (viewers) every name becomes initials."""
    found = repo.map_graph(
        graph,
        language=filters.language,
        place=filters.place,
        industry=filters.industry,
        field=filters.field,
        from_date=filters.from_date,
        to_date=filters.to_date,
        # Connections are instants; a period is whole days on the programme's (Stockholm) clock.
        from_at=_day_start(filters.from_date),
        to_before=_day_start(filters.to_date + timedelta(days=1) if filters.to_date else None),
        limit=filters.limit,
    )
    return found if full_names else shorten_names(found)


def shorten_names(found: NetworkMap) -> NetworkMap:
    """The same map with initials for names, for callers who may not see who people are."""
    nodes = [
        n if n.label == repo.ANONYMOUS else n.model_copy(update={"label": initials(n.label) or ""})
        for n in found.nodes
    ]
    return found.model_copy(update={"nodes": nodes})


def _day_start(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time.min, tzinfo=STOCKHOLM)
