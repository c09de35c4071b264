"""The relay from the command line against the real test database: meet, open doors, print."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from graphsvc.settings import get_settings
from tests import factories
from tests import relay_steps as steps


@pytest.fixture
def cli(
    graph: Graph,
    neo4j_credentials: tuple[str, str, str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> Iterator[CliRunner]:
    """A runner whose commands reach the test database, with the outbox in a temporary dir."""
    uri, user, password = neo4j_credentials
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    monkeypatch.setenv("GRAPHSVC_HOME", str(tmp_path))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_meeting_doors_and_network_from_the_command_line(
    cli: CliRunner, staff: TestClient, tmp_path: Path
) -> None:
    participant = steps.participant(staff, name="Amira Haddad")
    door_opener = steps.door_opener(staff, name="Dag Öberg")
    match = steps.match(staff, participant, door_opener)

    recorded = cli.invoke(
        app, ["meeting", "record", match["id"], "--held-at", steps.days_ago(1), "--mode", "digital"]
    )
    assert recorded.exit_code == 0, recorded.output
    meeting = json.loads(recorded.stdout.strip().splitlines()[-1])
    assert meeting["match_id"] == match["id"] and meeting["generation"] == 1

    contact = steps.door_opener(staff, name="Karin Kontakt")
    new_file = tmp_path / "new.json"
    new_file.write_text(json.dumps(factories.door_opener(name="Nils Ny")), encoding="utf-8")
    opened = cli.invoke(
        app, ["doors", meeting["id"], "--contact", contact, "--new-contact", str(new_file)]
    )
    assert opened.exit_code == 0, opened.output
    result = json.loads(opened.stdout.strip().splitlines()[-1])
    assert [d["generation"] for d in result["doors"]] == [2, 2]
    assert len(result["matches"]) == 2

    printed = cli.invoke(app, ["network", participant])
    assert printed.exit_code == 0, printed.output
    for name in ("Amira Haddad", "Dag Öberg", "Karin Kontakt", "Nils Ny"):
        assert name in printed.stdout
    assert "reach: met 1, introduced 2, total 3, depth 1" in printed.stdout
    lines = printed.stdout.splitlines()
    dag = next(i for i, line in enumerate(lines) if "Dag Öberg" in line)
    karin = next(i for i, line in enumerate(lines) if "Karin Kontakt" in line)
    assert karin > dag and lines[karin].index("Karin") > lines[dag].index("Dag")

    as_json = cli.invoke(app, ["network", participant, "--json"])
    assert json.loads(as_json.stdout)["reach"]["total"] == 3


def test_cli_errors_are_messages_not_tracebacks(cli: CliRunner, staff: TestClient) -> None:
    match = steps.match(staff, steps.participant(staff), steps.door_opener(staff))
    future = cli.invoke(
        app, ["meeting", "record", match["id"], "--held-at", "2999-01-01T10:00"]
    )
    assert future.exit_code == 1 and "future" in future.output
    assert "Traceback" not in future.output
    bad = cli.invoke(app, ["meeting", "record", match["id"], "--held-at", "igår"])
    assert bad.exit_code == 1 and "ISO 8601" in bad.output
    unknown = cli.invoke(app, ["network", "p_nope"])
    assert unknown.exit_code == 1 and "p_nope" in unknown.output
    over = cli.invoke(app, ["doors", "mt_nope", "--contact", "p_x"])
    assert over.exit_code == 1 and "mt_nope" in over.output
