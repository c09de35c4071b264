"""Links at once: whatever path makes a match or records a meeting, the self-service mails go
out right after the commit, and the hourly run finds nothing left to send but reminders. A mail
server that is down costs no write: the failure is recorded and the next run sends the mail."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.selfservice import reminders
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.settings import SelfServiceSettings
from graphsvc.services import tokens
from graphsvc.settings import Settings
from tests import factories
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    LINK,
    Browser,
    Clock,
    Mailbox,
    app_and_browser,
    ctx,
    free_port,
    mail_settings,
    mailbox,
    mails_of,
    options,
    staff_client,
    test_clock,
)

ANSWERS = {"match-accept", "match-propose", "match-decline"}


def pair(graph: Graph) -> tuple[dict[str, str], str, str]:
    """A participant and a door-opener who can be matched: the body, and their addresses."""
    participant, door_opener = factories.participant(), factories.door_opener()
    body = {
        "participant_id": factories.sign_up(graph, participant),
        "door_opener_id": factories.sign_up(graph, door_opener),
    }
    return body, participant["email"], door_opener["email"]


def purposes(mailbox: Mailbox, address: str, ref: str) -> set[str]:
    """The purposes of the links in the mails to `address` about `ref`."""
    return {
        found
        for m in mailbox.to(address)
        if m["X-Dorrnat-Match"] == ref
        for _, found in LINK.findall(Mailbox.text(m))
    }


def test_a_meeting_staff_record_asks_for_contacts_and_follow_up_at_once(
    staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    body, participant, door_opener = pair(graph)
    match_id = staff_client.post("/api/v1/matches", json=body).json()["id"]
    held = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    made = staff_client.post(
        f"/api/v1/matches/{match_id}/meeting", json={"held_at": held, "mode": "digital"}
    )
    assert made.status_code == 201, made.text
    meeting_id = made.json()["id"]
    assert purposes(mailbox, door_opener, meeting_id) >= {"contacts"}
    assert purposes(mailbox, participant, meeting_id) >= {"follow-up"}
    again = staff_client.post(
        f"/api/v1/matches/{match_id}/meeting", json={"held_at": held, "mode": "digital"}
    )
    assert again.status_code == 200
    assert len(mailbox.to(door_opener)) == 2  # the match mail and one contacts mail
    counts = reminders.run(ctx, graph)
    assert counts["after_meeting"] == 0 and counts["match_links"] == 0


def test_a_match_mail_refused_by_the_mail_server_keeps_the_match_and_the_next_run_sends_it(
    graph: Graph,
    mail_settings: Settings,
    options: SelfServiceSettings,
    test_clock: Clock,
    mailbox: Mailbox,
    ctx: SelfService,
) -> None:
    down = mail_settings.model_copy(update={"smtp_port": free_port()})  # nothing listens there
    app = create_app(down, graph=graph)
    app.state.selfservice = SelfService.build(down, options, now=test_clock.now)
    staff = Browser(app)
    staff.headers["Authorization"] = f"Bearer {tokens.create_token(graph, role='staff', name='t')}"
    body, participant, door_opener = pair(graph)
    with staff:
        made = staff.post("/api/v1/matches", json=body)
    assert made.status_code == 201, made.text
    match_id = made.json()["id"]
    assert made.json()["notification"] == "failed" and mailbox.received == []

    assert reminders.run(ctx, graph)["match_links"] == 2  # the mail server is back
    for address in (participant, door_opener):
        assert purposes(mailbox, address, match_id) >= ANSWERS
    assert reminders.run(ctx, graph)["match_links"] == 0
    assert len(mailbox.received) == 2


def test_batch_matches_and_relay_matches_from_doors_carry_their_answer_links(
    staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    body, participant, door_opener = pair(graph)
    batch = staff_client.post(
        "/api/v1/matches/batch", json={"participant_ids": [body["participant_id"]]}
    )
    assert batch.status_code == 200, batch.text
    (assignment,) = batch.json()["assignments"]
    first = assignment["match_id"]
    assert purposes(mailbox, participant, first) >= ANSWERS
    assert purposes(mailbox, door_opener, first) >= ANSWERS

    held = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    meeting = staff_client.post(
        f"/api/v1/matches/{first}/meeting", json={"held_at": held, "mode": "in_person"}
    ).json()
    contact = factories.door_opener()
    opened = staff_client.post(
        f"/api/v1/meetings/{meeting['id']}/doors",
        json={"opened_by": "door_opener", "contacts": [contact]},
    )
    assert opened.status_code == 201, opened.text
    (relay,) = opened.json()["matches"]
    assert purposes(mailbox, contact["email"], relay["id"]) >= ANSWERS
    assert purposes(mailbox, participant, relay["id"]) >= ANSWERS
    assert not any(mails_of(reminders.run(ctx, graph)).values())
