"""The whole-programme network map page for staff.

Python only embeds the data: the `NetworkMap` model unchanged (the page's JSON twin), the month
of every person and connection on the programme's clock, the style table and the labels. Search,
filters, the time slider, k-hop focus, grouping and export run in the page's own script
(`templates/map.js`) on vis-network, so a filter change never goes back to the server.
"""

from __future__ import annotations

from typing import Any, Final

from graphsvc.models.netmap import NetworkMap
from viz import page, style
from viz.clock import month_key, programme_date
from viz.i18n import labels

# Above this many visible people the map groups them (by municipality unless staff choose
# industry), because vis-network stops being responsive with many thousand free nodes.
CLUSTER_ABOVE: Final = 3000


def render_map(graph: NetworkMap, *, lang: str = "sv", standalone: bool = True) -> str:
    """The map for `graph`, labelled in `lang`.

    Standalone (the default), it is a whole HTML document with vis-network inlined. With
    `standalone=False` it is the `<main>` piece for a page that already loads vis-network and
    its stylesheet (see `viz.assets`) and allows the map's inline script.
    """
    t = labels(lang)
    return page.render(
        "map.html.j2",
        script="map.js",
        standalone=standalone,
        lang=lang,
        t=t,
        title=t["map_title"],
        style=style.for_script(),
        data=page.script_json(map_data(graph, t)),
    )


def map_data(graph: NetworkMap, t: dict[str, str]) -> dict[str, Any]:
    """Everything the map's script reads, with months as indexes into one sorted list."""
    node_months = [month_key(n.joined) if n.joined else None for n in graph.nodes]
    edge_months = [month_key(programme_date(e.at)) if e.at else None for e in graph.edges]
    months = sorted({m for m in (*node_months, *edge_months) if m is not None})
    index = {month: i for i, month in enumerate(months)}
    return {
        "graph": graph.model_dump(mode="json"),
        "months": months,
        "node_month": [index[m] if m else None for m in node_months],
        "edge_month": [index[m] if m else None for m in edge_months],
        "style": style.for_script(),
        "i18n": t,
        "cluster_above": CLUSTER_ABOVE,
    }
