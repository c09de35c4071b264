"""The visualiser's pages, checked against their JSON twins — pure: no database, no browser.

Each page embeds the model it was drawn from; these tests build a model with small factories,
render it and check that the embedded data, the drawing instructions and the model agree.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from graphsvc.models.netmap import MapEdge, MapNode, NetworkMap
from graphsvc.models.network import EdgeType, Network, NetworkEdge, NetworkNode, NodeStatus, Reach
from viz import assets
from viz.layout import LEVEL_SEPARATION
from viz.netmap import render_map
from viz.spread import PHYSICS_OFF_ABOVE, render_spread

HOSTILE_NAMES = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']


# ---- factories ----------------------------------------------------------------------------


def person(
    node_id: str, label: str, generation: int, status: NodeStatus = "proposed"
) -> NetworkNode:
    """A door-opener in a relay tree (the root is made by `make_network`)."""
    return NetworkNode(
        id=node_id, label=label, roles=["door_opener"], generation=generation, status=status
    )


def link(
    source: str, target: str, kind: EdgeType, generation: int, at: datetime | None
) -> NetworkEdge:
    """A match, meeting or opened door in a relay tree."""
    return NetworkEdge(source=source, target=target, type=kind, at=at, generation=generation)


def make_network(generations: int = 3, *, root_label: str = "Amina Yusuf") -> Network:
    """A relay tree: one met door-opener at generation 1, then two doors per met person."""
    root = NetworkNode(
        id="p0", label=root_label, roles=["participant"], generation=0, status="root"
    )
    nodes = [root, person("d1", "Karin L", 1, "met")]
    edges = [link("p0", "d1", "MATCHED", 1, _at(1, 10)), link("p0", "d1", "MET", 1, _at(1, 20))]
    frontier = ["d1"]
    for generation in range(2, generations + 1):
        next_frontier = []
        for parent in frontier:
            for branch in ("a", "b"):
                child = f"{parent}{branch}"
                was_met = branch == "a" and generation < generations
                nodes.append(
                    person(child, f"Person {child}", generation, "met" if was_met else "introduced")
                )
                edges.append(link(parent, child, "OPENED_DOOR", generation, None))
                edges.append(link("p0", child, "MATCHED", generation, _at(2, 1)))
                if was_met:
                    edges.append(link("p0", child, "MET", generation, _at(2, 9)))
                next_frontier.append(child)
        frontier = next_frontier
    met = sum(1 for n in nodes if n.status == "met")
    reach = Reach(met=met, introduced=len(nodes) - 2, total=len(nodes) - 1, depth=generations)
    return Network(participant_id="p0", nodes=nodes, edges=edges, reach=reach)


def make_wide_network(size: int) -> Network:
    """A spread of `size` people: a fan of contacts per generation, enough to pass any limit."""
    network = make_network(2)
    nodes, edges = list(network.nodes), list(network.edges)
    for index in range(size - len(nodes)):
        generation = 2 + index % 4
        nodes.append(person(f"w{index}", f"W {index}", generation))
        edges.append(link("d1", f"w{index}", "OPENED_DOOR", generation, None))
    return network.model_copy(update={"nodes": nodes, "edges": edges})


def make_map(size: int = 12, *, first_label: str = "Ali Haddad") -> NetworkMap:
    """People over three months, with matches, meetings and opened doors between them."""
    nodes = [
        MapNode(
            id=f"n{i}",
            label=first_label if i == 0 else f"Person {i}",
            roles=["participant"] if i % 3 == 0 else ["door_opener"],
            municipality=["1480", "0180", "1280"][i % 3],
            county=["14", "01", "12"][i % 3],
            industries=[["Q"], ["J", "F"], []][i % 3],
            languages=["sv", "ar"],
            fields=["0913"],
            active=i % 5 != 4,
            joined=date(2025, 1 + i % 3, 1) if i % 4 else None,
        )
        for i in range(size)
    ]
    edges = [
        MapEdge(source=f"n{i}", target=f"n{i + 1}", type=kind, at=_at(1 + i % 3, 5), generation=1)
        for i, kind in zip(range(size - 1), ["MATCHED", "MET", "OPENED_DOOR"] * size, strict=False)
    ]
    edges.append(MapEdge(source="n0", target="n2", type="MATCHED", at=None, generation=2))
    return NetworkMap(nodes=nodes, edges=edges)


def _at(month: int, day: int) -> datetime:
    return datetime(2025, month, day, 9, 0, tzinfo=UTC)


# ---- helpers -------------------------------------------------------------------------------


def embedded(html: str, block_id: str) -> Any:
    """The JSON data block of a page, read as the page's script reads it."""
    match = re.search(
        rf'<script type="application/json" id="{block_id}">(.*?)</script>', html, re.DOTALL
    )
    assert match, f"no data block {block_id}"
    assert "<" not in match.group(1), "a data block must not contain a raw '<'"
    return json.loads(match.group(1))


def script_escaped(text: str) -> str:
    """How a string appears inside a data block: JSON with <, >, & as \\u escapes."""
    dumped = json.dumps(text, ensure_ascii=False)
    return dumped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


