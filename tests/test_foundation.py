"""The foundation: named queries, schema, reference data, health, tokens and the error shape."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from graphsvc.graph.queries import QueryError, Registry, declared_params, queries
from graphsvc.graph.schema import migrate
from graphsvc.localdb.version import neo4j_version
from graphsvc.services import tokens
from tests.routes import operations

ROOT = Path(__file__).resolve().parent.parent


def test_every_query_explains_against_the_real_database(graph: Graph) -> None:
    checked = 0
    with graph.driver.session(database=graph.database) as session:
        for query in queries.all():
            if query.name.startswith("schema."):
                continue
            params = dict.fromkeys(query.params)
            session.run("EXPLAIN " + query.text, params).consume()  # type: ignore[arg-type]
            checked += 1
    assert checked >= 20


def test_registry_refuses_empty_files_and_unknown_names(tmp_path: Path) -> None:
    (tmp_path / "ns").mkdir()
    (tmp_path / "ns" / "empty.cypher").write_text("// nothing here\n")
    with pytest.raises(QueryError, match="empty"):
        Registry(tmp_path)
    with pytest.raises(AttributeError):
        _ = queries.people.no_such_query
    with pytest.raises(QueryError, match="missing"):
        queries.people.get_people.bind({})


def test_fragments_are_written_into_the_queries_that_include_them(tmp_path: Path) -> None:
    (tmp_path / "_fragments").mkdir()
    (tmp_path / "_fragments" / "shown.cypher").write_text("  // how n is shown\n  n {.key}\n")
    (tmp_path / "ns").mkdir()
    (tmp_path / "ns" / "one.cypher").write_text(
        "// one node\nMATCH (n {key: $key})\nRETURN\n// include: shown\n  AS shown\n"
    )
    one = Registry(tmp_path).ns.one
    assert one.text.endswith("RETURN\n  // how n is shown\n  n {.key}\n  AS shown\n")
    assert one.params == frozenset({"key"})
    with pytest.raises(AttributeError):  # a fragment is not a query of its own
        _ = Registry(tmp_path)._fragments
    (tmp_path / "ns" / "two.cypher").write_text("// two\nRETURN\n// include: nowhere\n AS x\n")
    with pytest.raises(QueryError, match="nowhere"):
        Registry(tmp_path)
    assert "// include:" not in queries.people.get_people.text
    assert "// include:" not in queries.match.find_candidates.text


def test_declared_params_ignore_comments_and_strings() -> None:
    text = "// uses $not_me\nMATCH (n {key: $key}) RETURN '$nor_me' AS s"
    assert declared_params(text) == frozenset({"key"})


def test_migrations_are_recorded_and_idempotent(graph: Graph) -> None:
    first = migrate(graph)
    second = migrate(graph)
    assert first == second and len(first) >= 10
    recorded = [r["name"] for r in graph.read(queries.migrations.list_migrations)]
    assert set(first) <= set(recorded)


def test_reference_places_hold_290_municipalities_and_21_counties(staff: TestClient) -> None:
    items = staff.get("/api/v1/reference/places").json()["items"]
    municipalities = [i for i in items if len(i["key"]) == 4]
    counties = [i for i in items if len(i["key"]) == 2]
    assert len(municipalities) == 290 and len(counties) == 21
    gothenburg = next(i for i in items if i["key"] == "1480")
    assert gothenburg["name_sv"] == "Göteborg" and gothenburg["parent"] == "14"
    assert 57 < gothenburg["lat"] < 58.5 and 11 < gothenburg["lon"] < 12.5
    assert next(i for i in items if i["key"] == "0180")["parent"] == "01"


def test_reference_industries_fields_and_languages(staff: TestClient) -> None:
    industries = staff.get("/api/v1/reference/industries").json()["items"]
    assert len([i for i in industries if len(i["key"]) == 1]) == 21
    assert len([i for i in industries if len(i["key"]) == 2]) == 88
    assert next(i for i in industries if i["key"] == "86")["parent"] == "Q"
    fields = {i["key"]: i for i in staff.get("/api/v1/reference/fields").json()["items"]}
    assert fields["0913"]["parent"] == "091" and fields["091"]["parent"] == "09"
    languages = {i["key"]: i for i in staff.get("/api/v1/reference/languages").json()["items"]}
    assert languages["sv"]["name_en"] == "Swedish" and languages["ti"]["parent"] is None
    assert len(languages) >= 180


def test_reference_load_is_idempotent(graph: Graph) -> None:
    from graphsvc.services.bootstrap import prepare_database

    before = graph.read(queries.reference.list_places)
    prepare_database(graph)
    assert graph.read(queries.reference.list_places) == before


def test_unknown_reference_kind_is_422(staff: TestClient) -> None:
    assert staff.get("/api/v1/reference/planets").status_code == 422


def test_health_is_open_and_says_neo4j_answers(app_client: TestClient) -> None:
    response = app_client.get("/health")
    assert response.status_code == 200 and response.json()["status"] == "ok"


def test_every_api_path_needs_a_token(app_client: TestClient) -> None:
    checked = 0
    for method, path in operations(app_client.app):  # type: ignore[arg-type]
        if not path.startswith("/api/v1"):
            continue
        url = re.sub(r"\{[^}]+\}", "x", path)
        response = app_client.request(method, url)
        assert response.status_code == 401, (method, url, response.status_code)
        checked += 1
    assert checked >= 25


def test_tokens_are_stored_hashed_and_can_be_revoked(graph: Graph) -> None:
    token = tokens.create_token(graph, role="staff", name="reception")
    secret = token.split("_", 2)[2]
    rows = graph.read(queries.tokens.list_tokens)
    assert secret not in repr(rows)
    stored = graph.read(queries.tokens.find_token, id=token.split("_")[1])[0]
    assert secret not in stored["hash"]
    principal = tokens.authenticate(graph, token)
    assert principal is not None and principal.role == "staff"
    assert tokens.revoke_token(graph, "reception") == 1
    assert tokens.authenticate(graph, token) is None


def test_error_shape_for_404_409_and_422(staff: TestClient) -> None:
    from tests import factories

    assert set(staff.get("/api/v1/people/nope").json()) == {"detail"}
    body = factories.participant()
    staff.post("/api/v1/people", json=body)
    conflict = staff.post("/api/v1/people", json=body).json()
    assert isinstance(conflict["detail"], str)
    invalid = staff.post("/api/v1/people", json={"name": "x"}).json()
    assert {"loc", "msg", "type"} <= set(invalid["detail"][0])


def test_compose_and_local_server_use_the_same_neo4j_version() -> None:
    compose = (ROOT / "docker-compose.yml").read_text()
    assert f"image: neo4j:{neo4j_version()}" in compose
    assert neo4j_version().startswith("5.26.")
