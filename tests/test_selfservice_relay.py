"""The relay runs by itself: after staff's first match, everything happens through the links in
the mails that arrived on a real SMTP server — accept, met, contacts named, contacts sign up, and
the relay matches (generation 2) are proposed and mailed."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from icalendar import Calendar

from graphsvc import clock
from graphsvc.graph.db import Graph
from graphsvc.selfservice import reminders
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.usage import SELF_SERVICE
from graphsvc.services import matches, people
from graphsvc.services.slots import easter_sunday, swedish_holidays
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    LINK,
    Browser,
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
    title,
)

AMIRA, ASA = "amira@example.org", "asa@example.org"
LINKS_IN_MATCH_MAIL = {"match-accept", "match-propose", "match-decline", "profile"}
CONTACTS = ("karin@example.org", "olle@example.org")


def join_and_confirm(
    browser: Browser, mailbox: Mailbox, path: str, form: dict[str, object]
) -> None:
    assert browser.submit(path, form).status_code == 200
    assert browser.submit(mailbox.link(str(form["email"]), "confirm")).status_code == 200


def person_id(graph: Graph, email: str) -> str:
    found = [p for p in people.list_people(graph, q=email).items if p.email == email]
    assert found, email
    return found[0].id


def match_ids(mailbox: Mailbox, address: str) -> list[str]:
    """Matches mailed to `address`, by the id header every mail of a match carries."""
    return list(dict.fromkeys(
        str(m["X-Dorrnat-Match"]) for m in mailbox.to(address)
        if str(m["X-Dorrnat-Match"]).startswith("m_")
    ))  # fmt: skip


def test_a_whole_relay_runs_on_the_links_in_the_mails(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    # Both sign up on the public pages and confirm their addresses.
    join_and_confirm(browser, mailbox, "/join/participant", participant_form("Amira Haddad", AMIRA))
    join_and_confirm(browser, mailbox, "/join/door-opener", door_opener_form("Åsa Öberg", ASA))
    participant, door_opener = person_id(graph, AMIRA), person_id(graph, ASA)

    # Staff make the first match, as in the programme; its one mail to each of the two carries
    # the contact details, the calendar invitation and the answer links, at once.
    made = staff_client.post(
        "/api/v1/matches", json={"participant_id": participant, "door_opener_id": door_opener}
    )
    assert made.status_code == 201, made.text
    first_match = made.json()["id"]
    assert made.json()["notification"] == "sent"
    for address in (AMIRA, ASA):
        (mail,) = [m for m in mailbox.to(address) if m["X-Dorrnat-Match"] == first_match]
        assert [p.get_filename() for p in mail.iter_attachments()] == ["dorrnat-mote.ics"]
        assert {found for _, found in LINK.findall(Mailbox.text(mail))} >= LINKS_IN_MATCH_MAIL

    # Both say yes to the suggested time: the match is accepted, both get the "we met" link.
    waiting = browser.submit(mailbox.link(AMIRA, "match-accept"))
    assert "Vi väntar på svar från Åsa Öberg" in waiting.text
    agreed = browser.submit(mailbox.link(ASA, "match-accept"))
    assert "Då är det bestämt" in agreed.text
    assert matches.load_match(graph, first_match).status == "accepted"

    # They meet; the participant says so. The door-opener is asked for contacts.
    met = browser.submit(
        mailbox.link(AMIRA, "met"), {"mode": "in_person", "day": date.today().isoformat()}
    )
    assert met.status_code == 200, met.text
    assert matches.load_match(graph, first_match).status == "met"
    assert browser.get(mailbox.link(ASA, "met")).status_code == 200  # shows "already saved"

    # The door-opener names two contacts; each gets an invitation saying who sent them.
    named = browser.submit(
        mailbox.link(ASA, "contacts"),
        {
            "contact-1-name": "Karin Lund", "contact-1-email": CONTACTS[0],
            "contact-1-note": "Karin leder en vårdcentral i Angered.",
            "contact-2-name": "Olle Berg", "contact-2-email": CONTACTS[1],
        },
    )  # fmt: skip
    assert named.status_code == 200, named.text
    (invitation,) = mailbox.to(CONTACTS[0])
    text = Mailbox.text(invitation)
    assert "Åsa Öberg" in text and "Amira Haddad" in text and "vårdcentral i Angered" in text

    # Each contact signs up through the invitation: the relay match is proposed and mailed.
    for n, contact in enumerate(CONTACTS, start=1):
        form = door_opener_form(f"Kontakt {n}", "ignored@example.org")
        joined = browser.submit(mailbox.link(contact, "invitation"), form)
        assert joined.status_code == 200, joined.text
        assert title(joined) == "Tack! Nu är du dörröppnare"
        assert person_id(graph, contact)  # the invited address, whatever was typed
        assert match_ids(mailbox, contact), "the relay match was mailed to the contact"
        assert mailbox.links(contact, "match-accept"), "with its answer links"

    relay = [m for m in match_ids(mailbox, AMIRA) if m != first_match]
    assert len(relay) == 2
    for match_id in relay:
        match = matches.get_match(graph, match_id, SELF_SERVICE)
        assert match.generation == 2 and match.relay
        assert match.participant.id == participant and match.status == "proposed"
    assert len(mailbox.links(AMIRA, "match-accept")) == 3  # first match and both relays

    # The participant answers the follow-up through its link.
    answered = browser.submit(
        mailbox.link(AMIRA, "follow-up"),
        {"understood_market_better": "yes", "integration_helped": "yes",
         "kept_in_contact": "no", "outcome": "internship"},
    )  # fmt: skip
    assert answered.status_code == 200, answered.text

    # The relay tree shows it all: two doors opened for the participant, generation 2.
    network = staff_client.get(f"/api/v1/participants/{participant}/network").json()
    assert network["reach"]["introduced"] == 2 and network["reach"]["met"] == 1
    assert staff_client.get("/api/v1/waiting?kind=invitation").json()["items"] == []

    # Everything went out at once: the hourly run finds no first mail left to send.
    assert not any(mails_of(reminders.run(ctx, graph)).values())


def test_used_links_are_refused_and_change_nothing(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    join_and_confirm(browser, mailbox, "/join/participant", participant_form("Amira", AMIRA))
    join_and_confirm(browser, mailbox, "/join/door-opener", door_opener_form("Åsa", ASA))
    made = staff_client.post(
        "/api/v1/matches",
        json={"participant_id": person_id(graph, AMIRA), "door_opener_id": person_id(graph, ASA)},
    ).json()
    accept = mailbox.link(AMIRA, "match-accept")
    token = browser.token(accept)
    assert browser.post(accept, data={"csrf_token": token}).status_code == 200
    again = browser.post(accept, data={"csrf_token": token})
    assert again.status_code == 410 and "redan använts" in again.text

    declined = browser.submit(mailbox.link(ASA, "match-decline"))
    assert declined.status_code == 200
    assert matches.load_match(graph, made["id"]).status == "declined"
    assert "kan tyvärr inte delta" in Mailbox.text(mailbox.to(AMIRA)[-1])
    closed = browser.get(mailbox.link(AMIRA, "match-propose"))
    assert closed.status_code == 409


def first_weekday(start: date, isoweekday: int) -> date:
    """The first day on or after `start` that falls on `isoweekday` and is no holiday."""
    day = start
    while day.isoweekday() != isoweekday or day in swedish_holidays(day.year):
        day += timedelta(days=1)
    return day


def test_a_new_time_is_checked_against_the_other_then_agreed_and_becomes_the_matchs_time(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    # Amira can meet on Tuesday afternoons and Thursday mornings (her form's "2-pm", "4-am").
    join_and_confirm(browser, mailbox, "/join/participant", participant_form("Amira", AMIRA))
    join_and_confirm(browser, mailbox, "/join/door-opener", door_opener_form("Åsa", ASA))
    made = staff_client.post(
        "/api/v1/matches",
        json={"participant_id": person_id(graph, AMIRA), "door_opener_id": person_id(graph, ASA)},
    ).json()
    propose = mailbox.link(ASA, "match-propose")
    past = browser.submit(propose, {"day": "2020-01-01", "time": "10:00"})
    assert past.status_code == 422

    year = ctx.now().year + 1
    thursday = first_weekday(date(year, 3, 1), 4)
    ascension = easter_sunday(year) + timedelta(days=39)  # a Thursday, and a holiday
    for day, hour, said in (
        (thursday + timedelta(days=2), "10:30", "utanför de tider"),  # a Saturday
        (thursday, "11:30", "utanför de tider"),  # 11:30-12:30 runs past her 12:00
        (ascension, "10:00", "helgdag"),
    ):
        refused = browser.submit(propose, {"day": day.isoformat(), "time": hour})
        assert refused.status_code == 422 and said in refused.text, (day, hour)
        assert "Amira brukar kunna: tisdag 13:00–17:00, torsdag 09:00–12:00" in refused.text
    assert len(mailbox.to(AMIRA)) == 2  # the confirmation and the match mail: nothing asked

    sent = browser.submit(propose, {"day": thursday.isoformat(), "time": "10:30"})
    assert sent.status_code == 200, sent.text
    proposal = mailbox.to(AMIRA)[-1]
    assert "föreslår en ny tid" in str(proposal["Subject"]) and "10:30" in Mailbox.text(proposal)
    agreed = browser.submit(mailbox.link(AMIRA, "match-accept"))
    assert "10:30" in agreed.text

    at = datetime.combine(thursday, time(10, 30), tzinfo=clock.STOCKHOLM)
    match = staff_client.get(f"/api/v1/matches/{made['id']}").json()
    assert match["status"] == "accepted"
    assert datetime.fromisoformat(match["suggested_time"]) == at
    for address in (AMIRA, ASA):
        (ics,) = [p for p in mailbox.to(address)[-1].iter_attachments()]
        event = Calendar.from_ical(ics.get_content()).walk("VEVENT")[0]
        assert event.decoded("dtstart") == at and int(event["sequence"]) == 1
        assert str(event["status"]) == "CONFIRMED" and str(event["uid"]) == f"{made['id']}@dorrnat"


def test_a_contact_who_is_already_a_door_opener_gets_the_relay_match_as_they_are(
    browser: Browser, staff_client: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    join_and_confirm(browser, mailbox, "/join/participant", participant_form("Amira", AMIRA))
    join_and_confirm(browser, mailbox, "/join/door-opener", door_opener_form("Åsa", ASA))
    join_and_confirm(browser, mailbox, "/join/door-opener", door_opener_form("Bo", CONTACTS[1]))
    participant, member = person_id(graph, AMIRA), person_id(graph, CONTACTS[1])
    body = {"participant_id": participant, "door_opener_id": person_id(graph, ASA)}
    staff_client.post("/api/v1/matches", json=body)
    browser.submit(mailbox.link(AMIRA, "match-accept"))
    browser.submit(mailbox.link(ASA, "match-accept"))
    browser.submit(mailbox.link(ASA, "met"), {"mode": "digital", "day": date.today().isoformat()})
    browser.submit(
        mailbox.link(ASA, "contacts"), {"contact-1-name": "Bo", "contact-1-email": CONTACTS[1]}
    )
    answered = browser.submit(
        mailbox.link(CONTACTS[1], "invitation"), door_opener_form("Bo", "x@example.org")
    )
    assert "Du finns redan med hos oss" in answered.text
    (relay,) = [m for m in match_ids(mailbox, CONTACTS[1])]
    match = matches.get_match(graph, relay, SELF_SERVICE)
    assert match.door_opener.id == member and match.generation == 2
    assert len([p for p in people.list_people(graph).items if p.email == CONTACTS[1]]) == 1
