"""A member's own profile through the link in every mail: pause, reactivate, export, withdraw;
and asking for that link without revealing whether an address is known."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

import json

from graphsvc.graph.db import Graph
from graphsvc.services import people
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    Browser,
    Mailbox,
    app_and_browser,
    browser,
    ctx,
    mail_settings,
    mailbox,
    options,
    participant_form,
    test_clock,
    title,
)

AMIRA = "amira@example.org"


def member(browser: Browser, mailbox: Mailbox, graph: Graph) -> str:
    browser.submit("/join/participant", participant_form("Amira Haddad", AMIRA))
    browser.submit(mailbox.link(AMIRA, "confirm"))
    return next(p.id for p in people.list_people(graph, q=AMIRA).items if p.email == AMIRA)


def test_pause_then_reactivate_through_the_links_in_the_mails(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    person_id = member(browser, mailbox, graph)
    paused = browser.submit(mailbox.link(AMIRA, "profile"), {"intent": "pause"})
    assert title(paused) == "Din profil är pausad"
    assert not people.get_person(graph, person_id).active
    assert mailbox.to(AMIRA)[-1]["Subject"] == "Dörrnät: din profil är pausad"
    used = mailbox.links(AMIRA, "profile")[0]
    assert browser.get(used).status_code == 410  # the pause used that link up
    back = browser.submit(mailbox.link(AMIRA, "profile"), {"intent": "reactivate"})
    assert title(back) == "Välkommen tillbaka!"
    assert people.get_person(graph, person_id).active


def test_export_gives_everything_held_and_leaves_the_link_usable(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    person_id = member(browser, mailbox, graph)
    link = mailbox.link(AMIRA, "profile")
    download = browser.submit(link, {"intent": "export"})
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("application/json")
    assert "attachment" in download.headers["content-disposition"]
    data = json.loads(download.text)
    assert data["profile"]["id"] == person_id and data["profile"]["email"] == AMIRA
    assert browser.get(link).status_code == 200


def test_withdrawing_consent_erases_after_an_explicit_tick(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    person_id = member(browser, mailbox, graph)
    link = mailbox.link(AMIRA, "profile")
    unticked = browser.submit(link, {"intent": "withdraw"})
    assert unticked.status_code == 422 and not people.get_person(graph, person_id).erased
    erased = browser.submit(link, {"intent": "withdraw", "confirm": "yes"})
    assert title(erased) == "Dina uppgifter är borttagna"
    gone = people.get_person(graph, person_id)
    assert gone.erased and gone.email is None and gone.name is None
    assert mailbox.to(AMIRA)[-1]["Subject"] == "Dörrnät: dina uppgifter är borttagna"
    assert browser.get(mailbox.links(AMIRA, "profile")[-1]).status_code == 410


def test_asking_for_a_profile_link_never_says_whether_the_address_is_known(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    member(browser, mailbox, graph)
    before = len(mailbox.received)
    known = browser.submit("/join/profile", {"email": AMIRA})
    unknown = browser.submit("/join/profile", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert title(known) == title(unknown) == "Titta i din inkorg"
    assert len(mailbox.received) == before + 1
    assert mailbox.to(AMIRA)[-1]["Subject"] == "Dörrnät: din profil"
