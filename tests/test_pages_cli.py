"""`graphsvc viz participant` and `graphsvc viz map`: the pages' pictures as offline files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from graphsvc.settings import Settings
from tests.pages import OUTSIDE
from tests.relay_data import relay


def data_block(path: Path, block: str) -> Any:
    html = path.read_text(encoding="utf-8")
    assert not OUTSIDE.search(html) and "<html" in html, "a whole page that fetches nothing"
    found = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html)
    assert found
    return json.loads(found.group(1))


def test_viz_participant_writes_the_spread_with_names(
    cli: CliRunner, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    tree = relay(graph, settings)
    out = tmp_path / "spread.html"
    result = cli.invoke(app, ["viz", "participant", tree.participant.id, "-o", str(out)])

    assert result.exit_code == 0, result.output
    network = data_block(out, "viz-data")["network"]
    assert network["participant_id"] == tree.participant.id
    assert {n["label"] for n in network["nodes"]} == {p.name for p in tree.people}
    assert network["reach"] == {"met": 2, "introduced": 3, "total": 4, "depth": 2}


def test_viz_participant_with_initials_and_english(
    cli: CliRunner, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    tree = relay(graph, settings)
    out = tmp_path / "spread.html"
    args = ["viz", "participant", tree.participant.id, "-o", str(out), "--initials", "--lang", "en"]
    assert cli.invoke(app, args).exit_code == 0

    html = out.read_text(encoding="utf-8")
    assert "Amira" not in html and "Names are shown as initials." in html
    assert '<html lang="en">' in html


def test_viz_map_takes_the_pages_filters(
    cli: CliRunner, graph: Graph, settings: Settings, tmp_path: Path
) -> None:
    tree = relay(graph, settings)
    out = tmp_path / "map.html"
    args = ["viz", "map", "-o", str(out), "--place", "14", "--from", "2025-01-01"]
    result = cli.invoke(app, [*args, "--to", "2025-03-31", "--industry", "Q", "--field", "09"])

    assert result.exit_code == 0, result.output
    graph_data = data_block(out, "map-data")["graph"]
    assert {n["id"] for n in graph_data["nodes"]} == {p.id for p in tree.people[:4]}
    assert "4 people" in result.output


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--place", "Göteborg"], "place"),
        (["--from", "2025-03-01", "--to", "2025-01-01"], "after"),
        (["--limit", "0"], "limit"),
    ],
)
def test_viz_map_refuses_bad_filters_without_a_traceback(
    cli: CliRunner, tmp_path: Path, args: list[str], says: str
) -> None:
    result = cli.invoke(app, ["viz", "map", "-o", str(tmp_path / "m.html"), *args])
    assert result.exit_code != 0
    assert says in result.output and "Traceback" not in result.output
    assert not (tmp_path / "m.html").exists()


def test_viz_participant_unknown_id_is_a_clear_error(cli: CliRunner, tmp_path: Path) -> None:
    result = cli.invoke(app, ["viz", "participant", "p_nobody", "-o", str(tmp_path / "s.html")])
    assert result.exit_code == 1 and "p_nobody" in result.output
