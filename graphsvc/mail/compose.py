"""Composing the two mails sent when a match is made: one to each person.

Each gets the other's name, e-mail and phone, the suggested hour and the meeting form, in
Swedish, or in English when they do not speak Swedish, as plain text with a calendar invitation.
Names are folded onto one line before they go into a header, so a stray line break in stored
data can never add a header of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr

from graphsvc.mail.errors import MailError
from graphsvc.mail.ics import invitation
from graphsvc.mail.wording import Wording, format_when, in_stockholm, wording_for
from graphsvc.models.match import Match
from graphsvc.models.person import Person, Role

MATCH_HEADER = "X-Dorrnat-Match"
"""Carries the match id (no personal data), so an outbox file or a bounce can be traced."""
ICS_FILENAME = "dorrnat-mote.ics"


@dataclass(frozen=True)
class Extra:
    """What another part of the service adds to one person's match mail (self-service: the
    answer links before the farewell, the profile link after it); plain text, already worded."""

    before_closing: str = ""
    after_closing: str = ""


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check(person: Person, role: Role, match: Match) -> tuple[str, str]:
    """The person's name and address, or a MailError that names the role, never the person."""
    if not person.name or not person.email:
        raise MailError(
            f"the {role.replace('_', '-')} of match {match.id} has no name or e-mail address "
            "(erased, or loaded without contact details); check the person before resending"
        )
    return _one_line(person.name), person.email


def _contact(other: Person, wording: Wording) -> str:
    return wording.contact.format(
        other=_one_line(other.name or ""), email=other.email, phone=other.phone or wording.no_phone
    )


def _body(
    match: Match, role: Role, me: Person, other: Person, wording: Wording, extra: Extra
) -> str:
    """The plain-text mail: greeting and purpose, the other's details, time, form, farewell."""
    name = _one_line(me.name or "")
    parts = [wording.intro[role].format(name=name, other=_one_line(other.name or ""))]
    parts.append(_contact(other, wording))
    if match.suggested_time is None:
        parts.append(wording.no_time)
    else:
        start = in_stockholm(match.suggested_time)
        end = start + timedelta(minutes=match.duration_minutes)
        parts.append(wording.time.format(when=format_when(start, end, wording)))
    parts.append(wording.mode[match.mode])
    if extra.before_closing:
        parts.append(extra.before_closing)
    parts.append(wording.closing)
    return "\n\n".join(parts) + extra.after_closing + "\n"


def _mail(
    match: Match, role: Role, me: Person, other: Person, sender: str, extra: Extra
) -> EmailMessage:
    name, address = _check(me, role, match)
    _check(other, "door_opener" if role == "participant" else "participant", match)
    wording = wording_for(me)
    domain = parseaddr(sender)[1].rpartition("@")[2] or "dorrnat.invalid"

    message = EmailMessage()
    message["From"] = sender
    message["To"] = Address(display_name=name, addr_spec=address)
    message["Subject"] = wording.subject[role]
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to us
    message[MATCH_HEADER] = match.id
    text = _body(match, role, me, other, wording, extra)
    message.set_content(text, cte="quoted-printable")
    if match.suggested_time is not None:
        attach_invitation(message, match, me, other, sender)
    return message


def attach_invitation(
    message: EmailMessage,
    match: Match,
    me: Person,
    other: Person,
    sender: str,
    *,
    sequence: int = 0,
    agreed: bool = False,
) -> None:
    """Attaches the .ics for the match's `suggested_time`, in `me`'s language. A later
    `sequence` for the same match updates the event already in the calendar (same UID)."""
    if match.suggested_time is None:
        return
    wording = wording_for(me)
    ics = invitation(
        match,
        start=in_stockholm(match.suggested_time),
        other=other,
        sender=sender,
        wording=wording,
        description=f"{_contact(other, wording)}\n\n{wording.mode[match.mode]}",
        sequence=sequence,
        agreed=agreed,
    )
    message.add_attachment(
        ics,
        maintype="text",
        subtype="calendar",
        filename=ICS_FILENAME,
        params={"method": "REQUEST", "charset": "utf-8"},
    )


def match_mails(
    match: Match, *, sender: str, extra: Mapping[Role, Extra] | None = None
) -> list[EmailMessage]:
    """The participant's mail, then the door-opener's; raises MailError when either lacks
    a name or an address, since half a notification would leave one of them waiting."""
    added = extra or {}
    return [
        _mail(
            match, "participant", match.participant, match.door_opener, sender,
            added.get("participant", Extra()),
        ),
        _mail(
            match, "door_opener", match.door_opener, match.participant, sender,
            added.get("door_opener", Extra()),
        ),
    ]  # fmt: skip