OUTSIDE_REFERENCE = re.compile(
    r"""(?:\b(?:src|href|action)\s*=\s*["']?\s*|@import\s+["']?|url\(\s*["']?)(?:https?:)?//""",
    re.IGNORECASE,
)


# ---- the spread ------------------------------------------------------------------------------


def test_spread_embeds_the_network_unchanged_with_one_vis_item_per_person_and_connection() -> None:
    network = make_network(3)
    data = embedded(render_spread(network), "viz-data")

    assert Network.model_validate(data["network"]) == network
    assert [n["id"] for n in data["nodes"]] == [n.id for n in network.nodes]
    assert [n["label"] for n in data["nodes"]] == [n.label for n in network.nodes]
    assert len(data["edges"]) == len(network.edges)
    assert [(e["from"], e["to"], e["type"]) for e in data["edges"]] == [
        (e.source, e.target, e.type) for e in network.edges
    ]


def test_spread_shows_the_reach_figures_above_the_picture() -> None:
    network = make_network(3)
    html = render_spread(network)

    for figure in ("met", "introduced", "total", "depth"):
        value = getattr(network.reach, figure)
        assert f'<dd id="reach-{figure}">{value}</dd>' in html
    assert html.index('id="reach-met"') < html.index('id="viz-canvas"')


def test_hierarchical_levels_equal_generations_and_run_top_down() -> None:
    network = make_network(3)
    data = embedded(render_spread(network), "viz-data")

    levels = {n["id"]: n["level"] for n in data["nodes"]}
    assert levels == {n.id: n.generation for n in network.nodes}
    hierarchical = data["options"]["layout"]["hierarchical"]
    assert hierarchical["enabled"] is True
    assert hierarchical["direction"] == "UD"
    assert not any("x" in n for n in data["nodes"]), "a small tree is left to the layout"


def test_more_than_300_people_turns_physics_off_and_places_everyone_by_generation() -> None:
    network = make_wide_network(PHYSICS_OFF_ABOVE + 20)
    data = embedded(render_spread(network), "viz-data")

    assert len(data["nodes"]) == len(network.nodes) > PHYSICS_OFF_ABOVE
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["hierarchical"]["enabled"] is False
    generation = {n.id: n.generation for n in network.nodes}
    band: dict[int, list[float]] = {}
    places = set()
    for node in data["nodes"]:
        assert isinstance(node["x"], int | float) and isinstance(node["y"], int | float)
        assert node["level"] == generation[node["id"]]
        band.setdefault(node["level"], []).append(node["y"])
        places.add((node["x"], node["y"]))
    assert len(places) == len(network.nodes), "no two people share a place"
    levels = sorted(band)
    for upper, lower in itertools.pairwise(levels):
        assert max(band[upper]) + LEVEL_SEPARATION <= min(band[lower]), "a band per generation"


def test_a_wide_generation_wraps_so_the_picture_is_not_a_line() -> None:
    network = make_network(9)  # 256 people in the last generation
    nodes = embedded(render_spread(network), "viz-data")["nodes"]

    xs, ys = [n["x"] for n in nodes], [n["y"] for n in nodes]
    width, height = max(xs) - min(xs), max(ys) - min(ys)
    assert len(nodes) > PHYSICS_OFF_ABOVE
    assert 0.5 < width / height < 2


def test_edges_are_styled_by_type_and_labelled_with_the_stockholm_date() -> None:
    network = make_network(2)
    late = datetime(2025, 3, 31, 23, 30, tzinfo=UTC)  # already 1 April in Stockholm
    network.edges[1] = network.edges[1].model_copy(update={"at": late})
    edges = embedded(render_spread(network), "viz-data")["edges"]

    assert edges[0]["label"] == "2025-01-10"
    assert edges[1]["label"] == "2025-04-01"
    by_type = {e["type"]: e for e in edges}
    assert by_type["MATCHED"]["dashes"] is True
    assert by_type["MET"]["dashes"] is False
    assert by_type["OPENED_DOOR"]["arrows"] == "to"
    assert "label" not in by_type["OPENED_DOOR"], "a door without a time has no date label"


def test_spread_speaks_swedish_by_default_and_english_on_request() -> None:
    network = make_network(3)
    swedish, english = render_spread(network), render_spread(network, lang="en")

    for word in ("Träffade", "Introducerad", "Föreslagen", "Deltagare", "Dörröppnare", "Räckvidd"):
        assert word in swedish
        assert word not in english
    for word in ("Met", "Introduced", "Proposed", "Participant", "Door-opener", "Reach"):
        assert word in english
    assert "Generation" in swedish and "Generation" in english
    assert '<html lang="sv">' in swedish and '<html lang="en">' in english


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unsupported language"):
        render_spread(make_network(1), lang="de")


