"""First draw of the staff pages in headless Chromium, against pyvis's defaults for the same graph.

"First draw" is the time from navigation start to vis-network's first `afterDrawing` event: an
init script wraps `vis.Network` as the library defines it, so the same hook times the service's
pages and the pyvis page alike. The relay page draws a participant with a 512-person relay tree
(nine generations, two doors a meeting), imported through the CSV importer for the purpose; the
map draws the programme's first 5 000 people (its default limit).
"""

from __future__ import annotations

import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.measure_http import server
from bench.programme import UNTIL
from bench.timing import Figure, Summary
from graphsvc.clock import STOCKHOLM
from graphsvc.graph.db import Graph
from graphsvc.importing.formats import cell
from graphsvc.importing.rows import RawRow
from graphsvc.importing.service import import_rows
from graphsvc.seed import demo
from graphsvc.services import tokens

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
LEVELS = 9  # 1 + 2 + ... + 256 = 511 door-openers
HOOK = """(() => {
  let real;
  const wrap = (N) => { if (!N || N.__bench) return N;
    function Timed(c, d, o) { const n = new N(c, d, o);
      n.once('afterDrawing', () => {
        if (window.__firstDraw === undefined) window.__firstDraw = performance.now(); });
      return n; }
    Timed.prototype = N.prototype; Timed.__bench = true; return Timed; };
  Object.defineProperty(window, 'vis', { configurable: true, get() { return real; }, set(v) {
    real = v; if (!v || typeof v !== 'object') return; let N = wrap(v.Network);
    Object.defineProperty(v, 'Network', { configurable: true, enumerable: true,
      get() { return N; }, set(x) { N = wrap(x); } }); } });
})();"""


def relay_tree(graph: Graph) -> str:
    """Imports a participant whose relay tree holds 511 door-openers; returns their id."""
    base = datetime(UNTIL.year - 1, 1, 7, 10, tzinfo=STOCKHOLM)
    bodies: list[dict[str, Any]] = [
        {
            "id": "bench_tree_root",
            "roles": "participant",
            "foreign_background": "true",
            "residence_permit": "true",
            "languages": "ar;sv",
            "education_level": "bachelor",
            "home_place": "1480",
        }
    ]
    bodies += [
        {
            "id": f"bench_tree_{n}",
            "roles": "door_opener",
            "established_in_sweden": "true",
            "work_years": "10",
            "languages": "sv",
            "education_level": "master",
            "home_place": "1480",
        }
        for n in range(1, 2**LEVELS)
    ]
    for b in bodies:
        b.update(name=f"Träd {b['id'][11:]}", email=f"{b['id']}@bench.example.org", consent="true")
    rows: dict[str, list[dict[str, str]]] = {"matches": [], "meetings": [], "doors": []}
    for n in range(1, 2**LEVELS):  # door-opener n meets the root; its doors lead to 2n, 2n+1
        generation = n.bit_length()
        at = base + timedelta(days=7 * generation, minutes=n)
        opened_by_parent = n > 1
        rows["matches"].append(
            {
                "id": f"bench_m_{n}",
                "participant": "bench_tree_root",
                "door_opener": f"bench_tree_{n}",
                "status": "met",
                "generation": str(generation),
                "created_at": cell(at),
            }
        )
        rows["meetings"].append(
            {
                "id": f"bench_mt_{n}",
                "match_id": f"bench_m_{n}",
                "held_at": cell(at + timedelta(days=3)),
                "mode": "digital",
            }
        )
        if opened_by_parent:
            rows["doors"].append(
                {
                    "id": f"bench_d_{n}",
                    "meeting_id": f"bench_mt_{n // 2}",
                    "opened_by": "door_opener",
                    "contact": f"bench_tree_{n}",
                    "at": cell(at),
                    "match_id": f"bench_m_{n}",
                }
            )
    at = demo.import_clock(UNTIL)
    import_rows(graph, "people", [RawRow(i + 2, b) for i, b in enumerate(bodies)], at=at)
    for kind in ("matches", "meetings", "doors"):
        raws = [RawRow(i + 2, r) for i, r in enumerate(rows[kind])]
        import_rows(graph, kind, raws, at=at)
    return "bench_tree_root"


