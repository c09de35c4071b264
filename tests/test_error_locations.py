"""A 422 raised by a service names where the value came from, as FastAPI's own 422s do:
`["path", name]` for a path parameter, `["query", name]` for a query parameter, else the body."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests import factories


def _first_error(response: Any) -> dict[str, Any]:
    assert response.status_code == 422, response.text
    error: dict[str, Any] = response.json()["detail"][0]
    return error


def test_reactivating_an_erased_person_names_the_path_parameter(
    admin: TestClient, staff: TestClient
) -> None:
    person = staff.post("/api/v1/people", json=factories.participant()).json()["id"]
    assert admin.delete(f"/api/v1/people/{person}").status_code in (200, 204)
    error = _first_error(staff.post(f"/api/v1/people/{person}/reactivate"))
    assert error["loc"] == ["path", "person_id"] and error["input"] == person


def test_candidates_of_someone_who_is_no_participant_name_the_path_parameter(
    staff: TestClient,
) -> None:
    door_opener = staff.post("/api/v1/people", json=factories.door_opener()).json()["id"]
    error = _first_error(staff.get(f"/api/v1/participants/{door_opener}/candidates"))
    assert error["loc"] == ["path", "participant_id"] and error["input"] == door_opener


def test_a_report_from_after_today_without_to_names_the_query_parameter(
    staff: TestClient,
) -> None:
    """Without `to` the period ends today, which the service (not the model) knows."""
    response = staff.get("/api/v1/reports/impact", params={"from": "2099-05-01"})
    error = _first_error(response)
    assert error["loc"] == ["query", "from"] and error["input"] == "2099-05-01"


def test_a_foreign_cursor_names_the_query_parameter(staff: TestClient) -> None:
    error = _first_error(staff.get("/api/v1/rematch-queue", params={"cursor": "nope"}))
    assert error["loc"] == ["query", "cursor"]


def test_a_rule_on_a_body_field_still_names_the_body(staff: TestClient) -> None:
    error = _first_error(staff.post("/api/v1/people", json=factories.door_opener(work_years=1)))
    assert error["loc"] == ["body", "work_years"]
