"""The pages' session: a token pasted once becomes a signed, expiring, HttpOnly, SameSite=Strict
cookie; logout clears it; forged, expired or revoked sessions are none; posts from other sites
are refused; and a browser without a session is sent to the form and back."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from graphsvc.graph.db import Graph
from graphsvc.services import tokens
from graphsvc.settings import Settings
from graphsvc.web.session import COOKIE, SESSION_SECONDS
from tests.pages import signed_in
from tests.relay_data import Relay, relay


class NineHoursAgo(TimestampSigner):
    """Signs as if the session had begun nine hours ago, one hour past its end."""

    def get_timestamp(self) -> int:
        return int(time.time()) - SESSION_SECONDS - 3600


@pytest.fixture
def tree(graph: Graph, settings: Settings) -> Relay:
    """Amira's relay: five people, two meetings, three doors."""
    return relay(graph, settings)


def test_login_sets_a_signed_http_only_strict_cookie_for_eight_hours(
    app_client: TestClient, graph: Graph
) -> None:
    token = tokens.create_token(graph, role="staff", name="alma")
    response = app_client.post(
        "/ui/login", data={"token": token, "next": "/ui/people/x"}, follow_redirects=False
    )

    assert response.status_code == 303 and response.headers["location"] == "/ui/people/x"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert f"Max-Age={SESSION_SECONDS}" in cookie and SESSION_SECONDS == 8 * 3600
    assert "Secure" not in cookie, "plain http (tests, a local run) cannot send a Secure cookie"


def test_the_cookie_is_secure_when_the_page_came_over_https(
    app_client: TestClient, graph: Graph
) -> None:
    client = TestClient(app_client.app, base_url="https://testserver")
    token = tokens.create_token(graph, role="viewer", name="tls")
    response = client.post("/ui/login", data={"token": token}, follow_redirects=False)
    assert "Secure" in response.headers["set-cookie"]


@pytest.mark.parametrize("token", ["", "dn_abc_wrong", "not a token at all"])
def test_a_wrong_token_gets_the_form_again_and_no_cookie(
    app_client: TestClient, token: str
) -> None:
    response = app_client.post("/ui/login", data={"token": token})
    assert response.status_code == 401
    assert "set-cookie" not in response.headers
    assert 'id="login-error"' in response.text


def test_login_and_logout_refuse_posts_from_another_site(
    app_client: TestClient, graph: Graph
) -> None:
    token = tokens.create_token(graph, role="admin", name="csrf")
    foreign = {"origin": "https://evil.example"}
    login = app_client.post("/ui/login", data={"token": token}, headers=foreign)
    assert login.status_code == 403 and "set-cookie" not in login.headers
    assert app_client.post("/ui/logout", headers=foreign).status_code == 403
    own = app_client.post(
        "/ui/login",
        data={"token": token},
        headers={"origin": "http://testserver"},
        follow_redirects=False,
    )
    assert own.status_code == 303


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/ui/", "/api/v1/people", "/ui/login", "/ui\\x"],
)
def test_login_never_sends_the_browser_off_our_pages(
    app_client: TestClient, graph: Graph, target: str
) -> None:
    token = tokens.create_token(graph, role="viewer", name="next")
    response = app_client.post(
        "/ui/login", data={"token": token, "next": target}, follow_redirects=False
    )
    assert response.headers["location"] == "/ui/"


def test_pages_without_a_session_send_the_browser_to_the_form_and_back(
    app_client: TestClient, tree: Relay
) -> None:
    path = f"/ui/participants/{tree.participant.id}?lang=en"
    response = app_client.get(path, follow_redirects=False)
    assert response.status_code == 303
    location = response.headers["location"]
    assert location.startswith("/ui/login?lang=en&next=")
    form = app_client.get(location)
    assert f'value="{path}"' in form.text.replace("&amp;", "&") and "Sign in" in form.text


def test_the_cookie_works_for_pages_and_twins_until_logout(
    app_client: TestClient, graph: Graph, tree: Relay
) -> None:
    client = signed_in(app_client, graph, "viewer")
    assert client.get("/ui/").status_code == 200
    assert client.get(f"/ui/participants/{tree.participant.id}.json").status_code == 200

    out = client.post("/ui/logout", follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/ui/login"
    assert f"{COOKIE}=" in out.headers["set-cookie"] and "Max-Age=0" in out.headers["set-cookie"]
    assert client.get("/ui/", follow_redirects=False).status_code == 303
    assert client.get("/ui/map.json").status_code == 401


def test_a_revoked_token_ends_its_sessions(app_client: TestClient, graph: Graph) -> None:
    client = signed_in(app_client, graph, "staff")
    tokens.revoke_token(graph, "page staff")
    assert client.get("/ui/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("forgery", ["tampered", "other secret", "expired"])
def test_a_forged_or_expired_cookie_is_no_session(
    app_client: TestClient, graph: Graph, forgery: str
) -> None:
    token = tokens.create_token(graph, role="admin", name="forger")
    secret = app_client.app.state.settings.session_secret.get_secret_value()
    signer = URLSafeTimedSerializer(
        "not the secret" if forgery == "other secret" else secret,
        salt="dorrnat.ui.session",
        signer=NineHoursAgo if forgery == "expired" else TimestampSigner,
    )
    value = signer.dumps(token)
    if forgery == "tampered":
        value = signer.dumps(token + "x")[:-2] + value[-2:]
    client = TestClient(app_client.app, cookies={COOKIE: value})
    assert client.get("/ui/", follow_redirects=False).status_code == 303
