"""Doors in the impact report: both sides of a meeting may open them, and the report finds a
participant's doors from the participant (opened for them, or by them) rather than per meeting.

    P (participant) met D (door-opener) on 2025-02-10. D opened a door to K1 for P (a relay
    match, met on 2025-03-20); P opened a door to K2 for D (no relay match). Q met D too, on
    2025-02-12, and D opened a door to K3 for Q: it belongs to Q's meeting, not P's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.graph.schema import wipe_programme
from graphsvc.services import tokens
from graphsvc.settings import Settings
from tests.test_report_programme import Programme


@pytest.fixture(scope="module")
def admin(
    session_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Programme, TestClient]]:
    wipe_programme(session_graph)
    home = tmp_path_factory.mktemp("report-doors-home")
    settings = Settings(GRAPHSVC_ENV="test", GRAPHSVC_HOME=home, NEO4J_URI="bolt://unused")
    with (
        TestClient(create_app(settings, graph=session_graph)) as client,
        pytest.MonkeyPatch.context() as monkeypatch,
    ):
        client.headers["Authorization"] = "Bearer " + tokens.create_token(
            session_graph, role="admin", name="report-doors-admin"
        )
        p = Programme(client, monkeypatch)
        p.at("2025-02-01 09:00")
        p.person("D", "door_opener", signed_up_at="2025-01-05")
        for name in ("K1", "K2", "K3"):
            p.person(name, "door_opener", signed_up_at="2025-01-20")
        p.person("P", "participant", signed_up_at="2025-01-10")
        p.person("Q", "participant", signed_up_at="2025-01-12")
        p_d = p.match("P", "D")
        p.at("2025-02-10 15:00")
        met_p = p.meet(p_d, "2025-02-10T10:00:00")
        p.at("2025-02-11 09:00")
        relay = p.open_doors(met_p, "K1")
        body = {"opened_by": "participant", "contacts": [{"person_id": p.ids["K2"]}]}
        response = client.post(f"/api/v1/meetings/{met_p}/doors", json=body)
        assert response.status_code == 201, response.text
        q_d = p.match("Q", "D")
        p.at("2025-02-12 15:00")
        met_q = p.meet(q_d, "2025-02-12T10:00:00")
        p.at("2025-02-13 09:00")
        p.open_doors(met_q, "K3")
        p.at("2025-03-20 15:00")
        p.meet(relay["K1"], "2025-03-20T10:00:00")
        p.at("2025-12-31 12:00")
        yield p, client


def report(client: TestClient, **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/reports/impact", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def test_doors_of_both_sides_count_and_only_the_door_openers_make_the_relay(
    admin: tuple[Programme, TestClient],
) -> None:
    _, client = admin
    found = report(client, **{"from": "2025-01-01", "to": "2025-12-31"})
    assert found["meetings"] == 3 and found["doors_opened"] == 3
    assert found["doors_per_meeting"] == 2 / 3  # K1 and K3; P's own door to K2 is no relay
    assert found["completion_per_generation"] == {"2": {"doors": 2, "met": 1, "share": 0.5}}
    assert found["branching_factor"] == 1 / 3
    feb = next(m for m in found["monthly"] if m["month"] == "2025-02")
    assert (feb["meetings"], feb["doors"]) == (2, 3)
    # P's tree is D and K1 (K2 was opened for D); Q's tree is D and K3.
    assert found["reach_distribution"] == {"2": 2}


def test_a_participants_doors_stay_with_their_own_meeting_under_a_filter(
    admin: tuple[Programme, TestClient],
) -> None:
    programme, client = admin
    moved = client.patch(f"/api/v1/people/{programme.ids['Q']}", json={"home_place": "0180"})
    assert moved.status_code == 200, moved.text
    try:
        found = report(client, **{"from": "2025-01-01", "to": "2025-12-31", "place": "1480"})
        assert (found["meetings"], found["doors_opened"]) == (2, 2)
        assert found["doors_per_meeting"] == 1 / 2
        assert found["completion_per_generation"] == {"2": {"doors": 1, "met": 1, "share": 1.0}}
        assert found["reach_distribution"] == {"2": 1}
    finally:
        client.patch(f"/api/v1/people/{programme.ids['Q']}", json={"home_place": "1480"})
