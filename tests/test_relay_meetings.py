"""Meetings over HTTP against the real Neo4j: recording, no-doors and the queue, follow-ups."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from fastapi.testclient import TestClient

from graphsvc import clock
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from tests import relay_steps as steps

FOLLOW_UP = {
    "understood_market_better": True,
    "integration_helped": False,
    "kept_in_contact": True,
    "outcome": "internship",
}


def _met(staff: TestClient) -> tuple[str, str, dict[str, object]]:
    """A participant, a door-opener, and the meeting of their generation-1 match."""
    participant = steps.participant(staff)
    door_opener = steps.door_opener(staff)
    match = steps.match(staff, participant, door_opener)
    return participant, door_opener, steps.meet(staff, match["id"])


def test_recording_a_meeting_marks_the_match_met_with_its_generation(staff: TestClient) -> None:
    participant = steps.participant(staff)
    door_opener = steps.door_opener(staff)
    match = steps.match(staff, participant, door_opener)
    held_at = steps.days_ago(2)
    response = staff.post(
        f"/api/v1/matches/{match['id']}/meeting", json={"held_at": held_at, "mode": "digital"}
    )
    assert response.status_code == 201, response.text
    meeting = response.json()
    assert meeting["id"] and meeting["match_id"] == match["id"]
    assert meeting["participant_id"] == participant and meeting["door_opener_id"] == door_opener
    assert meeting["mode"] == "digital" and meeting["generation"] == 1
    assert steps.parse(meeting["held_at"]) == steps.parse(held_at)
    node = next(n for n in steps.network(staff, participant)["nodes"] if n["id"] == door_opener)
    assert node["status"] == "met"


def test_a_meeting_frees_the_door_openers_capacity(staff: TestClient) -> None:
    door_opener = steps.door_opener(staff, max_active_matches=1)
    first = steps.match(staff, steps.participant(staff), door_opener)
    refused = staff.post(
        "/api/v1/matches",
        json={"participant_id": steps.participant(staff), "door_opener_id": door_opener},
    )
    assert refused.status_code == 409
    steps.meet(staff, first["id"])
    steps.match(staff, steps.participant(staff), door_opener)


def test_held_at_in_the_future_is_422_and_writes_nothing(staff: TestClient) -> None:
    participant = steps.participant(staff)
    match = steps.match(staff, participant, steps.door_opener(staff))
    tomorrow = (clock.now() + timedelta(days=1)).isoformat()
    response = staff.post(
        f"/api/v1/matches/{match['id']}/meeting", json={"held_at": tomorrow, "mode": "in_person"}
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "held_at"]
    typo = staff.post(
        f"/api/v1/matches/{match['id']}/meeting",
        json={"held_at": "0202-03-01T10:00:00+01:00", "mode": "in_person"},
    )
    assert typo.status_code == 422 and typo.json()["detail"][0]["loc"] == ["body", "held_at"]
    assert steps.reach(staff, participant)["met"] == 0


def test_held_at_without_offset_is_read_as_stockholm_time(staff: TestClient) -> None:
    match = steps.match(staff, steps.participant(staff), steps.door_opener(staff))
    response = staff.post(
        f"/api/v1/matches/{match['id']}/meeting",
        json={"held_at": "2025-07-01T14:00:00", "mode": "in_person"},
    )
    assert response.status_code == 201
    assert steps.parse(response.json()["held_at"]).utcoffset() == timedelta(hours=2)


def test_recording_the_same_meeting_twice_returns_the_first(staff: TestClient) -> None:
    participant = steps.participant(staff)
    match = steps.match(staff, participant, steps.door_opener(staff))
    first = staff.post(
        f"/api/v1/matches/{match['id']}/meeting",
        json={"held_at": steps.days_ago(3), "mode": "in_person"},
    )
    again = staff.post(
        f"/api/v1/matches/{match['id']}/meeting",
        json={"held_at": steps.days_ago(1), "mode": "digital"},
    )
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()
    assert steps.reach(staff, participant)["met"] == 1


def test_concurrent_recordings_of_one_meeting_make_one(staff: TestClient, graph: Graph) -> None:
    match = steps.match(staff, steps.participant(staff), steps.door_opener(staff))
    body = {"held_at": steps.days_ago(1), "mode": "in_person"}
    with ThreadPoolExecutor(max_workers=6) as pool:
        responses = list(
            pool.map(
                lambda _: staff.post(f"/api/v1/matches/{match['id']}/meeting", json=body),
                range(6),
            )
        )
    assert sorted(r.status_code for r in responses) == [200] * 5 + [201]
    assert len({r.json()["id"] for r in responses}) == 1
    rows = graph.read(queries.relay.find_match, match_id=match["id"])
    assert rows[0]["meeting"]["id"] == responses[0].json()["id"]


def test_meeting_of_an_unknown_or_declined_match_is_refused(staff: TestClient) -> None:
    body = {"held_at": steps.days_ago(1), "mode": "in_person"}
    unknown = staff.post("/api/v1/matches/m_nope/meeting", json=body)
    assert unknown.status_code == 404 and "m_nope" in unknown.json()["detail"]
    match = steps.match(staff, steps.participant(staff), steps.door_opener(staff))
    assert staff.post(f"/api/v1/matches/{match['id']}/decline").status_code == 200
    declined = staff.post(f"/api/v1/matches/{match['id']}/meeting", json=body)
    assert declined.status_code == 409 and "declined" in declined.json()["detail"]


def test_viewer_cannot_record_meetings(staff: TestClient, viewer: TestClient) -> None:
    match = steps.match(staff, steps.participant(staff), steps.door_opener(staff))
    response = viewer.post(
        f"/api/v1/matches/{match['id']}/meeting",
        json={"held_at": steps.days_ago(1), "mode": "in_person"},
    )
    assert response.status_code == 403


def test_no_doors_queues_the_participant_and_a_new_match_unqueues_them(
    staff: TestClient, viewer: TestClient
) -> None:
    participant, door_opener, meeting = _met(staff)
    other = steps.door_opener(staff)
    response = staff.post(
        f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "Ingen i min bransch"}
    )
    assert response.status_code == 200, response.text
    entry = response.json()
    assert entry["participant"]["id"] == participant and entry["door_opener_id"] == door_opener
    queue = staff.get("/api/v1/rematch-queue").json()
    assert [e["participant"]["id"] for e in queue["items"]] == [participant]
    assert queue["items"][0]["reason"] == "Ingen i min bransch"
    assert queue["items"][0]["meeting_id"] == meeting["id"]
    seen = viewer.get("/api/v1/rematch-queue").json()["items"][0]
    assert seen["reason"] is None and "email" not in seen["participant"]

    candidates = staff.get(f"/api/v1/participants/{participant}/candidates").json()["items"]
    ids = [c["door_opener"]["id"] for c in candidates]
    assert other in ids and door_opener not in ids

    steps.match(staff, participant, other)
    assert staff.get("/api/v1/rematch-queue").json()["items"] == []


def test_no_doors_is_refused_once_the_door_opener_opened_doors(staff: TestClient) -> None:
    _, _, meeting = _met(staff)
    assert steps.doors(staff, meeting["id"], steps.door_opener(staff)).status_code == 201
    response = staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "x"})
    assert response.status_code == 409
    assert staff.get("/api/v1/rematch-queue").json()["items"] == []


def test_doors_opened_after_all_take_the_participant_off_the_queue(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "inga just nu"})
    assert len(staff.get("/api/v1/rematch-queue").json()["items"]) == 1
    assert steps.doors(staff, meeting["id"], steps.door_opener(staff)).status_code == 201
    assert staff.get("/api/v1/rematch-queue").json()["items"] == []
    again = staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "x"})
    assert again.status_code == 409
    assert steps.reach(staff, participant)["introduced"] == 1


def test_no_doors_reason_is_bounded_and_required(staff: TestClient) -> None:
    _, _, meeting = _met(staff)
    url = f"/api/v1/meetings/{meeting['id']}/no-doors"
    assert staff.post(url, json={"reason": "x" * 1001}).status_code == 422
    assert staff.post(url, json={"reason": "  "}).status_code == 422
    assert staff.post(url, json={}).status_code == 422
    assert staff.post("/api/v1/meetings/mt_nope/no-doors", json={"reason": "x"}).status_code == 404


def test_rematch_queue_is_longest_waiting_first_and_paged(staff: TestClient) -> None:
    queued = []
    for _ in range(3):
        participant, _, meeting = _met(staff)
        staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "inga"})
        queued.append(participant)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = staff.get("/api/v1/rematch-queue", params=params).json()
        seen += [e["participant"]["id"] for e in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == queued


def test_a_paused_participant_leaves_the_queue_while_paused(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "inga"})
    staff.post(f"/api/v1/people/{participant}/deactivate")
    assert staff.get("/api/v1/rematch-queue").json()["items"] == []
    staff.post(f"/api/v1/people/{participant}/reactivate")
    assert len(staff.get("/api/v1/rematch-queue").json()["items"]) == 1


def test_follow_up_is_stored_and_a_second_replaces_the_first(staff: TestClient) -> None:
    _, _, meeting = _met(staff)
    url = f"/api/v1/meetings/{meeting['id']}/follow-up"
    first = staff.post(url, json=FOLLOW_UP)
    assert first.status_code == 200, first.text
    stored = first.json()
    assert stored["revision"] == 1 and stored["by"] == "test-staff"
    assert {k: stored[k] for k in FOLLOW_UP} == FOLLOW_UP
    second = staff.post(url, json={**FOLLOW_UP, "outcome": "job", "kept_in_contact": False})
    replaced = second.json()
    assert replaced["revision"] == 2 and replaced["outcome"] == "job"
    assert replaced["kept_in_contact"] is False
    assert replaced["first_at"] == stored["first_at"] and replaced["at"] >= stored["at"]


def test_follow_up_refuses_unknown_meetings_bad_answers_and_viewers(
    staff: TestClient, viewer: TestClient
) -> None:
    _, _, meeting = _met(staff)
    url = f"/api/v1/meetings/{meeting['id']}/follow-up"
    assert staff.post("/api/v1/meetings/mt_nope/follow-up", json=FOLLOW_UP).status_code == 404
    assert staff.post(url, json={**FOLLOW_UP, "outcome": "fame"}).status_code == 422
    assert staff.post(url, json={"outcome": "job"}).status_code == 422
    assert viewer.post(url, json=FOLLOW_UP).status_code == 403


def test_erasure_removes_the_reason_and_the_comment_from_meetings(
    admin: TestClient, staff: TestClient
) -> None:
    participant, door_opener, meeting = _met(staff)
    staff.post(f"/api/v1/meetings/{meeting['id']}/no-doors", json={"reason": "Hon sa något"})
    staff.post(
        f"/api/v1/meetings/{meeting['id']}/follow-up", json={**FOLLOW_UP, "comment": "privat"}
    )
    assert admin.delete(f"/api/v1/people/{participant}").status_code == 204
    held = admin.get(f"/api/v1/people/{door_opener}/export").json()["meetings"][0]
    assert held.get("no_doors_reason") is None and held.get("follow_up_comment") is None
    assert held["no_doors_at"] and held["follow_up_outcome"] == "internship"
    assert staff.get("/api/v1/rematch-queue").json()["items"] == []
