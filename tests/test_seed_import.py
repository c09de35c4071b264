"""The demo loaded into the real Neo4j through the importer: everything written, dates kept,
loading again changes nothing, `serve --demo-if-empty` seeds only an empty database, and the
CSV files `seed --csv` writes are the same every time and import cleanly."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from graphsvc.models.person import PersonCreate
from graphsvc.seed import demo
from graphsvc.services import people
from tests import factories

UNTIL = date(2026, 6, 30)


def run(graph: Graph, query: str, **params: Any) -> list[dict[str, Any]]:
    with graph.driver.session(database=graph.database) as session:
        return [r.data() for r in session.run(query, params)]  # type: ignore[arg-type]


def test_the_demo_loads_whole_and_loading_it_again_changes_nothing(graph: Graph) -> None:
    programme = demo.build(people=200, seed=5, until=UNTIL)
    reports = demo.load(graph, programme, until=UNTIL)
    assert {k: r.written for k, r in reports.items()} == programme.counts()
    again = demo.load(graph, programme, until=UNTIL)
    assert {k: (r.written, r.skipped) for k, r in again.items()} == {
        k: (0, n) for k, n in programme.counts().items()
    }
    person = programme.people[0]
    stored = people.get_person(graph, person["id"])
    assert stored.signed_up_at is not None
    assert stored.signed_up_at.isoformat() == person["signed_up_at"]
    meeting = programme.meetings[0]
    held = run(graph, "MATCH ()-[m:MET {id: $id}]->() RETURN toString(m.held_at) AS at",
               id=meeting["id"])  # fmt: skip
    assert held[0]["at"] == meeting["held_at"]
    edges = run(graph, "MATCH ()-[r:MATCHED|MET|OPENED_DOOR]->() RETURN count(r) AS n")
    assert edges[0]["n"] == sum(programme.counts()[k] for k in ("matches", "meetings", "doors"))


def test_seed_if_empty_leaves_a_programme_that_holds_people_alone(graph: Graph) -> None:
    assert demo.seed_if_empty(graph, people=60, seed=3) is True
    assert not demo.is_empty(graph)
    assert demo.seed_if_empty(graph, people=60, seed=4) is False


def test_seed_csv_files_are_the_same_every_time_and_import_cleanly(
    cli: CliRunner, graph: Graph, tmp_path: Path
) -> None:
    args = ["seed", "--demo", "--people", "80", "--seed", "9", "--until", UNTIL.isoformat()]
    for folder in ("a", "b"):
        result = cli.invoke(app, [*args, "--csv", str(tmp_path / folder)])
        assert result.exit_code == 0, result.output
    for name in ("people", "matches", "meetings", "doors", "follow_ups"):
        first = (tmp_path / "a" / f"{name}.csv").read_bytes()
        assert first == (tmp_path / "b" / f"{name}.csv").read_bytes()
    imported = cli.invoke(app, ["import", str(tmp_path / "a")])
    assert imported.exit_code == 0, imported.output
    assert " 0 rejected" in imported.output and "80 written" in imported.output


def test_seed_refuses_a_future_end_and_loads_into_a_database_with_people(
    cli: CliRunner, graph: Graph
) -> None:
    people.create_person(graph, PersonCreate.model_validate(factories.participant()))
    future = cli.invoke(app, ["seed", "--demo", "--until", "2999-01-01"])
    assert future.exit_code == 1 and "future" in future.output
    loaded = cli.invoke(app, ["seed", "--demo", "--people", "40", "--until", UNTIL.isoformat()])
    assert loaded.exit_code == 0, loaded.output
    assert "holds people already" in loaded.output and "people: 40 written" in loaded.output


def test_the_sample_files_in_the_repository_import_cleanly(cli: CliRunner, graph: Graph) -> None:
    samples = Path(__file__).resolve().parent.parent / "samples"
    result = cli.invoke(app, ["import", str(samples)])
    assert result.exit_code == 0, result.output
    assert result.output.count(" 0 rejected") == 5
