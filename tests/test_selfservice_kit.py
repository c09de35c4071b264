"""Shared pieces of the self-service tests: a real SMTP server on loopback that keeps every mail,
a movable clock, and a browser-like client that fetches each form before posting it (so it
carries the CSRF cookie and token, as a browser does). No tests of its own."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import httpx
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from fastapi.testclient import TestClient

from graphsvc import clock
from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.settings import SelfServiceSettings
from graphsvc.services import tokens
from graphsvc.settings import Settings

LINK = re.compile(r"https?://[^\s/]+(/links/([a-z-]+)/[A-Za-z0-9._-]+(?:\?lang=en)?)")
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def mails_of(counts: dict[str, int]) -> dict[str, int]:
    """A reminders run's counts without the rate counters it erased (those come and go with
    the clock's hour, whatever the test does)."""
    return {k: v for k, v in counts.items() if k != "rate_counters_erased"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Mailbox:
    """An aiosmtpd handler that keeps every mail; helpers find mails and the links in them."""

    def __init__(self) -> None:
        self.received: list[EmailMessage] = []
        self.port = 0

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:  # noqa: N802
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        assert isinstance(message, EmailMessage)
        self.received.append(message)
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        """Every mail to `address`, oldest first."""
        return [m for m in self.received if m["To"].addresses[0].addr_spec == address]

    @staticmethod
    def text(message: EmailMessage) -> str:
        part = message.get_body(("plain",))
        assert part is not None
        content: str = part.get_content()
        return content

    def links(self, address: str, purpose: str) -> list[str]:
        """The paths of every `purpose` link mailed to `address`, newest last."""
        return [
            path
            for m in self.to(address)
            for path, found in LINK.findall(self.text(m))
            if found == purpose
        ]

    def link(self, address: str, purpose: str) -> str:
        """The newest `purpose` link mailed to `address`."""
        found = self.links(address, purpose)
        assert found, f"no {purpose} link mailed to {address}"
        return found[-1]


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    """A real SMTP server on loopback for the test."""
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    box.port = controller.port
    yield box
    controller.stop()


@dataclass
class Clock:
    """The programme's clock for the self-service, moved forward by tests."""

    offset: timedelta = field(default_factory=timedelta)

    def now(self) -> datetime:
        return clock.now() + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def test_clock() -> Clock:
    return Clock()


def self_settings(**overrides: Any) -> SelfServiceSettings:
    values: dict[str, Any] = {"public_url": "http://testserver", **overrides}
    return SelfServiceSettings(_env_file=None, **values)


@pytest.fixture
def options() -> SelfServiceSettings:
    """The self-service settings of a test; override by parametrising this fixture."""
    return self_settings()


@pytest.fixture
def mail_settings(mailbox: Mailbox, settings: Settings) -> Settings:
    """The test settings with mail going to the loopback server."""
    return settings.model_copy(update={"smtp_host": "127.0.0.1", "smtp_port": mailbox.port})


@pytest.fixture
def ctx(mail_settings: Settings, options: SelfServiceSettings, test_clock: Clock) -> SelfService:
    return SelfService.build(mail_settings, options, now=test_clock.now)


class Browser(TestClient):
    """A client that behaves like a person with a browser: fetches a page, fills its form."""

    def token(self, path: str) -> str:
        page = self.get(path)
        assert page.status_code == 200, (path, page.status_code, page.text[:500])
        found = CSRF.search(page.text)
        assert found, f"no form on {path}"
        return found.group(1)

    def submit(self, path: str, data: dict[str, Any] | None = None) -> httpx.Response:
        """GET the page, then POST its form with `data` and the page's CSRF token."""
        token = self.token(path)
        return self.post(path, data={"csrf_token": token, **(data or {})})


@pytest.fixture
def app_and_browser(graph: Graph, mail_settings: Settings, ctx: SelfService) -> Iterator[Browser]:
    app = create_app(mail_settings, graph=graph)
    app.state.selfservice = ctx
    with Browser(app) as client:
        yield client


@pytest.fixture
def browser(app_and_browser: Browser) -> Browser:
    """A person's browser on the app (no token)."""
    return app_and_browser


@pytest.fixture
def staff_client(app_and_browser: Browser, graph: Graph) -> Browser:
    """A client with a staff token, on the same app."""
    client = Browser(app_and_browser.app)
    client.headers["Authorization"] = f"Bearer {tokens.create_token(graph, role='staff', name='t')}"
    return client


def participant_form(name: str, email: str, **overrides: Any) -> dict[str, Any]:
    """What a participant fills in on `/join/participant`."""
    data: dict[str, Any] = {
        "name": name,
        "email": email,
        "phone": "+46 70 111 22 33",
        "languages": ["ar", "en", "sv"],
        "home_place": "1480",
        "industry": "86",
        "education_level": "bachelor",
        "education_field": "0913",
        "work_years": "6",
        "years_in_sweden": "2.5",
        "foreign_background": "yes",
        "residence_permit": "yes",
        "meeting_modes": ["in_person", "digital"],
        "availability": ["2-pm", "4-am"],
        "consent": "yes",
        "website": "",
    }
    data.update(overrides)
    return data


def door_opener_form(name: str, email: str, **overrides: Any) -> dict[str, Any]:
    """What a door-opener fills in on `/join/door-opener` (or an invitation)."""
    data: dict[str, Any] = {
        "name": name,
        "email": email,
        "languages": ["sv", "en"],
        "home_place": "1480",
        "industry": "86",
        "education_level": "master",
        "education_field": "0913",
        "work_years": "25",
        "established_in_sweden": "yes",
        "retired": "yes",
        "max_active_matches": "2",
        "meeting_modes": ["in_person", "digital"],
        "consent": "yes",
        "website": "",
    }
    data.update(overrides)
    return data


def title(response: httpx.Response) -> str:
    """The page's heading."""
    found = re.search(r"<h1>(.*?)</h1>", response.text, re.S)
    return found.group(1).strip() if found else ""
