"""Staff watch, not type: the waiting list (JSON and page), resending any mail, and the hourly
reminders run — once per reminder however often it runs — with stale invitations erased."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

from datetime import date

import pytest
from typer.testing import CliRunner

from graphsvc.graph.db import Graph
from graphsvc.selfservice import reminders, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.services import people, tokens
from tests.pages import signed_in
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    Browser,
    Clock,
    Mailbox,
    app_and_browser,
    browser,
    ctx,
    door_opener_form,
    mail_settings,
    mailbox,
    mails_of,
    options,
    participant_form,
    staff_client,
    test_clock,
)

AMIRA, ASA, KARIN = "amira@example.org", "asa@example.org", "karin@example.org"


def person_id(graph: Graph, email: str) -> str:
    return next(p.id for p in people.list_people(graph, q=email).items if p.email == email)


def up_to_contacts(
    browser: Browser, staff: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> str:
    """Both sign up and confirm, staff match them, both accept, they meet; returns the match."""
    for path, form in (
        ("/join/participant", participant_form("Amira Haddad", AMIRA)),
        ("/join/door-opener", door_opener_form("Åsa Öberg", ASA)),
    ):
        browser.submit(path, form)
        browser.submit(mailbox.link(str(form["email"]), "confirm"))
    body = {"participant_id": person_id(graph, AMIRA), "door_opener_id": person_id(graph, ASA)}
    match_id = str(staff.post("/api/v1/matches", json=body).json()["id"])
    browser.submit(mailbox.link(AMIRA, "match-accept"))
    browser.submit(mailbox.link(ASA, "match-accept"))
    browser.submit(mailbox.link(AMIRA, "met"), {"mode": "digital", "day": date.today().isoformat()})
    return match_id


def test_the_waiting_list_shows_unconfirmed_sign_ups_and_resends_their_mail(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    browser.submit("/join/participant", participant_form("Amira Haddad", AMIRA))
    listed = staff_client.get("/api/v1/waiting").json()
    (item,) = listed["items"]
    assert item["kind"] == "sign_up" and item["waiting_for"] == ["person"]
    assert item["people"][0]["email"] == AMIRA and listed["next_cursor"] is None

    resent = staff_client.post(f"/api/v1/waiting/sign_up/{item['id']}/resend")
    assert resent.status_code == 200 and resent.json()["sent"] == 1
    assert len(mailbox.links(AMIRA, "confirm")) == 2
    browser.submit(mailbox.link(AMIRA, "confirm"))
    assert staff_client.get("/api/v1/waiting").json()["items"] == []
    assert staff_client.post(f"/api/v1/waiting/sign_up/{item['id']}/resend").status_code == 404


def test_the_waiting_list_is_for_staff_only(app_and_browser: Browser, graph: Graph) -> None:
    viewer = Browser(app_and_browser.app)
    viewer.headers["Authorization"] = (
        f"Bearer {tokens.create_token(graph, role='viewer', name='v')}"
    )
    assert viewer.get("/api/v1/waiting").status_code == 403
    assert viewer.post("/api/v1/waiting/sign_up/p_x/resend").status_code == 403
    assert Browser(app_and_browser.app).get("/api/v1/waiting").status_code == 401


def test_the_waiting_page_sends_a_browser_without_a_session_to_the_login_form(
    app_and_browser: Browser, graph: Graph
) -> None:
    signed_out = Browser(app_and_browser.app)
    response = signed_out.get("/ui/waiting?lang=en", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/ui/login?lang=en&next=%2Fui%2Fwaiting%3Flang%3Den"
    resend = signed_out.post("/ui/waiting/sign_up/p_x/resend", follow_redirects=False)
    assert resend.status_code == 303 and resend.headers["location"].startswith("/ui/login?")

    viewer = signed_in(app_and_browser, graph, "viewer")
    assert viewer.get("/ui/waiting", follow_redirects=False).status_code == 403
    staff = signed_in(app_and_browser, graph, "staff")
    page = staff.get("/ui/waiting?lang=en", follow_redirects=False)
    assert page.status_code == 200 and "<h1>" in page.text


def test_the_waiting_page_lists_invitations_and_resends_with_a_csrf_token(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    up_to_contacts(browser, staff_client, mailbox, graph, ctx)
    browser.submit(
        mailbox.link(ASA, "contacts"), {"contact-1-name": "Karin Lund", "contact-1-email": KARIN}
    )
    page = staff_client.get("/ui/waiting")
    assert page.status_code == 200
    assert "Inbjudningar utan svar (1)" in page.text and "Karin Lund" in page.text
    (invitation,) = staff_client.get("/api/v1/waiting?kind=invitation").json()["items"]
    path = f"/ui/waiting/invitation/{invitation['id']}/resend"
    assert staff_client.post(path, data={}).status_code == 403
    token = staff_client.token("/ui/waiting")
    done = staff_client.post(path, data={"csrf_token": token}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/ui/waiting?done=sent"
    assert len(mailbox.to(KARIN)) == 2


def test_reminders_go_out_once_however_often_the_run_runs(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService,
    test_clock: Clock,
) -> None:  # fmt: skip
    browser.submit("/join/participant", participant_form("Amira", AMIRA))
    browser.submit("/join/door-opener", door_opener_form("Åsa", ASA))
    browser.submit(mailbox.link(ASA, "confirm"))
    up_to = {k: v for k, v in mails_of(reminders.run(ctx, graph)).items() if v}
    assert up_to == {}
    test_clock.advance(days=ctx.options.remind_confirm_days, hours=1)
    first = reminders.run(ctx, graph)
    assert first["confirm_reminders"] == 1
    assert str(mailbox.to(AMIRA)[-1]["Subject"]).startswith("Påminnelse:")
    assert all(v == 0 for v in mails_of(reminders.run(ctx, graph)).values())
    waiting = staff_client.get("/api/v1/waiting").json()["items"][0]
    assert waiting["reminded_at"] is not None


def test_doors_and_invitation_reminders_then_unanswered_invitations_are_erased(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService,
    test_clock: Clock,
) -> None:  # fmt: skip
    up_to_contacts(browser, staff_client, mailbox, graph, ctx)
    test_clock.advance(days=ctx.options.remind_doors_days, hours=1)
    assert reminders.run(ctx, graph)["doors_reminders"] == 1
    assert len(mailbox.links(ASA, "contacts")) == 2
    assert reminders.run(ctx, graph)["doors_reminders"] == 0

    browser.submit(
        mailbox.link(ASA, "contacts"), {"contact-1-name": "Karin Lund", "contact-1-email": KARIN}
    )
    test_clock.advance(days=ctx.options.remind_invitation_days, hours=1)
    assert reminders.run(ctx, graph)["invitation_reminders"] == 1
    assert str(mailbox.to(KARIN)[-1]["Subject"]).startswith("Påminnelse:")
    test_clock.advance(days=ctx.options.invitation_days)
    assert reminders.run(ctx, graph)["invitations_erased"] == 1
    assert repo.due(graph, "invitation_reminders", before=test_clock.now(), limit=10) == []
    gone = browser.get(mailbox.link(KARIN, "invitation"))
    assert gone.status_code == 410


def test_an_unanswered_match_is_reminded_and_a_passed_time_asks_did_you_meet(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService,
    test_clock: Clock,
) -> None:  # fmt: skip
    for path, form in (
        ("/join/participant", participant_form("Amira", AMIRA)),
        ("/join/door-opener", door_opener_form("Åsa", ASA)),
    ):
        browser.submit(path, form)
        browser.submit(mailbox.link(str(form["email"]), "confirm"))
    body = {"participant_id": person_id(graph, AMIRA), "door_opener_id": person_id(graph, ASA)}
    staff_client.post("/api/v1/matches", json=body)
    browser.submit(mailbox.link(ASA, "match-accept"))
    test_clock.advance(days=ctx.options.remind_match_days, hours=1)
    early = reminders.run(ctx, graph)
    assert early["match_reminders"] == 1  # only the one who has not answered
    assert len(mailbox.links(AMIRA, "match-accept")) == 2
    assert len(mailbox.links(ASA, "match-accept")) == 1
    runs = [early]
    for _ in range(3):  # the suggested time passes, then the reminder is due; then nothing more
        test_clock.advance(days=ctx.options.remind_meeting_days + 10)
        runs.append(reminders.run(ctx, graph))
    assert sum(r["meeting_questions"] for r in runs) == 2  # both asked "did you meet?" once
    assert sum(r["meeting_reminders"] for r in runs) == 2  # and reminded once
    assert len(mailbox.links(AMIRA, "met")) == 2
    kinds = {i["kind"] for i in staff_client.get("/api/v1/waiting").json()["items"]}
    assert kinds == {"meeting"}


def test_the_cli_runs_the_reminders(
    graph: Graph, monkeypatch: pytest.MonkeyPatch, neo4j_credentials: tuple[str, str, str]
) -> None:
    from graphsvc.cli.main import app
    from graphsvc.settings import get_settings

    uri, user, password = neo4j_credentials
    for key, value in {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password}.items():
        monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["reminders", "run"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    assert "confirm_reminders: 0" in result.output and "done: 0" in result.output
