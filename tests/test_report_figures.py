"""Every figure of the impact report, worked out by hand for the programme of
`test_report_programme.py` (built through the API), per period and per filter.

Shares are exact fractions of small counts, so they are compared with `==`. Only two figures
are compared approximately, and only because they are interpolated or averaged in floating
point: the 90th percentile of reach (Cypher's `percentileCont`) and mean structural virality.
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
from tests.test_report_programme import Programme, build

NO_OUTCOMES = {"job": 0, "internship": 0, "education": 0, "other": 0, "none": 0}


def month(name: str, meetings: int, doors: int, new: int, reach: float | None) -> dict[str, Any]:
    return {"month": name, "meetings": meetings, "doors": doors, "new_participants": new,
            "mean_reach": reach}


def quiet(*names: str) -> list[dict[str, Any]]:
    return [month(name, 0, 0, 0, None) for name in names]


@pytest.fixture(scope="module")
def built(
    session_graph: Graph, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Programme, TestClient]]:
    """The programme, built once for the module (each build is some forty API calls); the
    tests only read it. Returns the builder and a viewer's client."""
    wipe_programme(session_graph)
    home = tmp_path_factory.mktemp("report-home")
    settings = Settings(GRAPHSVC_ENV="test", GRAPHSVC_HOME=home, NEO4J_URI="bolt://unused")
    with (
        TestClient(create_app(settings, graph=session_graph)) as admin,
        pytest.MonkeyPatch.context() as monkeypatch,
    ):
        admin.headers["Authorization"] = "Bearer " + tokens.create_token(
            session_graph, role="admin", name="report-admin"
        )
        programme = build(admin, monkeypatch)
        viewer = TestClient(admin.app)
        viewer.headers["Authorization"] = "Bearer " + tokens.create_token(
            session_graph, role="viewer", name="report-viewer"
        )
        yield programme, viewer


@pytest.fixture
def programme(built: tuple[Programme, TestClient]) -> Programme:
    return built[0]


@pytest.fixture
def viewer(built: tuple[Programme, TestClient]) -> TestClient:
    """A viewer: the report holds no personal data, so the lowest role reads all of it."""
    return built[1]


