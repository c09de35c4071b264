"""The staff pages over HTTP, without a browser: who sees what, the JSON twins, languages,
escaping, and the headers that keep pages offline and uncached."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from graphsvc.models.network import Network
from graphsvc.settings import Settings
from tests.pages import OUTSIDE, embedded, signed_in
from tests.relay_data import Relay, relay


@pytest.fixture
def tree(graph: Graph, settings: Settings) -> Relay:
    """Amira's relay: five people, two meetings, three doors."""
    return relay(graph, settings)


# ---- what each page shows, and its JSON twin -----------------------------------------------


def test_spread_page_lists_meetings_and_doors_with_links_to_each_person(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    html = signed_in(app_client, graph, "staff").get(f"/ui/participants/{tree.participant.id}").text

    meetings = re.search(r'<table id="meetings">(.*?)</table>', html, re.S)
    doors = re.search(r'<table id="doors">(.*?)</table>', html, re.S)
    assert meetings and doors
    assert meetings.group(1).count("<tr>") == 3  # header and two meetings
    assert doors.group(1).count("<tr>") == 4  # header and three doors
    assert ">2025-01-20<" in meetings.group(1) and ">Karin Lund<" in meetings.group(1)
    for person in tree.people:
        assert f'href="/ui/people/{person.id}"' in html
    assert '<dd id="reach-total">4</dd>' in html and '<dd id="reach-depth">2</dd>' in html


def test_spread_json_is_the_network_the_page_draws(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    client = signed_in(app_client, graph, "staff")
    twin = Network.model_validate(client.get(f"/ui/participants/{tree.participant.id}.json").json())
    page = client.get(f"/ui/participants/{tree.participant.id}").text

    assert Network.model_validate(embedded(page, "viz-data")["network"]) == twin
    assert twin.reach.met == 2 and twin.reach.introduced == 3 and len(twin.nodes) == 5


def test_unknown_participant_or_person_is_404(app_client: TestClient, graph: Graph) -> None:
    client = signed_in(app_client, graph, "staff")
    for path in ("/ui/participants/p_nobody", "/ui/participants/p_nobody.json", "/ui/people/p_x"):
        assert client.get(path).status_code == 404


def test_person_page_shows_contact_details_to_staff_only(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    path = f"/ui/people/{tree.first.id}"
    staff = signed_in(app_client, graph, "staff").get(path).text
    viewer = signed_in(app_client, graph, "viewer").get(path).text
    viewer_twin = signed_in(app_client, graph, "viewer").get(path + ".json").json()

    assert tree.first.email and tree.first.email in staff and "Karin Lund" in staff
    assert "Göteborg (1480)" in staff and "Masterexamen" in staff
    assert "@example.org" not in viewer and "+4670" not in viewer and "Karin" not in viewer
    assert "<h1>K. L.</h1>" in viewer
    assert viewer_twin["name"] == "K. L." and "email" not in viewer_twin


def test_viewer_pages_and_twins_hold_no_name_and_no_contact_detail(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    client = signed_in(app_client, graph, "viewer")
    bodies = [
        client.get(path).text
        for path in (
            "/ui/",
            "/ui/map.json",
            f"/ui/participants/{tree.participant.id}",
            f"/ui/participants/{tree.participant.id}.json",
        )
    ]
    for body in bodies:
        assert "@example.org" not in body and "+4670" not in body
        for person in tree.people:
            assert person.name and person.name not in body


def test_pages_speak_swedish_by_default_and_english_on_request(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    client = signed_in(app_client, graph, "staff")
    swedish = client.get(f"/ui/participants/{tree.participant.id}").text
    english = client.get(f"/ui/participants/{tree.participant.id}?lang=en").text

    assert '<html lang="sv">' in swedish and "Öppnade dörrar" in swedish and "Logga ut" in swedish
    assert '<html lang="en">' in english and "Opened doors" in english and "Sign out" in english
    assert "Öppnade dörrar" not in english
    assert "Network map" in client.get("/ui/?lang=en").text
    assert client.get("/ui/?lang=de").status_code == 422


def test_a_name_made_of_markup_is_escaped_on_every_page(
    app_client: TestClient, graph: Graph, settings: Settings
) -> None:
    hostile = "<script>alert(1)</script>"
    tree = relay(graph, settings, participant_name=hostile)
    client = signed_in(app_client, graph, "staff")
    for path in (
        "/ui/",
        f"/ui/participants/{tree.participant.id}",
        f"/ui/people/{tree.participant.id}",
    ):
        html = client.get(path).text
        assert hostile not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "\\u003cscript" in html


# ---- offline and locked down ---------------------------------------------------------------


def test_pages_load_nothing_from_another_host_and_send_a_strict_policy(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    client = signed_in(app_client, graph, "staff")
    for path in ("/ui/", f"/ui/participants/{tree.participant.id}", f"/ui/people/{tree.first.id}"):
        response = client.get(path)
        assert not OUTSIDE.search(response.text), path
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "http" not in policy
        assert response.headers["cache-control"] == "no-store"
    login = app_client.get("/ui/login")
    assert "script-src 'self'; " in login.headers["content-security-policy"] + "; "


def test_vis_network_and_the_stylesheet_are_served_by_the_service(app_client: TestClient) -> None:
    page = app_client.get("/ui/login").text
    css = re.search(r'href="(/ui/static/web\.css)"', page)
    assert css and app_client.get(css.group(1)).headers["content-type"].startswith("text/css")
    js = app_client.get("/ui/static/vis-network-9.1.2.min.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert app_client.get("/ui/static/../settings.py").status_code == 404
    assert app_client.get("/ui/static/secrets.txt").status_code == 404


def test_the_login_form_is_open_and_hides_the_pasted_token(app_client: TestClient) -> None:
    response = app_client.get("/ui/login")
    assert response.status_code == 200 and 'name="token"' in response.text
    assert 'type="password"' in response.text, "a pasted token is not shown on screen"