def pyvis_page(data: dict[str, Any], folder: Path) -> Path:
    """The same nodes and edges as a pyvis page with pyvis's default options."""
    from pyvis.network import Network

    net = Network(cdn_resources="in_line")
    for node in data["nodes"]:
        net.add_node(node["id"], label=node.get("label", node["id"]))
    known = {node["id"] for node in data["nodes"]}
    for edge in data["edges"]:
        if edge["source"] in known and edge["target"] in known:
            net.add_edge(edge["source"], edge["target"])
    path = folder / "pyvis.html"
    path.write_text(net.generate_html(), encoding="utf-8")
    return path


def first_draw(
    browser: Any, url: str, *, login: tuple[str, str] | None, repeats: int, limit: float = 120
) -> Summary:
    """Seconds from navigation start to the first draw, `repeats` fresh page loads; raises
    `TimeoutError` when a load has not drawn within `limit` seconds."""
    runs = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.add_init_script(HOOK)
    page = context.new_page()
    if login is not None:
        base, token = login
        page.goto(f"{base}/ui/login?next=/ui/")
        page.fill("#token", token)
        page.click("form.login button")
        page.wait_for_load_state()
    for _ in range(repeats):
        page.goto(url, wait_until="commit", timeout=120_000)  # pyvis lays out before "load"
        drawn = None
        deadline = time.monotonic() + limit
        while drawn is None and time.monotonic() < deadline:  # the pages' CSP forbids the
            page.wait_for_timeout(20)  # eval behind wait_for_function, so poll from here
            drawn = page.evaluate("() => window.__firstDraw")
        if drawn is None:
            context.close()
            raise TimeoutError(f"{url} did not draw within {limit:.0f} s")
        runs.append(drawn / 1000)
    context.close()
    return Summary(runs)


def measure_pages(
    graph: Graph,
    credentials: tuple[str, str, str],
    *,
    size: int,
    repeats: int,
    baseline_limit: float = 60,
    with_map: bool = True,
) -> list[Figure]:
    """The relay page (512 people) and the map (5 000 people), each against pyvis defaults."""
    from playwright.sync_api import sync_playwright

    root = relay_tree(graph)
    token = tokens.create_token(graph, role="staff", name="bench pages")
    figures = []
    folder = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    with server(*credentials, workers=1) as served, sync_playwright() as pw:
        base = served.base
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        auth = {"Authorization": f"Bearer {token}"}
        pages = [("relay page", f"/ui/participants/{root}", f"/ui/participants/{root}.json", 500)]
        if with_map:
            pages.append(("network map", "/ui/", "/ui/map.json", 5000))
        for name, page, twin, goal_nodes in pages:
            data = httpx.get(base + twin, headers=auth, timeout=120).json()
            ours = first_draw(browser, base + page, login=(base, token), repeats=repeats)
            note = f"programme of {size:,}; navigation start to first afterDrawing"
            theirs: Summary | None = None
            try:
                theirs = first_draw(
                    browser,
                    pyvis_page(data, folder).as_uri(),
                    login=None,
                    repeats=repeats,
                    limit=baseline_limit,
                )
            except TimeoutError:
                note += f"; pyvis defaults had not drawn after {baseline_limit:.0f} s"
            nodes = len(data["nodes"])
            figures.append(
                Figure(
                    measure=f"{name} first draw, headless Chromium",
                    size=f"{nodes:,} nodes",
                    unit="s",
                    median=round(ours.median, 2),
                    p99=round(ours.p99, 2),
                    goal="<= 2 s",
                    met=ours.median <= 2 and nodes >= goal_nodes,
                    baseline="pyvis defaults",
                    baseline_median=round(theirs.median, 2) if theirs else None,
                    baseline_p99=round(theirs.p99, 2) if theirs else None,
                    runs=repeats,
                    baseline_runs=repeats if theirs else 0,
                    note=note,
                )
            )
        browser.close()
    (folder / "pyvis.html").unlink(missing_ok=True)
    return figures
