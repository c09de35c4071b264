"""The rate limits hold across processes: counters live in Neo4j, keyed with the secret (no
address in clear), in windows that end and are cleaned up by the reminders run."""
# ruff: noqa: F811 - the kit's fixtures are imported, then requested by name

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.selfservice import reminders
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.ratelimit import RateLimiter
from graphsvc.selfservice.settings import SelfServiceSettings
from graphsvc.settings import Settings
from tests.test_selfservice_kit import (  # noqa: F401 - fixtures
    Browser,
    Clock,
    Mailbox,
    app_and_browser,
    browser,
    ctx,
    mail_settings,
    mailbox,
    options,
    participant_form,
    self_settings,
    test_clock,
)


def counters(graph: Graph) -> list[dict[str, Any]]:
    """Every rate counter as stored."""
    with graph.driver.session(database=graph.database) as session:
        return [
            r["props"] for r in session.run("MATCH (r:RateCounter) RETURN properties(r) AS props")
        ]


def second_app(
    graph: Graph, settings: Settings, options: SelfServiceSettings, clock: Clock
) -> Browser:
    """Another instance of the service on the same database, as a second uvicorn worker is:
    its own app, its own self-service context, nothing shared in memory."""
    app = create_app(settings, graph=graph)
    app.state.selfservice = SelfService.build(settings, options, now=clock.now)
    return Browser(app)


@pytest.mark.parametrize("options", [self_settings(signup_per_ip=3)])
def test_two_app_instances_share_one_limit(
    browser: Browser,
    graph: Graph,
    mail_settings: Settings,
    options: SelfServiceSettings,
    test_clock: Clock,
) -> None:
    other = second_app(graph, mail_settings, options, test_clock)
    assert browser.app is not other.app
    with other:
        codes = [
            client.submit(
                "/join/participant", participant_form("P", f"p{n}@example.org")
            ).status_code
            for n, client in enumerate((browser, other, browser, other))
        ]
    assert codes == [200, 200, 200, 429]


@pytest.mark.parametrize("options", [self_settings(signup_per_email=1, rate_window_seconds=600)])
def test_counters_hold_no_address_and_end_with_their_window(
    browser: Browser, graph: Graph, ctx: SelfService, test_clock: Clock, mailbox: Mailbox
) -> None:
    form = participant_form("Amira", "amira@example.org")
    assert browser.submit("/join/participant", form).status_code == 200
    assert browser.submit("/join/participant", form).status_code == 429
    stored = counters(graph)
    assert len(stored) == 2  # per address, per e-mail
    text = repr(stored)
    assert "amira" not in text and "testclient" not in text

    test_clock.advance(seconds=600)
    assert browser.submit("/join/participant", form).status_code == 200  # a new window
    assert reminders.run(ctx, graph)["rate_counters_erased"] == 2
    assert len(counters(graph)) == 2


def test_concurrent_checks_from_two_limiters_never_pass_the_limit(graph: Graph) -> None:
    limiters = [RateLimiter("secret"), RateLimiter("secret")]

    def attempt(n: int) -> bool:
        return limiters[n % 2].allow(graph, [("link-ip", "10.0.0.1", 5)], window=3600)

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(attempt, range(24)))
    assert allowed.count(True) == 5
    (counter,) = counters(graph)
    assert counter["count"] == 5
