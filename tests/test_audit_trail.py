"""The audit trail's guarantee: no audited answer leaves without its event committed.

Concurrent reads share write transactions (group commit), and every one that was answered is in
the log; when Neo4j refuses the event, the caller gets a 503 instead of the person.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from tests import factories


def _events(graph: Graph, token_name: str) -> list[dict[str, object]]:
    with graph.driver.session(database=graph.database) as session:
        return session.run(
            "MATCH (e:AuditEvent {token_name: $name}) RETURN e.target_id AS target, "
            "e.action AS action, e.status AS status",
            name=token_name,
        ).data()


def test_every_answered_read_under_concurrency_is_in_the_audit_log(
    staff: TestClient, graph: Graph
) -> None:
    ids = [factories.sign_up(graph, factories.participant()) for _ in range(4)]
    paths = [f"/api/v1/people/{ids[n % 4]}" for n in range(96)]
    with ThreadPoolExecutor(max_workers=24) as pool:
        statuses = list(pool.map(lambda path: staff.get(path).status_code, paths))
    assert statuses == [200] * 96
    events = _events(graph, "test-staff")
    assert len(events) == 96
    assert sorted(str(e["target"]) for e in events) == sorted(p.rsplit("/", 1)[1] for p in paths)
    assert {e["action"] for e in events} == {"GET /api/v1/people/{person_id}"}
    assert {e["status"] for e in events} == {200}


def test_a_read_whose_event_cannot_be_stored_is_withheld(staff: TestClient, graph: Graph) -> None:
    pid = factories.sign_up(graph, factories.participant(name="Amira Haddad"))
    with graph.driver.session(database=graph.database) as session:
        # A real refusal by Neo4j: at most one event per token name, so the second cannot land.
        session.run(
            "CREATE CONSTRAINT test_one_event_per_token IF NOT EXISTS "
            "FOR (e:AuditEvent) REQUIRE e.token_name IS UNIQUE"
        ).consume()
        try:
            first = staff.get(f"/api/v1/people/{pid}")
            second = staff.get(f"/api/v1/people/{pid}")
        finally:
            session.run("DROP CONSTRAINT test_one_event_per_token IF EXISTS").consume()
    assert first.status_code == 200 and first.json()["name"] == "Amira Haddad"
    assert second.status_code == 503
    assert second.headers["Retry-After"] == "5"
    assert "audit" in second.json()["detail"] and "Amira" not in second.text
    assert len(_events(graph, "test-staff")) == 1


def test_unaudited_answers_pass_untouched(viewer: TestClient, graph: Graph) -> None:
    pid = factories.sign_up(graph, factories.participant(name="Amira Haddad"))
    answer = viewer.get(f"/api/v1/people/{pid}")
    assert answer.status_code == 200 and answer.json()["name"] == "A. H."
    assert _events(graph, "test-viewer") == []
