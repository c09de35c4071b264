"""Match notifications: composed, sent to a real SMTP server on loopback, parsed as received."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope
from icalendar import Calendar

from graphsvc.clock import STOCKHOLM
from graphsvc.mail import MailError, deliver, match_mails, notify
from graphsvc.models.match import Match
from graphsvc.models.person import Education, Person
from graphsvc.settings import Settings

SENDER = "Dörrnät <noreply@dorrnat.example>"
TUESDAY_13 = datetime(2026, 12, 1, 13, 0, tzinfo=STOCKHOLM)


def person(pid: str, name: str, email: str, languages: list[str], **extra: Any) -> Person:
    fields: dict[str, Any] = {
        "id": pid,
        "name": name,
        "email": email,
        "phone": "+46 70 123 45 67",
        "roles": ["participant"],
        "languages": languages,
        "home_place": "1480",
        "work_place": None,
        "industries": ["86"],
        "education": Education(level="bachelor", fields=["0913"]),
        "work_years": 6,
        "years_in_sweden": 2.5,
        "foreign_background": True,
        "residence_permit": True,
        "established_in_sweden": False,
        "retired": False,
        "meeting_modes": ["in_person", "digital"],
        "max_active_matches": 1,
        "availability": [],
        "consent": True,
        "active": True,
        "created_at": datetime(2026, 11, 1, tzinfo=UTC),
        "signed_up_at": None,
    }
    fields.update(extra)
    return Person(**fields)


def make_match(**extra: Any) -> Match:
    fields: dict[str, Any] = {
        "id": "m_0123abcd",
        "status": "proposed",
        "participant": person("p_1", "Amira Haddad", "amira@example.org", ["ar", "en"]),
        "door_opener": person(
            "p_2",
            "Åsa Öberg",
            "asa@example.org",
            ["sv", "en"],
            phone="+46 31 765 43 21",
            roles=["door_opener"],
            established_in_sweden=True,
        ),
        "score": 7.5,
        "suggested_time": TUESDAY_13,
        "mode": "in_person",
        "created_at": datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
        "generation": 1,
    }
    fields.update(extra)
    return Match(**fields)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Collector:
    """An aiosmtpd handler that keeps every envelope it is given."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:  # noqa: N802
        self.envelopes.append(envelope)
        return "250 OK"


class Server:
    def __init__(self, controller: Controller, collector: Collector) -> None:
        self.port: int = controller.port
        self.envelopes = collector.envelopes


def start(**kwargs: Any) -> tuple[Controller, Collector]:
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port(), **kwargs)
    controller.start()
    return controller, collector


@pytest.fixture
def smtp_server() -> Iterator[Server]:
    controller, collector = start()
    yield Server(controller, collector)
    controller.stop()


def settings(**env: Any) -> Settings:
    return Settings(_env_file=None, GRAPHSVC_MAIL_FROM=SENDER, **env)


def smtp_settings(port: int, **env: Any) -> Settings:
    return settings(SMTP_HOST="127.0.0.1", SMTP_PORT=port, **env)


