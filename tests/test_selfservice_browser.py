"""The public forms in a real headless Chromium, with JavaScript switched off: a person signs up
by the labels alone, confirms through the mailed link, and a phone-sized screen needs no
sideways scrolling. Mail goes to a real SMTP server on loopback."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.selfservice.context import SelfService
from graphsvc.services import people
from graphsvc.settings import Settings
from tests.browser import Watched, chromium, served, watch
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    Clock,
    Mailbox,
    mail_settings,
    mailbox,
    self_settings,
    test_clock,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser
PHONE = {"width": 375, "height": 740}
NO_SIDEWAYS_SCROLL = "() => document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture(scope="module")
def chromium_browser() -> Iterator[Browser]:
    with chromium() as found:
        yield found


@pytest.fixture
def site(graph: Graph, mail_settings: Settings, test_clock: Clock) -> Iterator[str]:
    """The app served for real; its links in mails point at the served address."""
    app = create_app(mail_settings, graph=graph)
    with served(app) as url:
        app.state.selfservice = SelfService.build(
            mail_settings, self_settings(public_url=url), now=test_clock.now
        )
        yield url


def page_without_javascript(browser: Browser, site: str, path: str) -> Watched:
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="sv-SE")
    page = context.new_page()
    watched = watch(page, site)
    page.goto(site + path)
    return watched


def test_a_participant_signs_up_and_confirms_without_javascript(
    chromium_browser: Browser, site: str, mailbox: Mailbox, graph: Graph
) -> None:
    watched = page_without_javascript(chromium_browser, site, "/join/participant")
    page = watched.page
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    page.get_by_label("För- och efternamn").fill("Amira Haddad")
    page.get_by_label("E-postadress", exact=True).fill("amira@example.org")
    page.get_by_label("Telefonnummer (frivilligt)", exact=True).fill("+46 70 111 22 33")
    page.get_by_label("Kommun där du bor").select_option("1480")
    page.get_by_label("arabiska", exact=True).check()
    page.get_by_label("svenska", exact=True).check()
    page.get_by_label("Bransch du arbetar i").select_option("86")
    page.get_by_label("Högsta avslutade utbildning").select_option("bachelor")
    page.get_by_label("Antal år du har arbetat").fill("6")
    page.get_by_label("Jag har utländsk bakgrund").check()
    page.get_by_label("Jag har uppehållstillstånd i Sverige").check()
    page.get_by_label("Tisdag, Eftermiddag 13–17").check()
    page.get_by_label("Jag samtycker").check()
    page.get_by_role("button", name="Anmäl mig som deltagare").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tack! Titta i din inkorg"
    watched.screenshot("selfservice-signed-up")

    link = mailbox.link("amira@example.org", "confirm")
    page.goto(site + link)
    page.get_by_role("button", name="Bekräfta").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Tack, nu är du med!"
    person = next(p for p in people.list_people(graph, q="amira").items)
    assert person.active and person.languages == ["ar", "sv"]
    assert [s.weekday for s in person.availability] == [2]
    watched.assert_clean()


def test_the_english_form_shows_what_to_correct_and_fits_a_phone(
    chromium_browser: Browser, site: str, mailbox: Mailbox
) -> None:
    watched = page_without_javascript(chromium_browser, site, "/join/door-opener?lang=en")
    page = watched.page
    assert page.get_by_role("heading", level=1).inner_text() == "Become a door-opener"
    page.get_by_label("First and last name").fill("Åsa Öberg")
    page.get_by_label("E-mail address", exact=True).fill("not-an-address")
    page.get_by_role("button", name="Sign me up as a door-opener").click()
    alert = page.get_by_role("alert")
    assert "Something needs correcting" in alert.inner_text()
    assert "Write a valid e-mail address." in alert.inner_text()
    assert "We need your consent" in alert.inner_text()
    assert page.get_by_label("First and last name").input_value() == "Åsa Öberg"
    assert page.get_by_label("E-mail address", exact=True).get_attribute("aria-invalid") == "true"
    assert page.evaluate(NO_SIDEWAYS_SCROLL)
    watched.screenshot("selfservice-form-errors")
    # The form comes back with 422 (as it should), which Chromium notes on the console.
    assert [e for e in watched.errors if "status of 422" not in e] == []
    assert watched.foreign_requests() == []
    assert mailbox.received == []
