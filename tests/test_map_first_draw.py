"""The map draws first and lays out after: the first picture already holds everyone (or every
group), and the same physics layout follows, after which positions are kept and physics is off.

Standalone map files (`viz.netmap.render_map`, what `graphsvc viz map` writes) in a real headless
Chromium; no database is needed to draw a given map.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from graphsvc.models.netmap import MapEdge, MapNode, NetworkMap
from tests.browser import chromium
from viz.netmap import CLUSTER_ABOVE, render_map

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

# Wraps vis.Network as the page defines it, to see each network's first draw and layout's end.
SPY = """(() => {
  let real;
  const wrap = (N) => { if (!N || N.__spied) return N;
    function Spied(c, d, o) { const n = new N(c, d, o); window.__net = n;
      n.once('afterDrawing', () => { window.__first = {
        nodes: n.body.nodeIndices.length, laidOut: Boolean(window.__laidOut) }; });
      n.on('stabilizationIterationsDone', () => { window.__laidOut = true; });
      return n; }
    Spied.prototype = N.prototype; Spied.__spied = true; return Spied; };
  Object.defineProperty(window, 'vis', { configurable: true, get() { return real; }, set(v) {
    real = v; if (!v || typeof v !== 'object') return; let N = wrap(v.Network);
    Object.defineProperty(v, 'Network', { configurable: true, enumerable: true,
      get() { return N; }, set(x) { N = wrap(x); } }); } });
})();"""
MUNICIPALITIES = ["0180", "1480", "1280", "0380", "0580", "1880", "2480", "2580"]


def programme_map(people: int) -> NetworkMap:
    """`people` people over eight municipalities, each matched with the next."""
    nodes = [
        MapNode(
            id=f"n{i}",
            label=f"Person {i}",
            roles=["participant"] if i % 2 else ["door_opener"],
            municipality=MUNICIPALITIES[i % len(MUNICIPALITIES)],
            county=None,
            industries=["Q"],
            languages=["sv"],
            fields=[],
            active=True,
            joined=date(2025, 1 + i % 6, 1),
        )
        for i in range(people)
    ]
    edges = [
        MapEdge(source=f"n{i}", target=f"n{i + 1}", type="MATCHED", at=None, generation=1)
        for i in range(0, people - 1, 2)
    ]
    return NetworkMap(nodes=nodes, edges=edges)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module."""
    with chromium() as found:
        yield found


def open_map(browser: Browser, path: Path) -> Any:
    """The page with the map file loaded, once its layout is done."""
    page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
    page.add_init_script(SPY)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    page.wait_for_function("() => window.__laidOut === true", timeout=120_000)
    assert errors == []
    return page


@pytest.mark.parametrize("people", [12, CLUSTER_ABOVE + 200])
def test_the_first_picture_holds_the_map_and_the_layout_follows(
    browser: Browser, tmp_path: Path, people: int
) -> None:
    path = tmp_path / "map.html"
    path.write_text(render_map(programme_map(people)), encoding="utf-8")
    page = open_map(browser, path)
    first = page.evaluate("() => window.__first")
    drawn_items = people if people <= CLUSTER_ABOVE else len(MUNICIPALITIES)  # grouped above
    assert first == {"nodes": drawn_items, "laidOut": False}
    assert page.evaluate("() => window.__net.physics.physicsEnabled") is False
    assert page.inner_text("#map-progress") == ""
    spots = page.evaluate("() => Object.values(window.__net.getPositions())")
    assert len(spots) == drawn_items
    assert len({(round(s["x"]), round(s["y"])) for s in spots}) == drawn_items  # none on another
    page.context.close()


def test_a_filter_after_the_layout_keeps_everyone_placed(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "map.html"
    path.write_text(render_map(programme_map(CLUSTER_ABOVE + 200)), encoding="utf-8")
    page = open_map(browser, path)
    page.select_option("#cluster-by", "")  # every person on the canvas, no groups
    everyone = CLUSTER_ABOVE + 200
    page.wait_for_function(
        f"() => window.__net.body.nodeIndices.length === {everyone} && "
        "document.getElementById('map-progress').textContent === '' && "
        "!window.__net.physics.physicsEnabled",
        timeout=180_000,
    )
    assert "Personer: 3200 av 3200" in page.inner_text("#map-counts")
    page.context.close()
