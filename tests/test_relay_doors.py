"""Opening doors over HTTP against the real Neo4j: relay matches, the limit, refusals, stalls."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from graphsvc.settings import Settings
from tests import factories
from tests import relay_steps as steps
from tests.factories import sign_up


def _met(staff: TestClient) -> tuple[str, str, dict[str, Any]]:
    """A participant, a door-opener, and the meeting of their generation-1 match."""
    participant = steps.participant(staff)
    door_opener = steps.door_opener(staff)
    match = steps.match(staff, participant, door_opener)
    return participant, door_opener, steps.meet(staff, match["id"])


def _people_count(staff: TestClient) -> int:
    return len(staff.get("/api/v1/people", params={"limit": 500}).json()["items"])


def test_door_openers_doors_make_relay_matches_one_generation_on(staff: TestClient) -> None:
    participant, door_opener, meeting = _met(staff)
    contact = steps.door_opener(staff)
    new_body = factories.door_opener(name="Ny Kontakt")
    response = steps.doors(staff, meeting["id"], contact, new_body)
    assert response.status_code == 201, response.text
    result = response.json()
    new_id = next(d["to_id"] for d in result["doors"] if d["to_id"] != contact)
    assert [d["to_id"] for d in result["doors"]] == [contact, new_id]
    for door in result["doors"]:
        assert door["from_id"] == door_opener and door["for_id"] == participant
        assert door["generation"] == 2 and door["id"]
    assert len(result["matches"]) == 2
    for made, to in zip(result["matches"], [contact, new_id], strict=True):
        assert made["participant"]["id"] == participant and made["door_opener"]["id"] == to
        assert made["generation"] == 2 and made["status"] == "proposed"
    created = staff.get(f"/api/v1/people/{new_id}").json()
    assert created["name"] == "Ny Kontakt" and "door_opener" in created["roles"]


def test_relay_matches_are_mailed_after_the_commit(staff: TestClient, settings: Settings) -> None:
    _, _, meeting = _met(staff)
    before = set(settings.outbox.glob("*.eml"))
    response = steps.doors(staff, meeting["id"], steps.door_opener(staff), steps.door_opener(staff))
    relay_ids = {m["id"] for m in response.json()["matches"]}
    assert all(m["notification"] == "sent" for m in response.json()["matches"])
    mailed = [p.name for p in set(settings.outbox.glob("*.eml")) - before]
    assert len(mailed) == 4
    assert {i for i in relay_ids if sum(i in name for name in mailed) == 2} == relay_ids


def test_relay_match_is_made_even_without_free_capacity(staff: TestClient) -> None:
    _, _, meeting = _met(staff)
    busy = steps.door_opener(staff, max_active_matches=1)
    steps.match(staff, steps.participant(staff), busy)
    response = steps.doors(staff, meeting["id"], busy)
    assert response.status_code == 201, response.text
    assert response.json()["matches"][0]["door_opener"]["id"] == busy


def test_new_contact_opened_by_a_door_opener_becomes_one(staff: TestClient) -> None:
    _, _, meeting = _met(staff)
    body = factories.door_opener(roles=["participant"], foreign_background=True)
    response = steps.doors(staff, meeting["id"], body)
    assert response.status_code == 201, response.text
    person = staff.get(f"/api/v1/people/{response.json()['doors'][0]['to_id']}").json()
    assert sorted(person["roles"]) == ["door_opener", "participant"]


def test_a_third_door_from_one_meeting_is_refused_and_writes_nothing(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    first = steps.doors(staff, meeting["id"], steps.door_opener(staff), steps.door_opener(staff))
    assert first.status_code == 201
    before = steps.network(staff, participant)
    people = _people_count(staff)
    third = steps.doors(staff, meeting["id"], factories.door_opener())
    assert third.status_code == 409
    assert "at most 2" in third.json()["detail"]
    assert steps.network(staff, participant) == before
    assert _people_count(staff) == people


def test_three_doors_in_one_request_are_refused_whole(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    contacts = [steps.door_opener(staff) for _ in range(3)]
    assert steps.doors(staff, meeting["id"], *contacts).status_code == 409
    assert steps.reach(staff, participant)["introduced"] == 0


def test_fifty_concurrent_door_requests_for_the_last_place_open_exactly_one(
    staff: TestClient, graph: Graph
) -> None:
    participant, _, meeting = _met(staff)
    assert steps.doors(staff, meeting["id"], steps.door_opener(staff)).status_code == 201
    contacts = [sign_up(graph, factories.door_opener()) for _ in range(50)]
    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = list(pool.map(lambda c: steps.doors(staff, meeting["id"], c).status_code, contacts))
    assert sorted(codes) == [201] + [409] * 49
    reach = steps.reach(staff, participant)
    assert reach["introduced"] == 2 and reach["total"] == 3


def test_contact_who_is_the_participant_is_409_naming_them(staff: TestClient) -> None:
    participant, door_opener, meeting = _met(staff)
    for who in (participant, door_opener):
        response = steps.doors(staff, meeting["id"], who)
        assert response.status_code == 409 and who in response.json()["detail"]


def test_inactive_or_erased_contact_is_409_naming_them(
    admin: TestClient, staff: TestClient
) -> None:
    _, _, meeting = _met(staff)
    paused = steps.door_opener(staff)
    staff.post(f"/api/v1/people/{paused}/deactivate")
    gone = steps.door_opener(staff)
    admin.delete(f"/api/v1/people/{gone}")
    for who, word in ((paused, "inactive"), (gone, "erased")):
        response = steps.doors(staff, meeting["id"], who)
        assert response.status_code == 409
        assert who in response.json()["detail"] and word in response.json()["detail"]


def test_contact_already_in_the_participants_tree_is_409(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    contact = steps.door_opener(staff)
    assert steps.doors(staff, meeting["id"], contact).status_code == 201
    relay = next(
        e for e in steps.network(staff, participant)["edges"]
        if e["type"] == "MATCHED" and e["target"] == contact
    )
    assert relay["generation"] == 2
    response = steps.doors(staff, meeting["id"], contact)
    assert response.status_code == 409
    assert contact in response.json()["detail"] and "tree" in response.json()["detail"]


def test_unknown_contact_and_ineligible_new_contact_are_422(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    unknown = steps.doors(staff, meeting["id"], "p_nope")
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "contacts", "0", "person_id"]
    no_swedish = steps.doors(
        staff, meeting["id"], steps.door_opener(staff), factories.door_opener(languages=["en"])
    )
    assert no_swedish.status_code == 422
    assert no_swedish.json()["detail"][0]["loc"] == ["body", "contacts", "1", "languages"]
    twice = steps.doors(
        staff,
        meeting["id"],
        factories.door_opener(email="same@example.org"),
        factories.door_opener(email="SAME@example.org"),
    )
    assert twice.status_code == 422
    assert steps.reach(staff, participant)["introduced"] == 0


def test_new_contact_with_a_known_email_is_409_and_writes_nothing(staff: TestClient) -> None:
    participant, _, meeting = _met(staff)
    steps.door_opener(staff, email="known@example.org")
    people = _people_count(staff)
    clash = factories.door_opener(email="Known@example.org")
    response = steps.doors(staff, meeting["id"], factories.door_opener(), clash)
    assert response.status_code == 409
    assert "Known@example.org" in response.json()["detail"]
    assert _people_count(staff) == people
    assert steps.reach(staff, participant)["introduced"] == 0


def test_participant_opens_doors_for_the_door_opener_without_matches(staff: TestClient) -> None:
    participant, door_opener, meeting = _met(staff)
    contact = steps.participant(staff)
    response = steps.doors(staff, meeting["id"], contact, by="participant")
    assert response.status_code == 201, response.text
    result = response.json()
    assert result["matches"] == []
    door = result["doors"][0]
    assert (door["from_id"], door["to_id"], door["for_id"]) == (participant, contact, door_opener)
    assert door["generation"] == 2
    assert steps.reach(staff, participant) == {"met": 1, "introduced": 0, "total": 1, "depth": 1}
    # the participant's doors do not count against the door-opener's limit
    two = steps.doors(staff, meeting["id"], steps.door_opener(staff), steps.door_opener(staff))
    assert two.status_code == 201


def test_doors_for_an_unknown_meeting_are_404(staff: TestClient, viewer: TestClient) -> None:
    response = steps.doors(staff, "mt_nope", steps.door_opener(staff))
    assert response.status_code == 404 and "mt_nope" in response.json()["detail"]
    _, _, meeting = _met(staff)
    assert steps.doors(viewer, meeting["id"], steps.door_opener(staff)).status_code == 403


def test_stalled_relays_list_old_doors_without_a_meeting_oldest_first(
    staff: TestClient, viewer: TestClient, graph: Graph
) -> None:
    participant, _, meeting = _met(staff)
    first, second = steps.door_opener(staff), steps.door_opener(staff)
    opened = steps.doors(staff, meeting["id"], first, second).json()
    assert staff.get("/api/v1/relays/stalled").json()["items"] == []
    _age_doors(graph, [d["id"] for d in opened["doors"]], days=[40, 35])
    stalled = staff.get("/api/v1/relays/stalled", params={"days": 30}).json()["items"]
    assert [s["contact"]["id"] for s in stalled] == [first, second]
    assert stalled[0]["days_waiting"] == 40 and stalled[0]["participant"]["id"] == participant
    assert stalled[0]["match_id"] == opened["matches"][0]["id"]
    older = staff.get("/api/v1/relays/stalled", params={"days": 38}).json()["items"]
    assert [s["contact"]["id"] for s in older] == [first]

    page = staff.get("/api/v1/relays/stalled", params={"limit": 1}).json()
    rest = staff.get(
        "/api/v1/relays/stalled", params={"limit": 1, "cursor": page["next_cursor"]}
    ).json()
    assert [s["door_id"] for s in page["items"] + rest["items"]] == [
        s["door_id"] for s in stalled
    ]
    steps.meet(staff, opened["matches"][0]["id"])
    left = staff.get("/api/v1/relays/stalled").json()["items"]
    assert [s["contact"]["id"] for s in left] == [second]
    assert viewer.get("/api/v1/relays/stalled").status_code == 403
    assert staff.get("/api/v1/relays/stalled", params={"days": -1}).status_code == 422


def _age_doors(graph: Graph, door_ids: list[str], *, days: list[int]) -> None:
    """Moves doors into the past, as if opened `days` ago (there is no API to backdate them)."""
    with graph.driver.session(database=graph.database) as session:
        for door_id, age in zip(door_ids, days, strict=True):
            session.run(
                "MATCH ()-[o:OPENED_DOOR {id: $id}]->() "
                "SET o.at = o.at - duration({days: $days})",
                id=door_id,
                days=age,
            ).consume()
