"""Bad input at scale: schemathesis drives every operation of the OpenAPI schema with a token.

Bounded in examples so the suite stays quick; the property is the contract's: no 5xx for any
client input, and every response matches its documented schema.
"""

from __future__ import annotations

from pathlib import Path
from tempfile import mkdtemp

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import checks

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.services import tokens
from graphsvc.settings import Settings

# The OpenAPI document needs no database, so the operations are known at collection time; the
# graph is attached per test below.
APP = create_app(
    Settings(GRAPHSVC_ENV="test", GRAPHSVC_HOME=Path(mkdtemp()), NEO4J_URI="bolt://unused")
)
SCHEMA = schemathesis.openapi.from_asgi("/openapi.json", APP)
OPERATIONS = {op.ok().label: op.ok() for op in SCHEMA.get_all_operations()}


@pytest.fixture(scope="module")
def admin_token(session_graph: Graph) -> str:
    """The app on the session graph, and an admin token so every operation is reachable."""
    APP.state.graph = session_graph
    return tokens.create_token(session_graph, role="admin", name="schemathesis")


@pytest.mark.parametrize("label", sorted(OPERATIONS))
def test_no_server_errors_and_responses_match_the_schema(label: str, admin_token: str) -> None:
    operation = OPERATIONS[label]

    @given(case=operation.as_strategy())
    @settings(
        max_examples=20,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def exercise(case: schemathesis.Case) -> None:
        case.call_and_validate(
            headers={"Authorization": f"Bearer {admin_token}"},
            checks=[
                checks.not_a_server_error,
                checks.response_schema_conformance,
                checks.content_type_conformance,
            ],
        )

    exercise()
