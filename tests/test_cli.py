"""The command line against the real test database: tokens, migrations, reset, health when down."""

from __future__ import annotations

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graphsvc.api.app import create_app
from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from graphsvc.services import tokens
from graphsvc.settings import Settings
from tests import factories


def test_token_create_prints_a_working_token_as_its_last_line(
    cli: CliRunner, graph: Graph
) -> None:
    result = cli.invoke(app, ["token", "create", "--role", "staff", "--name", "reception"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[-1]
    principal = tokens.authenticate(graph, token)
    assert principal is not None and principal.role == "staff" and principal.name == "reception"
    listed = cli.invoke(app, ["token", "list"])
    assert "reception" in listed.output and token.split("_", 2)[2] not in listed.output
    assert cli.invoke(app, ["token", "revoke", "reception"]).exit_code == 0
    assert tokens.authenticate(graph, token) is None


def test_token_create_refuses_an_unknown_role_without_a_traceback(cli: CliRunner) -> None:
    result = cli.invoke(app, ["token", "create", "--role", "root", "--name", "x"])
    assert result.exit_code == 1
    assert "admin, staff, viewer" in result.output and "Traceback" not in result.output


def test_db_migrate_lists_the_applied_schema(cli: CliRunner) -> None:
    result = cli.invoke(app, ["db", "migrate"])
    assert result.exit_code == 0, result.output
    assert "schema.001_person_id" in result.output and "municipalities 290" in result.output


def test_db_reset_needs_yes_and_keeps_reference_data(
    cli: CliRunner, staff: TestClient
) -> None:
    staff.post("/api/v1/people", json=factories.participant())
    refused = cli.invoke(app, ["db", "reset"])
    assert refused.exit_code == 1 and "--yes" in refused.output
    assert cli.invoke(app, ["db", "reset", "--yes"]).exit_code == 0
    # the staff token went with the data, so check through a fresh one
    fresh = TestClient(staff.app)
    graph: Graph = staff.app.state.graph  # type: ignore[attr-defined]
    fresh.headers["Authorization"] = "Bearer " + tokens.create_token(
        graph, role="viewer", name="after-reset"
    )
    assert fresh.get("/api/v1/people").json()["items"] == []
    places = fresh.get("/api/v1/reference/places").json()["items"]
    assert len([p for p in places if len(p["key"]) == 4]) == 290


def test_health_is_503_with_retry_after_when_neo4j_is_down(settings: Settings) -> None:
    down = Graph.connect("bolt://127.0.0.1:9", "neo4j", "nothing", "neo4j")
    try:
        with TestClient(create_app(settings, graph=down)) as client:
            response = client.get("/health")
            assert response.status_code == 503
            assert response.headers["Retry-After"] == "5"
            assert response.json()["status"] == "unavailable"
    finally:
        down.close()


def test_serve_takes_its_worker_count_from_the_environment_too() -> None:
    shown = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "GRAPHSVC_WORKERS" in shown.output
    # Read from the environment: a bad count is refused before anything starts.
    refused = CliRunner().invoke(app, ["serve"], env={"GRAPHSVC_WORKERS": "0"})
    assert refused.exit_code == 2 and "workers" in refused.output
