"""Sign-up on the public pages, the confirmation link, and the abuse protections around them,
against the real Neo4j and a real SMTP server on loopback."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from graphsvc.graph.db import Graph
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.settings import SelfServiceSettings
from graphsvc.services import people
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    Browser,
    Mailbox,
    app_and_browser,
    browser,
    ctx,
    door_opener_form,
    mail_settings,
    mailbox,
    options,
    participant_form,
    self_settings,
    test_clock,
    title,
)


def person_by_email(graph: Graph, email: str) -> people.Person | None:
    page = people.list_people(graph, q=email)
    found = [p for p in page.items if p.email == email]
    return found[0] if found else None


def test_the_forms_explain_the_rules_in_swedish_and_english(browser: Browser) -> None:
    swedish = browser.get("/join/door-opener")
    assert swedish.status_code == 200
    assert '<html lang="sv">' in swedish.text
    assert "Vem kan bli dörröppnare?" in swedish.text
    assert "Du har arbetat i minst tre år." in swedish.text
    assert 'href="/join/privacy"' in swedish.text
    english = browser.get("/join/participant?lang=en")
    assert '<html lang="en">' in english.text
    assert "Who can be a participant?" in english.text
    assert "You have a residence permit in Sweden." in english.text
    assert 'href="/join/privacy?lang=en"' in english.text
    assert "script" not in swedish.text.lower()
    assert "default-src 'none'" in swedish.headers["content-security-policy"]


def test_every_input_has_a_label(browser: Browser) -> None:
    html = browser.get("/join/participant").text
    ids = set(re.findall(r'<(?:input|select|textarea)[^>]*\bid="([^"]+)"', html))
    labelled = set(re.findall(r'<label for="([^"]+)"', html))
    aria = set(re.findall(r'<input[^>]*\bid="([^"]+)"[^>]*aria-label=', html))
    assert ids - labelled - aria == set()


def test_sign_up_is_inactive_until_the_mailed_link_is_used(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    done = browser.submit(
        "/join/participant", participant_form("Amira Haddad", "amira@example.org")
    )
    assert done.status_code == 200 and title(done) == "Tack! Titta i din inkorg"
    person = person_by_email(graph, "amira@example.org")
    assert person is not None and not person.active
    (mail,) = mailbox.to("amira@example.org")
    assert mail["Subject"] == "Dörrnät: bekräfta din e-postadress"
    link = mailbox.link("amira@example.org", "confirm")
    assert person.id not in link and "amira" not in link  # ids inside the signed token only

    shown = browser.get(link)  # what a mail scanner does: nothing changes
    assert shown.status_code == 200 and "<form" in shown.text
    assert not people.get_person(graph, person.id).active

    confirmed = browser.submit(link)
    assert confirmed.status_code == 200 and title(confirmed) == "Tack, nu är du med!"
    assert people.get_person(graph, person.id).active

    again = browser.get(link)
    assert again.status_code == 410 and "redan använts" in again.text


def test_a_tampered_or_foreign_link_is_refused(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    browser.submit("/join/participant", participant_form("Amira", "amira@example.org"))
    link = mailbox.link("amira@example.org", "confirm")
    head, _, signature = link.rpartition(".")
    tampered = f"{head}.{'A' if signature[0] != 'A' else 'B'}{signature[1:]}"
    assert browser.get(tampered).status_code == 404
    token = browser.token(link)
    assert browser.post(tampered, data={"csrf_token": token}).status_code == 404
    as_profile = link.replace("/links/confirm/", "/links/profile/")
    assert browser.get(as_profile).status_code == 404  # a salt per purpose
    assert browser.get("/links/no-such-purpose/abc").status_code == 404
    person = person_by_email(graph, "amira@example.org")
    assert person is not None and not person.active


def test_an_expired_link_is_refused(
    browser: Browser, mailbox: Mailbox, graph: Graph, ctx: SelfService
) -> None:
    browser.submit("/join/participant", participant_form("Amira", "amira@example.org"))
    person = person_by_email(graph, "amira@example.org")
    assert person is not None
    days = ctx.options.confirm_link_days
    old = ctx.signer.url(
        "confirm",
        person.id,
        person.id,
        at=ctx.now() - timedelta(days=days, seconds=5),
    )
    path = old.removeprefix("http://testserver")
    expired = browser.get(path)
    assert expired.status_code == 410 and "gått ut" in expired.text
    assert (
        browser.post(path, data={"csrf_token": browser.token("/join/participant")}).status_code
        == 410
    )
    assert not people.get_person(graph, person.id).active


def test_a_known_address_gets_the_same_page_and_a_mail_to_its_owner(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    first = browser.submit("/join/door-opener", door_opener_form("Åsa Öberg", "asa@example.org"))
    browser.submit(mailbox.link("asa@example.org", "confirm"))
    second = browser.submit(
        "/join/participant", participant_form("Someone Else", "ASA@example.org")
    )
    assert second.status_code == first.status_code == 200
    assert title(second) == title(first)
    last = mailbox.to("asa@example.org")[-1]
    assert last["Subject"] == "Dörrnät: du finns redan hos oss"
    assert mailbox.links("asa@example.org", "profile")
    assert len([p for p in people.list_people(graph).items if p.email]) == 1


def test_eligibility_is_checked_on_submit_and_explained(browser: Browser, graph: Graph) -> None:
    refused = browser.submit(
        "/join/door-opener",
        door_opener_form("Ny Person", "ny@example.org", work_years="1", languages=["en"]),
    )
    assert refused.status_code == 422
    assert "En dörröppnare har arbetat i minst tre år." in refused.text
    assert "En dörröppnare kan ha ett samtal på svenska." in refused.text
    assert 'value="Ny Person"' in refused.text  # the form comes back filled in
    assert person_by_email(graph, "ny@example.org") is None


def test_a_filled_honeypot_gets_the_usual_page_and_nothing_happens(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    page = browser.submit(
        "/join/participant", participant_form("Bot", "bot@example.org", website="http://spam")
    )
    assert page.status_code == 200 and title(page) == "Tack! Titta i din inkorg"
    assert person_by_email(graph, "bot@example.org") is None
    assert mailbox.received == []


def test_a_post_without_the_forms_csrf_token_is_refused(
    browser: Browser, mailbox: Mailbox, graph: Graph
) -> None:
    browser.get("/join/participant")
    missing = browser.post("/join/participant", data=participant_form("A", "a@example.org"))
    assert missing.status_code == 403
    foreign = Browser(browser.app)  # another site's page: its own cookie, our token
    token = browser.token("/join/participant")
    forged = foreign.post(
        "/join/participant", data={"csrf_token": token, **participant_form("A", "a@example.org")}
    )
    assert forged.status_code == 403
    assert person_by_email(graph, "a@example.org") is None and mailbox.received == []


@pytest.mark.parametrize("options", [self_settings(signup_per_email=2)])
def test_sign_ups_are_rate_limited_per_email(browser: Browser, mailbox: Mailbox) -> None:
    for _ in range(2):
        ok = browser.submit("/join/participant", participant_form("Amira", "amira@example.org"))
        assert ok.status_code == 200
    limited = browser.submit("/join/participant", participant_form("Amira", "amira@example.org"))
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    other = browser.submit("/join/participant", participant_form("Bo", "bo@example.org"))
    assert other.status_code == 200


@pytest.mark.parametrize("options", [self_settings(signup_per_ip=3)])
def test_sign_ups_are_rate_limited_per_address(browser: Browser) -> None:
    codes = [
        browser.submit("/join/participant", participant_form("P", f"p{n}@example.org")).status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_the_privacy_page_says_what_is_stored_and_why(
    browser: Browser, options: SelfServiceSettings
) -> None:
    page = browser.get("/join/privacy")
    assert page.status_code == 200
    for heading in ("Vad vi sparar", "Varför", "Vem som ser dem", "Dina rättigheter"):
        assert heading in page.text
    assert f"efter {options.invitation_days} dagar" in page.text


@pytest.mark.parametrize("options", [self_settings(link_per_subject=2)])
def test_link_use_is_rate_limited_per_subject(browser: Browser, mailbox: Mailbox) -> None:
    browser.submit("/join/participant", participant_form("Amira", "amira@example.org"))
    link = mailbox.link("amira@example.org", "confirm")
    token = browser.token(link)
    codes = [browser.post(link, data={"csrf_token": token}).status_code for _ in range(3)]
    assert codes == [200, 410, 429]