def report(client: TestClient, **params: str) -> dict[str, Any]:
    response = client.get("/api/v1/reports/impact", params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def check(found: dict[str, Any], expected: dict[str, Any], *, p90: float | None,
          virality_mean: float | None) -> None:
    """Compares every key; the two floating-point figures approximately, the rest exactly."""
    found = {**found, "reach": dict(found["reach"]),
             "structural_virality": dict(found["structural_virality"])}
    assert found["reach"].pop("p90") == (pytest.approx(p90) if p90 is not None else None)
    assert found["structural_virality"].pop("mean") == (
        pytest.approx(virality_mean) if virality_mean is not None else None
    )
    assert found == expected


FIRST_QUARTER: dict[str, Any] = {
    "period": {"from": "2025-01-01", "to": "2025-03-31"},
    "participants": 3, "door_openers": 4, "retired_door_openers": 1,
    "matches": 4, "meetings": 3, "doors_opened": 2, "doors_per_meeting": 2 / 3,
    "relay_depth": {"1": 2, "2": 1},
    "reach": {"mean": 2.0, "median": 2.0, "max": 3},
    "follow_ups": 2, "understood_market_better": 1.0, "integration_helped": 0.5,
    "kept_in_contact": 0.5, "outcomes": {**NO_OUTCOMES, "job": 1, "none": 1},
    "rematch_rate": 0.5, "median_days_to_first_meeting": 31.5,
    "filters": {"industry": None, "place": None},
    "branching_factor": 1 / 3,
    "completion_per_generation": {"2": {"doors": 2, "met": 1, "share": 0.5}},
    "structural_virality": {"participants": 2, "median": 1.25, "max": 1.5},
    "retired_share_of_meetings": 2 / 3, "digital_share_of_meetings": 1 / 3,
    "reach_distribution": {"1": 1, "3": 1},
    "monthly": [month("2025-01", 0, 0, 1, None), month("2025-02", 1, 2, 1, 3.0),
                month("2025-03", 2, 0, 1, 2.0)],
}


def test_first_quarter_figures(programme: Programme, viewer: TestClient) -> None:
    found = report(viewer, **{"from": "2025-01-01", "to": "2025-03-31"})
    check(found, FIRST_QUARTER, p90=2.8, virality_mean=1.25)


def test_whole_year_counts_erased_people_and_every_relay(
    programme: Programme, viewer: TestClient
) -> None:
    found = report(viewer, **{"from": "2025-01-01", "to": "2025-12-31"})
    check(found, {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "participants": 6, "door_openers": 5, "retired_door_openers": 1,
        "matches": 8, "meetings": 5, "doors_opened": 3, "doors_per_meeting": 0.6,
        "relay_depth": {"1": 4, "2": 1},
        "reach": {"mean": 1.75, "median": 1.5, "max": 3},
        "follow_ups": 3, "understood_market_better": 2 / 3, "integration_helped": 2 / 3,
        "kept_in_contact": 2 / 3,
        "outcomes": {**NO_OUTCOMES, "job": 1, "internship": 1, "none": 1},
        "rematch_rate": 0.25, "median_days_to_first_meeting": 31.5,
        "filters": {"industry": None, "place": None},
        "branching_factor": 0.2,
        "completion_per_generation": {"2": {"doors": 3, "met": 1, "share": 1 / 3}},
        "structural_virality": {"participants": 4, "median": (1.0 + 4 / 3) / 2, "max": 1.5},
        "retired_share_of_meetings": 0.4, "digital_share_of_meetings": 0.4,
        "reach_distribution": {"1": 2, "2": 1, "3": 1},
        "monthly": [
            month("2025-01", 0, 0, 1, None), month("2025-02", 1, 2, 1, 3.0),
            month("2025-03", 2, 0, 1, 2.0), month("2025-04", 1, 1, 1, 2.0),
            month("2025-05", 1, 0, 1, 1.0), *quiet("2025-06", "2025-07"),
            month("2025-08", 0, 0, 1, None), *quiet("2025-09", "2025-10", "2025-11", "2025-12"),
        ],
    }, p90=2.7, virality_mean=(1.5 + 1.0 + 4 / 3 + 1.0) / 4)


def test_a_month_with_a_meeting_but_no_follow_up_has_null_shares(
    programme: Programme, viewer: TestClient
) -> None:
    found = report(viewer, **{"from": "2025-05-01", "to": "2025-05-31"})
    check(found, {
        "period": {"from": "2025-05-01", "to": "2025-05-31"},
        "participants": 5, "door_openers": 5, "retired_door_openers": 1,
        "matches": 2, "meetings": 1, "doors_opened": 0, "doors_per_meeting": 0.0,
        "relay_depth": {"1": 1},
        "reach": {"mean": 1.0, "median": 1.0, "max": 1},
        "follow_ups": 0, "understood_market_better": None, "integration_helped": None,
        "kept_in_contact": None, "outcomes": NO_OUTCOMES,
        "rematch_rate": 0.0, "median_days_to_first_meeting": 7.0,
        "filters": {"industry": None, "place": None},
        "branching_factor": 0.0, "completion_per_generation": {},
        "structural_virality": {"participants": 1, "median": 1.0, "max": 1.0},
        "retired_share_of_meetings": 0.0, "digital_share_of_meetings": 0.0,
        "reach_distribution": {"1": 1},
        "monthly": [month("2025-05", 1, 0, 1, 1.0)],
    }, p90=1.0, virality_mean=1.0)


def test_a_period_before_any_meeting_is_zeros_and_nulls_not_errors(
    programme: Programme, viewer: TestClient
) -> None:
    found = report(viewer, **{"from": "2024-11-15", "to": "2024-12-31"})
    check(found, {
        "period": {"from": "2024-11-15", "to": "2024-12-31"},
        "participants": 0, "door_openers": 1, "retired_door_openers": 1,
        "matches": 0, "meetings": 0, "doors_opened": 0, "doors_per_meeting": None,
        "relay_depth": {}, "reach": {"mean": None, "median": None, "max": None},
        "follow_ups": 0, "understood_market_better": None, "integration_helped": None,
        "kept_in_contact": None, "outcomes": NO_OUTCOMES,
        "rematch_rate": None, "median_days_to_first_meeting": None,
        "filters": {"industry": None, "place": None},
        "branching_factor": None, "completion_per_generation": {},
        "structural_virality": {"participants": 0, "median": None, "max": None},
        "retired_share_of_meetings": None, "digital_share_of_meetings": None,
        "reach_distribution": {},
        "monthly": quiet("2024-11", "2024-12"),
    }, p90=None, virality_mean=None)


def test_county_filter_keeps_its_participants_their_events_and_its_door_openers(
    programme: Programme, viewer: TestClient
) -> None:
    found = report(viewer, **{"from": "2025-01-01", "to": "2025-12-31", "place": "14"})
    expected = {
        **FIRST_QUARTER,
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "participants": 4, "door_openers": 3, "matches": 5,
        "filters": {"industry": None, "place": "14"},
        "monthly": [
            month("2025-01", 0, 0, 1, None), month("2025-02", 1, 2, 1, 3.0),
            month("2025-03", 2, 0, 0, 2.0), month("2025-04", 0, 0, 1, None),
            *quiet("2025-05", "2025-06", "2025-07"), month("2025-08", 0, 0, 1, None),
            *quiet("2025-09", "2025-10", "2025-11", "2025-12"),
        ],
    }
    check(found, expected, p90=2.8, virality_mean=1.25)


def test_municipality_and_division_filters_narrow_to_one_participant(
    programme: Programme, viewer: TestClient
) -> None:
    year = {"from": "2025-01-01", "to": "2025-12-31"}
    expected = {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "participants": 1, "door_openers": 1, "retired_door_openers": 0,
        "matches": 1, "meetings": 1, "doors_opened": 0, "doors_per_meeting": 0.0,
        "relay_depth": {"1": 1}, "reach": {"mean": 1.0, "median": 1.0, "max": 1},
        "follow_ups": 1, "understood_market_better": 1.0, "integration_helped": 0.0,
        "kept_in_contact": 0.0, "outcomes": {**NO_OUTCOMES, "none": 1},
        "rematch_rate": 1.0, "median_days_to_first_meeting": 32.0,
        "branching_factor": 0.0, "completion_per_generation": {},
        "structural_virality": {"participants": 1, "median": 1.0, "max": 1.0},
        "retired_share_of_meetings": 1.0, "digital_share_of_meetings": 1.0,
        "reach_distribution": {"1": 1},
        "monthly": [
            month("2025-01", 0, 0, 0, None), month("2025-02", 0, 0, 1, None),
            month("2025-03", 1, 0, 0, 1.0),
            *quiet(*(f"2025-{m:02d}" for m in range(4, 13))),
        ],
    }
    borås = report(viewer, **year, place="1490")
    check(borås, {**expected, "filters": {"industry": None, "place": "1490"}},
          p90=1.0, virality_mean=1.0)
    division = report(viewer, **year, industry="87")
    check(division, {**expected, "filters": {"industry": "87", "place": None}},
          p90=1.0, virality_mean=1.0)


def test_section_filter_takes_in_its_divisions(programme: Programme, viewer: TestClient) -> None:
    found = report(viewer, **{"from": "2025-01-01", "to": "2025-12-31", "industry": "Q"})
    assert (found["participants"], found["door_openers"], found["matches"]) == (3, 3, 4)
    assert (found["meetings"], found["doors_opened"], found["follow_ups"]) == (3, 2, 2)
    assert found["reach_distribution"] == {"1": 1, "3": 1}


def test_industry_and_place_together_keep_only_people_matching_both(
    programme: Programme, viewer: TestClient
) -> None:
    params = {"from": "2025-01-01", "to": "2025-12-31", "industry": "J", "place": "01"}
    check(report(viewer, **params), {
        "period": {"from": "2025-01-01", "to": "2025-12-31"},
        "participants": 2, "door_openers": 2, "retired_door_openers": 0,
        "matches": 3, "meetings": 2, "doors_opened": 1, "doors_per_meeting": 0.5,
        "relay_depth": {"1": 2}, "reach": {"mean": 1.5, "median": 1.5, "max": 2},
        "follow_ups": 1, "understood_market_better": 0.0, "integration_helped": 1.0,
        "kept_in_contact": 1.0, "outcomes": {**NO_OUTCOMES, "internship": 1},
        "rematch_rate": 0.0, "median_days_to_first_meeting": 24.5,
        "filters": {"industry": "J", "place": "01"},
        "branching_factor": 0.0,
        "completion_per_generation": {"2": {"doors": 1, "met": 0, "share": 0.0}},
        "structural_virality": {"participants": 2, "median": (4 / 3 + 1.0) / 2, "max": 4 / 3},
        "retired_share_of_meetings": 0.0, "digital_share_of_meetings": 0.5,
        "reach_distribution": {"1": 1, "2": 1},
        "monthly": [
            *quiet("2025-01", "2025-02"), month("2025-03", 0, 0, 1, None),
            month("2025-04", 1, 1, 0, 2.0), month("2025-05", 1, 0, 1, 1.0),
            *quiet(*(f"2025-{m:02d}" for m in range(6, 13))),
        ],
    }, p90=1.9, virality_mean=(4 / 3 + 1.0) / 2)


def test_reach_is_the_network_endpoints_total(programme: Programme, viewer: TestClient) -> None:
    totals = sorted(
        programme.api.get(f"/api/v1/participants/{programme.ids[name]}/network").json()["reach"]["total"]
        for name in ("A", "B", "C", "X")
    )
    assert totals == [1, 1, 2, 3]
    found = report(viewer, **{"from": "2025-01-01", "to": "2025-12-31"})
    from_report = sorted(
        int(reach) for reach, n in found["reach_distribution"].items() for _ in range(n)
    )
    assert from_report == totals
    assert found["reach"]["max"] == max(totals)
