"""One participant's relay spread as a self-contained HTML page.

A pure function of the `Network` model (the contract's `/participants/{id}/network` answer): the
page embeds that model unchanged as its JSON twin, next to the vis-network nodes and edges made
from it, so a test can check that the picture shows exactly the data.
"""

from __future__ import annotations

from typing import Any, Final

from graphsvc.models.network import Network, NetworkEdge, NetworkNode
from viz import page, style
from viz.clock import day_label
from viz.i18n import labels
from viz.layout import LEVEL_SEPARATION, NODE_SPACING, level_positions

# Above this many people the browser's hierarchical layout gets slow; Python places them instead.
PHYSICS_OFF_ABOVE: Final = 300

_ROOT_BORDER: Final = "#0b1a2e"


def render_spread(
    network: Network, *, lang: str = "sv", viewer: bool = False, standalone: bool = True
) -> str:
    """The spread page for `network`, labelled in `lang` ("sv" or "en").

    With `viewer=True` the caller has already shortened names to initials; the page shows what it
    is given and says so. Standalone (the default) it is a whole HTML document with vis-network
    inlined; with `standalone=False` it is the `<main>` piece for a service page that loads
    vis-network itself and allows the spread's inline script (see `viz.netmap.render_map`).
    """
    t = labels(lang)
    large = len(network.nodes) > PHYSICS_OFF_ABOVE
    positions = level_positions(network) if large else {}
    data = {
        "network": network.model_dump(mode="json"),
        "nodes": [_vis_node(node, t, positions.get(node.id)) for node in network.nodes],
        "edges": [_vis_edge(i, edge, t, bend=not large) for i, edge in enumerate(network.edges)],
        "options": spread_options(large=large),
        "generation_label": t["generation"],
    }
    root = next((n for n in network.nodes if n.id == network.participant_id), None)
    root_label = root.label if root else network.participant_id
    return page.render(
        "spread.html.j2",
        script="spread.js",
        standalone=standalone,
        lang=lang,
        t=t,
        title=f"{t['spread_title']} – {root_label}",
        root_label=root_label,
        reach=network.reach,
        viewer=viewer,
        style=style.for_script(),
        data=page.script_json(data),
    )


def spread_options(*, large: bool) -> dict[str, Any]:
    """vis-network options: its hierarchical layout for small trees, fixed positions for large."""
    common: dict[str, Any] = {
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "nodes": {
            "font": {"size": 14, "color": "#1f2933", "strokeWidth": 3, "strokeColor": "#fff"}
        },
        "edges": {
            "font": {"size": 11, "align": "middle", "color": "#334e68", "strokeWidth": 3},
            "selectionWidth": 1.5,
        },
    }
    if large:
        layout: dict[str, Any] = {"hierarchical": {"enabled": False}, "improvedLayout": False}
        common["edges"]["smooth"] = False
    else:
        layout = {
            "hierarchical": {
                "enabled": True,
                "direction": "UD",
                "levelSeparation": LEVEL_SEPARATION,
                "nodeSpacing": NODE_SPACING,
                "treeSpacing": NODE_SPACING * 1.5,
                "parentCentralization": True,
            }
        }
        common["edges"]["smooth"] = {
            "type": "cubicBezier",
            "forceDirection": "vertical",
            "roundness": 0.4,
        }
    return {**common, "layout": layout, "physics": {"enabled": False}}


def _vis_node(
    node: NetworkNode, t: dict[str, str], xy: tuple[float, float] | None
) -> dict[str, Any]:
    role = style.role_key(node.roles)
    colour = style.STATUS_COLOURS[node.status]
    is_root = node.status == "root"
    vis: dict[str, Any] = {
        "id": node.id,
        "label": node.label,
        "level": node.generation,
        "shape": style.ROLE_SHAPES[role],
        "size": 22 if is_root else 14,
        "borderWidth": 4 if is_root else 1.5,
        "color": {
            "background": colour,
            "border": _ROOT_BORDER if is_root else "#52606d",
            "highlight": {"background": colour, "border": "#000"},
            "hover": {"background": colour, "border": "#000"},
        },
        # Plain text: vis-network 9 shows a string title with innerText, never as HTML.
        "title": "\n".join(
            [
                node.label,
                t[f"role_{role}"],
                f"{t['generation']} {node.generation}",
                t[f"status_{node.status}"],
            ]
        ),
    }
    if is_root:
        # Above the root, where no edge runs: every edge leaves the root downwards.
        vis["font"] = {"size": 16, "vadjust": -74}
    if xy is not None:
        vis["x"], vis["y"] = xy
        vis["fixed"] = True
    return vis


def _vis_edge(index: int, edge: NetworkEdge, t: dict[str, str], *, bend: bool) -> dict[str, Any]:
    look = style.EDGE_STYLES[edge.type]
    day = day_label(edge.at)
    vis: dict[str, Any] = {
        "id": f"e{index}",
        "from": edge.source,
        "to": edge.target,
        "type": edge.type,
        "color": {"color": look["color"], "highlight": look["color"], "hover": look["color"]},
        "dashes": look["dashes"],
        "width": look["width"],
        "arrows": look["arrows"],
        "title": " · ".join(
            part
            for part in (t[f"edge_{edge.type}"], day, f"{t['generation']} {edge.generation}")
            if part
        ),
    }
    if day is not None:
        vis["label"] = day
    if bend and edge.type == "MATCHED":
        # A match and its meeting join the same two people; bend the match so both stay visible.
        vis["smooth"] = {"type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.85}
    return vis
