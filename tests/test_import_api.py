"""The import over HTTP (`POST /api/v1/import/{kind}`) and on the command line (`graphsvc
import`): counts, bad rows by line in the API's one 422 shape, roles, rejects files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from tests import factories
from tests.test_import_people import count_people, people_csv

CSV = {"Content-Type": "text/csv; charset=utf-8"}


def test_staff_import_people_over_http_and_get_counts(staff: TestClient) -> None:
    text = people_csv(factories.participant(), factories.door_opener())
    response = staff.post("/api/v1/import/people", content=text.encode(), headers=CSV)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["rows"], body["written"], body["skipped"], body["rejected"]) == (2, 2, 0, [])
    again = staff.post("/api/v1/import/people", content=text.encode(), headers=CSV).json()
    assert (again["written"], again["skipped"]) == (0, 2)


def test_bad_rows_are_a_422_in_the_api_shape_and_nothing_is_written(
    staff: TestClient, graph: Graph
) -> None:
    text = people_csv(factories.participant(), factories.participant(home_place="9999"))
    response = staff.post("/api/v1/import/people", content=text.encode(), headers=CSV)
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["body", 3, "home_place"] and error["input"] == "9999"
    assert "unknown places key" in error["msg"] and error["type"] == "value_error"
    assert count_people(graph) == 0


def test_skip_bad_over_http_writes_the_good_rows_and_lists_the_bad(
    staff: TestClient, graph: Graph
) -> None:
    text = people_csv(factories.participant(), factories.door_opener(work_years=1))
    response = staff.post(
        "/api/v1/import/people", params={"skip_bad": True}, content=text.encode(), headers=CSV
    )
    assert response.status_code == 200
    body = response.json()
    assert body["written"] == 1 and [e["line"] for e in body["rejected"]] == [3]
    assert count_people(graph) == 1


def test_import_needs_staff_and_a_known_kind(viewer: TestClient, staff: TestClient) -> None:
    text = people_csv(factories.participant()).encode()
    assert viewer.post("/api/v1/import/people", content=text, headers=CSV).status_code == 403
    assert staff.post("/api/v1/import/tokens", content=text, headers=CSV).status_code == 422
    latin1 = "name,email\nÅsa,asa@example.org\n".encode("latin-1")
    assert staff.post("/api/v1/import/people", content=latin1, headers=CSV).status_code == 422


def test_cli_imports_a_folder_and_refuses_a_bad_file_by_line(
    cli: CliRunner, graph: Graph, tmp_path: Path
) -> None:
    (tmp_path / "people.csv").write_text(people_csv(factories.participant()), encoding="utf-8")
    result = cli.invoke(app, ["import", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "1 written" in result.output and "rows/s" in result.output
    bad = tmp_path / "more-people.csv"
    bad.write_text(people_csv(factories.door_opener(languages=["en"])), encoding="utf-8")
    refused = cli.invoke(app, ["import", str(bad), "--kind", "people"])
    assert refused.exit_code == 1
    assert "nothing written" in refused.output and "Swedish" in refused.output
    assert count_people(graph) == 1


def test_cli_skip_bad_writes_a_rejects_file(cli: CliRunner, graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text(
        people_csv(factories.participant(), factories.participant(consent=False)),
        encoding="utf-8",
    )
    result = cli.invoke(app, ["import", str(path), "--skip-bad"])
    assert result.exit_code == 0, result.output
    rejects = list(csv.DictReader(io.StringIO((tmp_path / "people.rejects.csv").read_text())))
    assert [r["_line"] for r in rejects] == ["3"] and "consent" in rejects[0]["_errors"]
    assert count_people(graph) == 1