def parse(data: bytes) -> EmailMessage:
    message = message_from_bytes(data, policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


def body(message: EmailMessage) -> str:
    part = message.get_body(("plain",))
    assert part is not None
    text: str = part.get_content()
    return text


def invitations(message: EmailMessage) -> list[Calendar]:
    found = []
    for part in message.iter_attachments():
        data = part.get_payload(decode=True)
        if part.get_content_type() == "text/calendar" and isinstance(data, bytes):
            found.append(Calendar.from_ical(data))
    return found


def by_recipient(messages: list[EmailMessage]) -> dict[str, EmailMessage]:
    return {m["To"].addresses[0].addr_spec: m for m in messages}


def test_smtp_delivers_one_mail_to_each_person_with_the_others_contact_details(
    smtp_server: Server,
) -> None:
    deliver(match_mails(make_match(), sender=SENDER), smtp_settings(smtp_server.port))

    assert sorted(e.rcpt_tos[0] for e in smtp_server.envelopes) == [
        "amira@example.org",
        "asa@example.org",
    ]
    assert all(len(e.rcpt_tos) == 1 for e in smtp_server.envelopes)
    assert {e.mail_from for e in smtp_server.envelopes} == {"noreply@dorrnat.example"}
    received = by_recipient([parse(e.original_content or b"") for e in smtp_server.envelopes])
    to_participant, to_door_opener = received["amira@example.org"], received["asa@example.org"]
    assert "Åsa Öberg" in body(to_participant) and "asa@example.org" in body(to_participant)
    assert "+46 31 765 43 21" in body(to_participant)
    assert "Amira Haddad" in body(to_door_opener) and "amira@example.org" in body(to_door_opener)
    assert "+46 70 123 45 67" in body(to_door_opener)
    assert to_participant["To"].addresses[0].display_name == "Amira Haddad"
    for message in received.values():
        assert message.get_body(("html",)) is None
        assert message["X-Dorrnat-Match"] == "m_0123abcd"


def test_invitation_is_a_request_for_the_suggested_hour(smtp_server: Server) -> None:
    deliver(match_mails(make_match(), sender=SENDER), smtp_settings(smtp_server.port))

    for envelope in smtp_server.envelopes:
        (calendar,) = invitations(parse(envelope.original_content or b""))
        assert str(calendar["METHOD"]) == "REQUEST"
        (event,) = calendar.walk("VEVENT")
        assert str(event["UID"]) == "m_0123abcd@dorrnat"
        assert event.decoded("DTSTART") == TUESDAY_13
        assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(hours=1)
        assert str(event["ORGANIZER"]) == "mailto:noreply@dorrnat.example"
        attendees = event["ATTENDEE"]
        assert isinstance(attendees, list)
        assert sorted(str(a) for a in attendees) == [
            "mailto:amira@example.org",
            "mailto:asa@example.org",
        ]


def test_swedish_for_swedish_speakers_and_english_for_the_others() -> None:
    mails = by_recipient(match_mails(make_match(), sender=SENDER))
    swedish, english = body(mails["asa@example.org"]), body(mails["amira@example.org"])

    assert "tisdag 1 december 2026 kl. 13:00–14:00" in swedish
    assert "dörröppnare" in swedish and "öppna dörren" in swedish and "en timme" in swedish
    assert "Mötesform: på plats" in swedish
    assert "Tuesday 1 December 2026, 13:00–14:00" in english
    assert "open the door" in english and "How you meet: in person" in english
    summary = str(invitations(mails["asa@example.org"])[0].walk("VEVENT")[0]["SUMMARY"])
    assert summary == "Dörrnät: möte med Amira Haddad"


def test_time_is_told_on_the_stockholm_clock_whatever_zone_it_arrives_in() -> None:
    in_utc = make_match(suggested_time=datetime(2026, 6, 2, 11, 30, tzinfo=UTC))
    mails = by_recipient(match_mails(in_utc, sender=SENDER))
    assert "tisdag 2 juni 2026 kl. 13:30–14:30" in body(mails["asa@example.org"])


def test_digital_meeting_is_described_as_digital() -> None:
    mails = by_recipient(match_mails(make_match(mode="digital"), sender=SENDER))
    assert "Mötesform: digitalt" in body(mails["asa@example.org"])
    assert "How you meet: online" in body(mails["amira@example.org"])


def test_without_a_suggested_time_they_agree_one_and_get_no_invitation() -> None:
    mails = by_recipient(match_mails(make_match(suggested_time=None), sender=SENDER))
    assert "bestäm en tid tillsammans" in body(mails["asa@example.org"])
    assert "agree a time together" in body(mails["amira@example.org"])
    assert all(not invitations(m) for m in mails.values())
    assert all("kalenderinbjudan" not in body(m) for m in mails.values())


def test_missing_phone_is_said_plainly() -> None:
    match = make_match()
    match.door_opener.phone = None
    mails = by_recipient(match_mails(match, sender=SENDER))
    assert "Phone: not given" in body(mails["amira@example.org"])


def test_a_line_break_in_a_name_cannot_add_a_header() -> None:
    match = make_match()
    match.participant.name = "Amira\r\nBcc: someone@example.net"
    mails = by_recipient(match_mails(match, sender=SENDER))
    message = mails["amira@example.org"]
    assert message["Bcc"] is None
    assert parse(message.as_bytes())["Bcc"] is None


def test_a_person_without_an_address_is_refused_without_naming_them() -> None:
    match = make_match()
    match.door_opener.email = None
    with pytest.raises(MailError) as caught:
        match_mails(match, sender=SENDER)
    assert "door-opener of match m_0123abcd" in caught.value.detail
    assert "Öberg" not in caught.value.detail


def test_outbox_mode_writes_eml_files_that_parse(tmp_path: Path) -> None:
    outbox = tmp_path / "new" / "outbox"
    notify(make_match(), settings(GRAPHSVC_OUTBOX=str(outbox)))

    files = sorted(outbox.glob("*.eml"))
    assert [f.name.split("-", 1)[1] for f in files] == ["m_0123abcd-1.eml", "m_0123abcd-2.eml"]
    assert not list(outbox.glob(".*"))  # no half-written files left behind
    for file in files:
        assert "amira" not in file.name.lower() and "asa" not in file.name.lower()
        assert file.stat().st_mode & 0o077 == 0
    received = by_recipient([parse(f.read_bytes()) for f in files])
    assert set(received) == {"amira@example.org", "asa@example.org"}
    (calendar,) = invitations(received["asa@example.org"])
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == TUESDAY_13


def test_a_resend_does_not_overwrite_the_first_outbox_files(tmp_path: Path) -> None:
    outbox_settings = settings(GRAPHSVC_OUTBOX=str(tmp_path))
    notify(make_match(), outbox_settings)
    notify(make_match(), outbox_settings)
    assert len(list(tmp_path.glob("*.eml"))) == 4


def test_unwritable_outbox_raises_mail_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(MailError, match="GRAPHSVC_OUTBOX"):
        notify(make_match(), settings(GRAPHSVC_OUTBOX=str(blocker / "outbox")))


def test_nothing_listening_on_the_port_raises_mail_error() -> None:
    with pytest.raises(MailError, match="SMTP_HOST and SMTP_PORT") as caught:
        notify(make_match(), smtp_settings(free_port()))
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_starttls_against_a_server_without_it_raises_mail_error(smtp_server: Server) -> None:
    with pytest.raises(MailError, match="SMTP_STARTTLS"):
        notify(make_match(), smtp_settings(smtp_server.port, SMTP_STARTTLS=True))
    assert smtp_server.envelopes == []


def check_login(server: Any, session: Any, envelope: Any, mechanism: str, auth: Any) -> AuthResult:
    ok = auth.login == b"dorrnat" and auth.password == b"secret"
    return AuthResult(success=ok, handled=False)


@pytest.fixture
def auth_server() -> Iterator[Server]:
    controller, collector = start(authenticator=check_login, auth_require_tls=False)
    yield Server(controller, collector)
    controller.stop()


def test_login_when_a_user_is_set(auth_server: Server) -> None:
    env = {"SMTP_USER": "dorrnat", "SMTP_PASSWORD": "secret"}
    notify(make_match(), smtp_settings(auth_server.port, **env))
    assert len(auth_server.envelopes) == 2


def test_refused_login_raises_mail_error_naming_the_settings(auth_server: Server) -> None:
    env = {"SMTP_USER": "dorrnat", "SMTP_PASSWORD": "wrong"}
    with pytest.raises(MailError, match="SMTP_USER and SMTP_PASSWORD"):
        notify(make_match(), smtp_settings(auth_server.port, **env))
    assert auth_server.envelopes == []


def test_no_personal_data_in_log_lines(
    smtp_server: Server, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="graphsvc")
    notify(make_match(), smtp_settings(smtp_server.port))
    notify(make_match(), settings(GRAPHSVC_OUTBOX=str(tmp_path)))
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("graphsvc")]
    assert ours and all("m_0123abcd" in line for line in ours)
    for secret in ("Amira", "Haddad", "Öberg", "@example.org", "+46"):
        assert not any(secret in line for line in ours)


def test_a_naive_suggested_time_is_read_as_stockholm_time() -> None:
    naive = make_match(suggested_time=datetime(2026, 12, 1, 13, 0))
    (to_participant, _) = match_mails(naive, sender=SENDER)
    assert "13:00–14:00" in body(to_participant)
    (calendar,) = invitations(to_participant)
    assert calendar.walk("VEVENT")[0].decoded("DTSTART") == TUESDAY_13
