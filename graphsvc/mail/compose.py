"""Composing the two mails sent when a match is made: one to each person.

Each gets the other's name, e-mail and phone, the suggested hour and the meeting form, in
Swedish, or in English when they do not speak Swedish, as plain text with a calendar invitation.
Names are folded onto one line before they go into a header, so a stray line break in stored
data can never add a header of its own.
"""

from __future__ import annotations

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


def _body(match: Match, role: Role, me: Person, other: Person, wording: Wording) -> str:
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
    parts += [wording.mode[match.mode], wording.closing]
    return "\n\n".join(parts) + "\n"


def _mail(match: Match, role: Role, me: Person, other: Person, sender: str) -> EmailMessage:
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
    text = _body(match, role, me, other, wording)
    message.set_content(text, cte="quoted-printable")
    if match.suggested_time is not None:
        ics = invitation(
            match,
            start=in_stockholm(match.suggested_time),
            other=other,
            sender=sender,
            wording=wording,
            description=f"{_contact(other, wording)}\n\n{wording.mode[match.mode]}",
        )
        message.add_attachment(
            ics,
            maintype="text",
            subtype="calendar",
            filename=ICS_FILENAME,
            params={"method": "REQUEST", "charset": "utf-8"},
        )
    return message


def match_mails(match: Match, *, sender: str) -> list[EmailMessage]:
    """The participant's mail, then the door-opener's; raises MailError when either lacks
    a name or an address, since half a notification would leave one of them waiting."""
    return [
        _mail(match, "participant", match.participant, match.door_opener, sender),
        _mail(match, "door_opener", match.door_opener, match.participant, sender),
    ]
