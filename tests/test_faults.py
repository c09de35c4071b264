"""Faults: Neo4j going away and coming back, and failures in the middle of a transaction."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphsvc import clock, localdb
from graphsvc.api.app import create_app
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import ACQUISITION_TIMEOUT_SECONDS, POOL_SIZE, Graph, Tx
from graphsvc.models.person import PersonCreate
from graphsvc.services import tokens
from graphsvc.settings import Settings
from tests import factories
from tests.neo4j_source import paths_for_tests


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[tuple[localdb.LocalPaths, int]]:
    """A local Neo4j of this test's own, so stopping it disturbs no other test."""
    shared = paths_for_tests()
    paths = localdb.LocalPaths(
        state_dir=tmp_path / "state", jar_cache=shared.jar_cache, version=shared.version
    )
    port = _free_port()
    localdb.start(port=port, paths=paths)
    yield paths, port
    localdb.stop(paths=paths)


def test_service_answers_503_while_neo4j_is_down_and_recovers_without_restart(
    own_server: tuple[localdb.LocalPaths, int], settings: Settings
) -> None:
    paths, port = own_server
    uri, user, password = localdb.connection(paths=paths)
    graph = Graph.connect(uri, user, password, "neo4j")
    try:
        with TestClient(create_app(settings, graph=graph)) as client:
            client.headers["Authorization"] = "Bearer " + tokens.create_token(
                graph, role="staff", name="fault-test"
            )
            before = client.post("/api/v1/people", json=factories.participant())
            assert before.status_code == 201

            localdb.stop(paths=paths)
            down = client.get("/api/v1/people")
            assert down.status_code == 503
            assert down.headers["Retry-After"] == "5"
            assert "Traceback" not in down.text and "try again" in down.json()["detail"]
            assert client.get("/health").status_code == 503

            localdb.start(port=port, paths=paths)
            assert client.get("/health").status_code == 200
            after = client.get("/api/v1/people")
            assert after.status_code == 200
            assert [p["id"] for p in after.json()["items"]] == [before.json()["id"]]
    finally:
        graph.close()


def test_a_failure_inside_a_transaction_leaves_nothing_written(graph: Graph) -> None:
    body = PersonCreate.model_validate(factories.participant())

    class Boom(Exception):
        pass

    def work(tx: Tx) -> None:
        at = clock.now()
        people_repo.save_person(
            tx, person_id="p_half", person=body, created_at=at, consent_at=at, active=True
        )
        assert people_repo.get_people_tx(tx, ids=["p_half"])  # written inside the transaction
        raise Boom

    with pytest.raises(Boom):
        graph.transaction(work)
    assert people_repo.get_people(graph, ids=["p_half"]) == []


def test_a_request_that_finds_no_free_connection_is_503_busy_in_bounded_time(
    graph: Graph, staff: TestClient
) -> None:
    """Every connection of the pool held by open transactions: a request waits for one no longer
    than the acquisition timeout (for its own work, and again for its audit event) and is
    refused with a 503 and Retry-After, instead of hanging or failing with a driver error."""
    with ExitStack() as held:
        for _ in range(POOL_SIZE):
            session = held.enter_context(graph.driver.session(database=graph.database))
            held.enter_context(session.begin_transaction()).run("RETURN 1").consume()
        started = time.monotonic()
        refused = staff.post("/api/v1/people", json=factories.participant())
        waited = time.monotonic() - started
    assert refused.status_code == 503, refused.text
    assert refused.headers["Retry-After"] == "5"
    assert "try again" in refused.json()["detail"]
    assert waited < 2 * ACQUISITION_TIMEOUT_SECONDS + 10
    assert staff.post("/api/v1/people", json=factories.participant()).status_code == 201