def test_viewer_page_shows_the_names_it_is_given_and_says_they_are_initials() -> None:
    network = make_network(2, root_label="A. Y.")
    html = render_spread(network, viewer=True)

    assert "Namnen visas som initialer." in html
    assert embedded(html, "viz-data")["nodes"][0]["label"] == "A. Y."


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_stay_text_in_the_spread(name: str) -> None:
    network = make_network(2, root_label=name)
    html = render_spread(network)

    assert name not in html
    assert "<img src=x" not in html
    assert script_escaped(name)[1:-1] in html
    data = embedded(html, "viz-data")
    assert data["network"]["nodes"][0]["label"] == name
    assert data["nodes"][0]["label"] == name
    heading = re.search(r'<span class="name">(.*?)</span>', html)
    assert heading and "<" not in heading.group(1) and ">" not in heading.group(1)


# ---- the map ---------------------------------------------------------------------------------


def test_map_embeds_the_network_map_unchanged_with_months_on_the_programme_clock() -> None:
    graph = make_map(12)
    data = embedded(render_map(graph), "map-data")

    assert NetworkMap.model_validate(data["graph"]) == graph
    assert len(data["graph"]["nodes"]) == len(graph.nodes)
    assert len(data["graph"]["edges"]) == len(graph.edges)
    assert data["months"] == ["2025-01", "2025-02", "2025-03"]
    months = data["months"]
    for node, index in zip(graph.nodes, data["node_month"], strict=True):
        assert (months[index] if index is not None else None) == (
            node.joined.strftime("%Y-%m") if node.joined else None
        )
    assert data["edge_month"][-1] is None, "a connection without a time is always shown"


def test_map_month_of_a_late_night_meeting_is_the_stockholm_month() -> None:
    graph = make_map(3)
    late = datetime(2025, 3, 31, 22, 30, tzinfo=UTC)  # 00:30 on 1 April in Stockholm
    graph.edges[0] = graph.edges[0].model_copy(update={"at": late})
    data = embedded(render_map(graph), "map-data")

    assert data["months"][data["edge_month"][0]] == "2025-04"


def test_map_page_has_the_controls_its_script_drives() -> None:
    html = render_map(make_map())
    controls = ("map-search", "f-role", "f-active", "t-month", "t-play", "k-hops", "cluster-by")
    for control in controls:
        assert f'id="{control}"' in html
    for export in ("x-png", "x-people", "x-connections"):
        assert f'id="{export}"' in html
    assert 'select data-filter="municipality"' in html


def test_map_speaks_swedish_by_default_and_english_on_request() -> None:
    swedish, english = render_map(make_map()), render_map(make_map(), lang="en")

    assert "Nätverkskarta" in swedish and "Sök namn" in swedish and "Dörröppnare" in swedish
    assert "Network map" in english and "Search name" in english and "Door-opener" in english
    assert "Nätverkskarta" not in english
    assert embedded(english, "map-data")["i18n"]["play"] == "Play"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_stay_text_on_the_map(name: str) -> None:
    html = render_map(make_map(first_label=name))

    assert name not in html
    assert "<img src=x" not in html
    assert script_escaped(name)[1:-1] in html
    assert embedded(html, "map-data")["graph"]["nodes"][0]["label"] == name


def test_map_fragment_leaves_document_and_library_to_the_host_page() -> None:
    html = render_map(make_map(), standalone=False)

    assert "<html" not in html
    assert assets.vis_network_js()[:300] not in html
    assert embedded(html, "map-data")["graph"]["nodes"][0]["id"] == "n0"


def test_netmap_edges_accept_only_the_programmes_edge_types() -> None:
    with pytest.raises(ValueError):
        MapEdge.model_validate({"source": "a", "target": "b", "type": "KNOWS", "generation": 1})


# ---- both pages: offline and locked down -------------------------------------------------


PAGES: dict[str, Callable[[], str]] = {
    "spread": lambda: render_spread(make_network(3)),
    "map": lambda: render_map(make_map()),
}


def test_outside_reference_detector_catches_what_pyvis_default_template_loads() -> None:
    assert OUTSIDE_REFERENCE.search('<link href="https://cdn.jsdelivr.net/npm/b.css">')
    assert OUTSIDE_REFERENCE.search("<script src='//cdnjs.cloudflare.com/vis.js'>")
    assert OUTSIDE_REFERENCE.search("background: url( http://example.org/x.png)")
    assert not OUTSIDE_REFERENCE.search('url("data:image/png;base64,AAAA")')


@pytest.mark.parametrize("kind", PAGES)
def test_pages_reference_no_outside_host(kind: str) -> None:
    html = PAGES[kind]()

    assert not OUTSIDE_REFERENCE.search(html)
    assert "<link" not in html
    assert not re.search(r"<script[^>]*\bsrc=", html)
    assert assets.vis_network_js() in html, "vis-network is inlined from pyvis' files"


@pytest.mark.parametrize("kind", PAGES)
def test_page_csp_allows_exactly_its_inline_scripts_and_no_network(kind: str) -> None:
    html = PAGES[kind]()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html)
    assert csp
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_vis_network_js_is_the_pyvis_build_and_safe_to_inline() -> None:
    text = assets.vis_network_js()

    assert "vis-network" in text[:200] and f"@version {assets.VIS_VERSION}" in text[:400]
    assert "</script" not in text.lower()
    assert "vis-tooltip" in assets.vis_network_css()
