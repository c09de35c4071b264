"""The staff pages in a real headless Chromium against the app served on 127.0.0.1.

Each test signs in through the login form like a person would, checks what the page draws (the
vis-network objects themselves, not just the HTML), that nothing was fetched from another host,
that no script failed, and saves a screenshot under test-output/screenshots/ to look at.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.services import tokens
from graphsvc.settings import Settings
from graphsvc.web.session import COOKIE
from tests.browser import Watched, chromium, served, watch
from tests.relay_data import relay, sign_up

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.browser

SignIn = Callable[..., Watched]
HOSTILE = "<script>alert(1)</script>"
HOSTILE_ATTRIBUTE = '"><img src=x onerror=alert(2)>'
DRAWN = """(id) => {
  const box = document.getElementById(id);
  return Boolean(box && box.visNetwork && box.querySelector('canvas'));
}"""
NODE_COUNT = "(id) => document.getElementById(id).visNetwork.body.data.nodes.length"


@pytest.fixture(scope="module")
def base_url(session_graph: Graph, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole app, served by uvicorn against the test graph for this module's tests."""
    home = tmp_path_factory.mktemp("browser-home")
    settings = Settings(GRAPHSVC_ENV="test", GRAPHSVC_HOME=home, NEO4J_URI="bolt://unused")
    with served(create_app(settings, graph=session_graph)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module; each test gets its own context (cookies) from it."""
    with chromium() as found:
        yield found


@pytest.fixture
def sign_in(browser: Browser, base_url: str, graph: Graph) -> Iterator[SignIn]:
    """`sign_in(role, path)`: a fresh browser context signed in through the login form."""
    contexts: list[Any] = []

    def open_as(role: str, path: str = "/ui/") -> Watched:
        token = tokens.create_token(graph, role=role, name=f"browser {role}")
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        watched = watch(context.new_page(), base_url)
        watched.page.goto(base_url + path)
        assert "/ui/login" in watched.page.url, "an unsigned browser is sent to the login form"
        watched.page.fill("#token", token)
        watched.page.click("form.login button")
        watched.page.wait_for_url(base_url + path)
        return watched

    yield open_as
    for context in contexts:
        context.close()


def drawn(watched: Watched, canvas: str) -> int:
    """Waits until vis-network has drawn into `canvas`; returns how many people it holds."""
    watched.page.wait_for_function(DRAWN, arg=canvas)
    count: int = watched.page.evaluate(NODE_COUNT, canvas)
    return count


def test_relay_page_draws_the_whole_tree_with_its_lists_and_nothing_from_elsewhere(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    tree = relay(graph, settings)
    watched = sign_in("staff", f"/ui/participants/{tree.participant.id}")

    assert drawn(watched, "viz-canvas") == len(tree.people)
    page = watched.page
    assert page.locator("#viz-canvas canvas").count() == 1
    assert page.inner_text("#reach-total") == "4" and page.inner_text("#reach-depth") == "2"
    assert page.locator("#meetings tbody tr").count() == 2
    assert page.locator("#doors tbody tr").count() == 3
    page.click(f"#doors a[href^='/ui/people/{tree.fourth.id}']")
    page.wait_for_url(f"**/ui/people/{tree.fourth.id}")
    assert page.inner_text("#person h1") == "Olof Strand"
    assert "@example.org" in page.inner_text("#person-email")
    watched.screenshot("person-staff")
    watched.assert_clean()

    page.goto(watched.base_url + f"/ui/participants/{tree.participant.id}?lang=en")
    assert drawn(watched, "viz-canvas") == len(tree.people)
    assert "Meetings" in page.inner_text("#relay-lists")
    watched.screenshot("spread-staff-en")
    page.goto(watched.base_url + f"/ui/participants/{tree.participant.id}")
    drawn(watched, "viz-canvas")
    watched.screenshot("spread-staff")
    watched.assert_clean()


def test_map_search_and_filters_change_what_is_shown(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    tree = relay(graph, settings)
    watched = sign_in("staff")
    page = watched.page

    assert drawn(watched, "map-canvas") == len(tree.people)
    watched.screenshot("map-staff")
    page.fill("#map-search", "erik")
    assert page.inner_text("#map-search-result") == "1 hittade"
    selected = page.evaluate("document.getElementById('map-canvas').visNetwork.getSelectedNodes()")
    assert selected == [tree.second.id]

    page.select_option("#f-role", "participant")
    assert page.evaluate(NODE_COUNT, "map-canvas") == 1
    assert page.inner_text("#map-counts").startswith("Personer: 1 av 5")
    page.select_option("#f-role", "")
    assert page.evaluate(NODE_COUNT, "map-canvas") == len(tree.people)
    page.uncheck("input[data-edge-type='MATCHED']")
    assert "Kopplingar: 5 av 9" in page.inner_text("#map-counts")
    watched.screenshot("map-staff-searched-no-matches")
    watched.assert_clean()


def test_time_slider_replays_the_programme_month_by_month(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    tree = relay(graph, settings)
    watched = sign_in("staff", "/ui/?lang=en")
    page = watched.page
    assert drawn(watched, "map-canvas") == len(tree.people)

    counts = []
    for month in range(4):  # January to April 2025
        page.eval_on_selector(
            "#t-month",
            "(el, m) => { el.value = String(m); el.dispatchEvent(new Event('input')); }",
            month,
        )
        counts.append(page.evaluate(NODE_COUNT, "map-canvas"))
        if month == 0:
            assert page.inner_text("#t-label") == "2025-01"
            watched.screenshot("map-staff-en-january")
    assert counts == [2, 4, 4, 5]
    watched.assert_clean()


def test_map_selection_form_narrows_what_the_server_sends(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    relay(graph, settings)
    sign_up(graph, "door_opener", name="Stina Stockholm", home_place="0180")
    watched = sign_in("staff")
    assert drawn(watched, "map-canvas") == 6

    page = watched.page
    page.click("details.selection summary")
    page.fill("input[name='place']", "01")
    page.click("#selection button")
    page.wait_for_url("**/ui/?*place=01*")
    assert drawn(watched, "map-canvas") == 1
    watched.assert_clean()


def test_login_sets_an_http_only_strict_cookie_and_logout_clears_it(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    watched = sign_in("viewer")
    page = watched.page
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies[COOKIE]["httpOnly"] is True
    assert cookies[COOKIE]["sameSite"] == "Strict"
    assert COOKIE not in page.evaluate("document.cookie"), "page scripts cannot read it"

    page.click("#logout")
    page.wait_for_url("**/ui/login")
    assert COOKIE not in {c["name"] for c in page.context.cookies()}
    watched.screenshot("login")
    page.goto(watched.base_url + "/ui/")
    assert "/ui/login" in page.url
    watched.assert_clean()


def test_a_wrong_token_is_refused_with_a_message(base_url: str, browser: Browser) -> None:
    context = browser.new_context()
    watched = watch(context.new_page(), base_url)
    watched.page.goto(base_url + "/ui/login")
    watched.page.fill("#token", "dn_nothing_wrong")
    watched.page.click("form.login button")
    assert "felaktig" in watched.page.inner_text("#login-error")
    assert context.cookies() == []
    watched.errors = [e for e in watched.errors if "401" not in e]  # the refused post itself
    watched.assert_clean()
    context.close()


def test_viewer_sees_initials_and_no_contact_details_anywhere(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    tree = relay(graph, settings)
    watched = sign_in("viewer", f"/ui/participants/{tree.participant.id}")
    page = watched.page
    pages = {
        "spread-viewer": f"/ui/participants/{tree.participant.id}",
        "map-viewer": "/ui/",
        "person-viewer": f"/ui/people/{tree.first.id}",
    }
    for name, path in pages.items():
        page.goto(watched.base_url + path)
        if name != "person-viewer":
            drawn(watched, "viz-canvas" if name.startswith("spread") else "map-canvas")
        html = page.content()
        assert "@example.org" not in html and "+4670" not in html
        for person in tree.people:
            assert person.name and person.name not in html
        watched.screenshot(name)
    assert page.inner_text("#person h1") == "K. L."
    assert page.locator("#person-email").count() == 0
    watched.assert_clean()


def test_a_name_made_of_markup_shows_as_text_and_runs_nothing(
    graph: Graph, settings: Settings, sign_in: SignIn
) -> None:
    tree = relay(graph, settings, participant_name=HOSTILE)
    sign_up(graph, "door_opener", name=HOSTILE_ATTRIBUTE)
    watched = sign_in("staff", f"/ui/participants/{tree.participant.id}")
    page = watched.page

    drawn(watched, "viz-canvas")
    assert page.inner_text(".viz-header .name") == HOSTILE
    watched.screenshot("spread-hostile-name")
    page.goto(watched.base_url + "/ui/")
    drawn(watched, "map-canvas")
    page.fill("#map-search", "<script")
    assert page.inner_text("#map-search-result") == "1 hittade"
    page.goto(watched.base_url + f"/ui/people/{tree.participant.id}")
    assert page.inner_text("#person h1") == HOSTILE
    assert page.locator("img[src='x']").count() == 0
    watched.assert_clean()
