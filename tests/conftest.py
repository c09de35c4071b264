"""Session-wide real Neo4j, a clean programme per test, and clients for each role."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.graph.schema import wipe_programme
from graphsvc.services import tokens
from graphsvc.services.bootstrap import prepare_database
from graphsvc.settings import Settings, get_settings
from tests.neo4j_source import neo4j_for_tests


@pytest.fixture(scope="session")
def neo4j_credentials() -> Iterator[tuple[str, str, str]]:
    """(uri, user, password) of the session's real Neo4j."""
    with neo4j_for_tests() as credentials:
        yield credentials


@pytest.fixture(scope="session")
def session_graph(neo4j_credentials: tuple[str, str, str]) -> Iterator[Graph]:
    """One driver for the session, with schema and reference data in place."""
    uri, user, password = neo4j_credentials
    graph = Graph.connect(uri, user, password, "neo4j")
    graph.verify()
    prepare_database(graph)
    yield graph
    graph.close()


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """The graph with the programme's own data removed, so each test starts from known data."""
    wipe_programme(session_graph)
    return session_graph


@pytest.fixture
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Test settings: outbox in a temporary folder, no SMTP."""
    home = tmp_path_factory.mktemp("home")
    return Settings(GRAPHSVC_ENV="test", GRAPHSVC_HOME=home, NEO4J_URI="bolt://unused")


@pytest.fixture
def app_client(graph: Graph, settings: Settings) -> Iterator[TestClient]:
    """The app on the test graph, without a token."""
    with TestClient(create_app(settings, graph=graph)) as client:
        yield client


def _client_for(app_client: TestClient, graph: Graph, role: str) -> TestClient:
    token = tokens.create_token(graph, role=role, name=f"test-{role}")
    client = TestClient(app_client.app)
    client.headers["Authorization"] = f"Bearer {token}"
    return client


@pytest.fixture
def admin(app_client: TestClient, graph: Graph) -> TestClient:
    """A client with an admin token."""
    return _client_for(app_client, graph, "admin")


@pytest.fixture
def staff(app_client: TestClient, graph: Graph) -> TestClient:
    """A client with a staff token."""
    return _client_for(app_client, graph, "staff")


@pytest.fixture
def viewer(app_client: TestClient, graph: Graph) -> TestClient:
    """A client with a viewer token."""
    return _client_for(app_client, graph, "viewer")


@pytest.fixture
def cli(
    graph: Graph, neo4j_credentials: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
) -> Iterator[CliRunner]:
    """A runner whose commands reach the test database through NEO4J_URI."""
    uri, user, password = neo4j_credentials
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()
