"""Checked tokens are remembered for a few seconds: revocation is honoured at once by the process
that revokes, and within the stated seconds when another process revoked the token."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from graphsvc import clock
from graphsvc.api.app import create_app
from graphsvc.graph import tokens as token_repo
from graphsvc.graph.db import Graph
from graphsvc.models.token import Principal
from graphsvc.services import tokens
from graphsvc.services.tokens import RecentTokens
from graphsvc.settings import Settings


class FakeClock:
    """Monotonic seconds that only move when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """The process's token memory on a clock of the test's own, five seconds long."""
    fake = FakeClock()
    monkeypatch.setattr(tokens, "RECENT", RecentTokens(seconds=5, clock=fake))
    return fake


def _someone(n: int) -> Principal:
    return Principal(token_id=f"t{n}", name=f"token {n}", role="staff")


def test_a_token_is_remembered_for_its_seconds_and_no_longer() -> None:
    fake = FakeClock()
    recent = RecentTokens(seconds=5, clock=fake)
    recent.put("k", _someone(1))
    fake.now += 4.9
    assert recent.get("k") == _someone(1)
    fake.now += 0.1
    assert recent.get("k") is None


def test_memory_holds_at_most_its_size_dropping_the_least_recently_used() -> None:
    recent = RecentTokens(seconds=5, size=2, clock=FakeClock())
    recent.put("a", _someone(1))
    recent.put("b", _someone(2))
    assert recent.get("a") is not None  # now "b" is the least recently used
    recent.put("c", _someone(3))
    assert recent.get("b") is None
    assert recent.get("a") == _someone(1) and recent.get("c") == _someone(3)


def test_zero_seconds_remembers_nothing() -> None:
    recent = RecentTokens(seconds=0, clock=FakeClock())
    recent.put("a", _someone(1))
    assert recent.get("a") is None


def test_a_revocation_elsewhere_is_honoured_within_the_stated_seconds(
    app_client: TestClient, graph: Graph, ticking: FakeClock
) -> None:
    token = tokens.create_token(graph, role="staff", name="elsewhere")
    headers = {"Authorization": f"Bearer {token}"}
    assert app_client.get("/api/v1/people", headers=headers).status_code == 200
    token_repo.revoke_token(graph, ref="elsewhere", at=clock.now())  # as `graphsvc token revoke`
    ticking.now += 4.9
    assert app_client.get("/api/v1/people", headers=headers).status_code == 200
    ticking.now += 0.1
    assert app_client.get("/api/v1/people", headers=headers).status_code == 401


def test_a_revocation_in_this_process_is_honoured_at_once(
    app_client: TestClient, graph: Graph, ticking: FakeClock
) -> None:
    token = tokens.create_token(graph, role="staff", name="here")
    headers = {"Authorization": f"Bearer {token}"}
    assert app_client.get("/api/v1/people", headers=headers).status_code == 200
    tokens.revoke_token(graph, "here")
    assert app_client.get("/api/v1/people", headers=headers).status_code == 401


def test_a_wrong_secret_is_refused_even_while_the_right_one_is_remembered(
    app_client: TestClient, graph: Graph, ticking: FakeClock
) -> None:
    token = tokens.create_token(graph, role="staff", name="guessed")
    assert tokens.authenticate(graph, token) is not None
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert tokens.authenticate(graph, forged) is None


def test_the_setting_sets_the_seconds(graph: Graph, settings: Settings) -> None:
    quick = settings.model_copy(update={"token_cache_seconds": 0.5})
    with TestClient(create_app(quick, graph=graph)):
        assert tokens.RECENT.seconds == 0.5
    with TestClient(create_app(settings, graph=graph)):
        assert tokens.RECENT.seconds == settings.token_cache_seconds == 5.0
