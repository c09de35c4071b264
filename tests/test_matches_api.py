"""Proposals over HTTP against the real Neo4j: rules, capacity under concurrency, statuses, mail."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from fastapi.testclient import TestClient

from graphsvc.clock import STOCKHOLM
from graphsvc.errors import Conflict
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.match import MatchCreate
from graphsvc.models.token import Principal
from graphsvc.services import matches, people
from graphsvc.services.matches import pick_mode
from graphsvc.settings import Settings
from tests import factories
from tests.factories import sign_up


def _propose(client: TestClient, participant_id: str, door_opener_id: str) -> Any:
    return client.post(
        "/api/v1/matches",
        json={"participant_id": participant_id, "door_opener_id": door_opener_id},
    )


def _cypher(graph: Graph, text: str, **params: Any) -> list[dict[str, Any]]:
    """Test-only look at (or touch of) the stored graph."""
    with graph.driver.session(database=graph.database) as session:
        return [r.data() for r in session.run(text, params)]


def _pair(graph: Graph, **door_opener: Any) -> tuple[str, str]:
    return sign_up(graph, factories.participant()), sign_up(
        graph, factories.door_opener(**door_opener)
    )


def test_staff_proposes_a_match_with_a_suggested_hour_and_both_are_mailed(
    graph: Graph, staff: TestClient, settings: Settings
) -> None:
    participant, door_opener = _pair(graph)
    before = datetime.now(STOCKHOLM)
    response = _propose(staff, participant, door_opener)
    assert response.status_code == 201, response.text
    match = response.json()
    assert match["id"] and match["status"] == "proposed" and match["generation"] == 1
    assert match["participant"]["id"] == participant
    assert match["door_opener"]["id"] == door_opener
    assert match["duration_minutes"] == 60 and match["mode"] == "in_person"
    assert match["notification"] == "sent" and match["relay"] is False
    at = datetime.fromisoformat(match["suggested_time"]).astimezone(STOCKHOLM)
    assert at.isoweekday() == 2 and 13 <= at.hour <= 15 and at.minute in (0, 30)
    assert at.date() > before.date()
    candidates = staff.get(f"/api/v1/participants/{participant}/candidates").json()["items"]
    assert candidates == []  # matched now, so no longer a candidate
    score = _cypher(graph, "MATCH ()-[m:MATCHED {id: $id}]->() RETURN m.score AS s", id=match["id"])
    assert match["score"] == score[0]["s"] > 0
    mails = sorted(settings.outbox.glob("*.eml"))
    assert len(mails) == 2
    assert staff.get(f"/api/v1/matches/{match['id']}").json() == match


def test_the_match_score_is_the_candidate_score(graph: Graph, staff: TestClient) -> None:
    participant, door_opener = _pair(graph)
    [candidate] = staff.get(f"/api/v1/participants/{participant}/candidates").json()["items"]
    assert _propose(staff, participant, door_opener).json()["score"] == candidate["score"]


def test_proposal_beyond_capacity_is_409(graph: Graph, staff: TestClient) -> None:
    participant, door_opener = _pair(graph)
    assert _propose(staff, participant, door_opener).status_code == 201
    other = sign_up(graph, factories.participant())
    response = _propose(staff, other, door_opener)
    assert response.status_code == 409
    assert "capacity" in response.json()["detail"]


def test_a_pair_matched_or_met_before_is_409_even_after_a_decline(
    graph: Graph, staff: TestClient
) -> None:
    participant, door_opener = _pair(graph)
    match = _propose(staff, participant, door_opener).json()
    assert staff.post(f"/api/v1/matches/{match['id']}/decline").status_code == 200
    again = _propose(staff, participant, door_opener)
    assert again.status_code == 409 and "before" in again.json()["detail"]
    met = sign_up(graph, factories.door_opener())
    _cypher(
        graph,
        "MATCH (p:Person {id: $p}) MATCH (d:Person {id: $d}) CREATE (p)-[:MET {id: 'x'}]->(d)",
        p=participant,
        d=met,
    )
    assert _propose(staff, participant, met).status_code == 409


def test_inactive_people_are_422_naming_the_field_and_value(
    graph: Graph, staff: TestClient
) -> None:
    participant, door_opener = _pair(graph)
    people.set_active(graph, door_opener, active=False)
    response = _propose(staff, participant, door_opener)
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["body", "door_opener_id"] and detail["input"] == door_opener
    assert "inactive" in detail["msg"]
    people.set_active(graph, participant, active=False)
    people.set_active(graph, door_opener, active=True)
    assert _propose(staff, participant, door_opener).json()["detail"][0]["loc"] == [
        "body",
        "participant_id",
    ]


def test_wrong_roles_and_unknown_people_are_422(graph: Graph, staff: TestClient) -> None:
    participant, door_opener = _pair(graph)
    swapped = _propose(staff, door_opener, participant)
    assert swapped.status_code == 422
    assert "not a participant" in swapped.json()["detail"][0]["msg"]
    unknown = _propose(staff, participant, "p_nope")
    assert unknown.status_code == 422
    assert unknown.json()["detail"][0]["loc"] == ["body", "door_opener_id"]
    assert unknown.json()["detail"][0]["input"] == "p_nope"


def test_no_shared_language_is_422_naming_both_languages(graph: Graph, staff: TestClient) -> None:
    participant = sign_up(graph, factories.participant(languages=["ar", "ti"]))
    door_opener = sign_up(graph, factories.door_opener(languages=["sv", "en"]))
    response = _propose(staff, participant, door_opener)
    assert response.status_code == 422
    detail = response.json()["detail"][0]
    assert detail["input"] == door_opener and "share no language" in detail["msg"]
    assert "ar, ti" in detail["msg"]


def test_fifty_concurrent_proposals_for_one_free_place_make_exactly_one_match(
    graph: Graph, staff: TestClient
) -> None:
    door_opener = sign_up(graph, factories.door_opener(max_active_matches=1))
    participants = [sign_up(graph, factories.participant()) for _ in range(50)]
    with ThreadPoolExecutor(max_workers=50) as pool:
        codes = sorted(
            pool.map(lambda p: _propose(staff, p, door_opener).status_code, participants)
        )
    assert codes == [201] + [409] * 49
    open_matches = _cypher(
        graph, "MATCH (:Person)-[m:MATCHED]->(:Person {id: $d}) RETURN count(m) AS n", d=door_opener
    )
    assert open_matches[0]["n"] == 1


def test_capacity_holds_when_twenty_threads_propose_through_the_service_at_once(
    graph: Graph, settings: Settings
) -> None:
    door_opener = sign_up(graph, factories.door_opener(max_active_matches=2))
    participants = [sign_up(graph, factories.participant()) for _ in range(20)]

    def attempt(participant_id: str) -> str:
        try:
            matches.propose(
                graph,
                settings,
                MatchCreate(participant_id=participant_id, door_opener_id=door_opener),
            )
        except Conflict:
            return "conflict"
        return "made"

    with ThreadPoolExecutor(max_workers=20) as pool:
        outcomes = sorted(pool.map(attempt, participants))
    assert outcomes == ["conflict"] * 18 + ["made"] * 2


def test_accept_decline_cancel_follow_the_allowed_transitions(
    graph: Graph, staff: TestClient
) -> None:
    participant, door_opener = _pair(graph, max_active_matches=3)
    first = _propose(staff, participant, door_opener).json()["id"]
    accepted = staff.post(f"/api/v1/matches/{first}/accept")
    assert accepted.status_code == 200 and accepted.json()["status"] == "accepted"
    assert staff.post(f"/api/v1/matches/{first}/accept").status_code == 409
    assert staff.post(f"/api/v1/matches/{first}/decline").status_code == 409
    cancelled = staff.post(f"/api/v1/matches/{first}/cancel")
    assert cancelled.json()["status"] == "cancelled"
    refused = staff.post(f"/api/v1/matches/{first}/accept")
    assert refused.status_code == 409 and "cancelled" in refused.json()["detail"]
    assert staff.post("/api/v1/matches/m_nope/cancel").status_code == 404
    assert staff.get("/api/v1/matches/m_nope").status_code == 404


def test_declining_or_cancelling_frees_the_door_openers_place(
    graph: Graph, staff: TestClient
) -> None:
    participant, door_opener = _pair(graph)
    match = _propose(staff, participant, door_opener).json()
    second = sign_up(graph, factories.participant())
    assert _propose(staff, second, door_opener).status_code == 409
    staff.post(f"/api/v1/matches/{match['id']}/cancel")
    assert _propose(staff, second, door_opener).status_code == 201


def test_viewer_reads_a_match_with_initials_only_and_cannot_change_it(
    graph: Graph, staff: TestClient, viewer: TestClient
) -> None:
    participant, door_opener = _pair(graph)
    match = _propose(staff, participant, door_opener).json()
    seen = viewer.get(f"/api/v1/matches/{match['id']}")
    assert seen.status_code == 200
    for person in (seen.json()["participant"], seen.json()["door_opener"]):
        assert "email" not in person and "phone" not in person
        assert person["name"].endswith(".")
    assert viewer.post(f"/api/v1/matches/{match['id']}/accept").status_code == 403
    assert _propose(viewer, participant, door_opener).status_code == 403


def test_a_new_match_takes_the_participant_off_the_rematch_queue(
    graph: Graph, staff: TestClient
) -> None:
    participant, door_opener = _pair(graph)
    _cypher(graph, "MATCH (p:Person {id: $p}) SET p.rematch_since = datetime()", p=participant)
    assert _propose(staff, participant, door_opener).status_code == 201
    rows = _cypher(graph, "MATCH (p:Person {id: $p}) RETURN p.rematch_since AS r", p=participant)
    assert rows[0]["r"] is None


def test_a_door_openers_second_open_match_gets_another_hour(
    graph: Graph, staff: TestClient
) -> None:
    door_opener = sign_up(graph, factories.door_opener(max_active_matches=2))
    times = [
        _propose(staff, sign_up(graph, factories.participant()), door_opener).json()[
            "suggested_time"
        ]
        for _ in range(2)
    ]
    first, second = (datetime.fromisoformat(t) for t in times)
    assert abs(second - first) >= timedelta(hours=1)


def test_mode_is_in_person_in_one_county_and_digital_across_counties(
    graph: Graph, staff: TestClient
) -> None:
    participant = sign_up(graph, factories.participant(home_place="1480"))
    stockholm = sign_up(graph, factories.door_opener(home_place="0180"))
    assert _propose(staff, participant, stockholm).json()["mode"] == "digital"
    assert pick_mode(["in_person", "digital"], ["in_person"], same_county=True) == "in_person"
    assert pick_mode(["in_person", "digital"], ["in_person"], same_county=False) == "in_person"
    assert pick_mode(["digital"], ["in_person", "digital"], same_county=True) == "digital"
    assert pick_mode(["digital"], ["in_person"], same_county=True) is None


def test_no_common_way_of_meeting_is_422(graph: Graph, staff: TestClient) -> None:
    participant = sign_up(graph, factories.participant(meeting_modes=["digital"]))
    door_opener = sign_up(graph, factories.door_opener(meeting_modes=["in_person"]))
    response = _propose(staff, participant, door_opener)
    assert response.status_code == 422 and "way of meeting" in response.json()["detail"][0]["msg"]


def test_a_relay_match_is_made_beyond_capacity_and_records_its_generation(
    graph: Graph, settings: Settings
) -> None:
    participant, door_opener = _pair(graph)
    first = sign_up(graph, factories.participant())
    at = datetime.now(STOCKHOLM)

    def propose(participant_id: str, relay: bool) -> str:
        def work(tx: Tx) -> str:
            return matches.propose_in_tx(
                tx,
                participant_id=participant_id,
                door_opener_id=door_opener,
                generation=3 if relay else 1,
                relay=relay,
                at=at,
            )

        return graph.transaction(work)

    propose(first, relay=False)
    relay_id = propose(participant, relay=True)
    matches.notify(graph, settings, [relay_id])
    match = matches.get_match(graph, relay_id, Principal(token_id="t", name="t", role="staff"))
    assert match.relay is True and match.generation == 3 and match.notification == "sent"


# --- mail: a failure never loses the match, and a resend goes through real SMTP -------------


class _Inbox:
    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def smtp() -> Iterator[tuple[int, _Inbox]]:
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield controller.port, inbox
    controller.stop()


def test_a_mail_failure_keeps_the_match_and_a_resend_delivers_both_mails(
    graph: Graph, staff: TestClient, settings: Settings, smtp: tuple[int, _Inbox]
) -> None:
    app = staff.app
    app.state.settings = settings.model_copy(  # type: ignore[attr-defined]
        update={"smtp_host": "127.0.0.1", "smtp_port": _free_port()}
    )
    participant, door_opener = _pair(graph)
    created = _propose(staff, participant, door_opener)
    assert created.status_code == 201 and created.json()["notification"] == "failed"
    match_id = created.json()["id"]
    assert staff.get(f"/api/v1/matches/{match_id}").json()["status"] == "proposed"
    port, inbox = smtp
    app.state.settings = settings.model_copy(  # type: ignore[attr-defined]
        update={"smtp_host": "127.0.0.1", "smtp_port": port}
    )
    resent = staff.post(f"/api/v1/matches/{match_id}/notify")
    assert resent.status_code == 200 and resent.json()["notification"] == "sent"
    assert len(inbox.envelopes) == 2
    match = resent.json()
    recipients = {e.rcpt_tos[0] for e in inbox.envelopes}
    assert recipients == {match["participant"]["email"], match["door_opener"]["email"]}
    first = message_from_bytes(inbox.envelopes[0].content, policy=policy.default)  # type: ignore[arg-type]
    assert isinstance(first, EmailMessage)
    assert first["X-Dorrnat-Match"] == match_id
    assert any(p.get_content_type() == "text/calendar" for p in first.iter_attachments())
    staff.post(f"/api/v1/matches/{match_id}/cancel")
    assert staff.post(f"/api/v1/matches/{match_id}/notify").status_code == 409
