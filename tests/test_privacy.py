"""Privacy: the audit trail, subject access export, and consent withdrawal as erasure."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests import factories


def test_writes_and_contact_reads_are_audited_with_ids_only(
    admin: TestClient, staff: TestClient, viewer: TestClient
) -> None:
    person = staff.post("/api/v1/people", json=factories.participant(name="Amira Haddad"))
    pid = person.json()["id"]
    staff.get(f"/api/v1/people/{pid}")
    viewer.get(f"/api/v1/people/{pid}")
    events = admin.get("/api/v1/audit", params={"target_id": pid}).json()["items"]
    assert [e["action"] for e in events] == [
        "GET /api/v1/people/{person_id}",
    ]
    created = admin.get("/api/v1/audit", params={"token_name": "test-staff"}).json()["items"]
    assert "POST /api/v1/people" in [e["action"] for e in created]
    assert all(e["token_name"] == "test-staff" for e in created)
    dump = str(admin.get("/api/v1/audit").json())
    assert "Amira" not in dump and "example.org" not in dump


def test_audit_log_is_for_admins_only(staff: TestClient) -> None:
    assert staff.get("/api/v1/audit").status_code == 403


def test_export_holds_the_profile_for_staff_and_is_refused_to_viewers(
    staff: TestClient, viewer: TestClient
) -> None:
    body = factories.participant()
    pid = staff.post("/api/v1/people", json=body).json()["id"]
    export = staff.get(f"/api/v1/people/{pid}/export")
    assert export.status_code == 200
    data = export.json()
    assert data["profile"]["email"] == body["email"]
    assert data["matches"] == [] and data["meetings"] == [] and data["doors"] == []
    assert viewer.get(f"/api/v1/people/{pid}/export").status_code == 403


def test_withdrawing_consent_erases_the_person(staff: TestClient) -> None:
    pid = staff.post("/api/v1/people", json=factories.participant()).json()["id"]
    response = staff.patch(f"/api/v1/people/{pid}", json={"consent": False})
    assert response.status_code == 200
    erased = response.json()
    assert erased["erased"] is True and erased["name"] is None and erased["email"] is None
    assert erased["active"] is False
