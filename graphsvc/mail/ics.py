"""The calendar invitation attached to a match mail (RFC 5545, METHOD:REQUEST).

Times are written in UTC: every calendar shows them in the reader's own zone, and no VTIMEZONE
block has to be shipped and kept right across summer-time changes. The UID is stable per match,
so a resent invitation updates the same event instead of adding a second one.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import parseaddr

from icalendar import Calendar, Event, vCalAddress, vText

from graphsvc.mail.wording import Wording
from graphsvc.models.match import Match
from graphsvc.models.person import Person

PRODID = "-//Dorrnat//graphsvc match invitation//SV"


def event_uid(match: Match) -> str:
    """The event's UID: the match id in the programme's own namespace."""
    return f"{match.id}@dorrnat"


def _attendee(person: Person) -> vCalAddress:
    address = vCalAddress(f"mailto:{person.email}")
    address.params["CN"] = vText(" ".join((person.name or "").split()))
    address.params["ROLE"] = vText("REQ-PARTICIPANT")
    address.params["PARTSTAT"] = vText("NEEDS-ACTION")
    # Nobody reads replies to the programme's no-reply address; the two agree between them.
    address.params["RSVP"] = vText("FALSE")
    return address


def invitation(
    match: Match,
    *,
    start: datetime,
    other: Person,
    sender: str,
    wording: Wording,
    description: str,
    sequence: int = 0,
    agreed: bool = False,
) -> bytes:
    """The .ics for one recipient: the hour, in their language, with the other person named.

    STATUS is TENTATIVE while the time is a suggestion the two may still change, CONFIRMED once
    both have agreed it; each change of time comes with a higher SEQUENCE, so calendars move the
    event they already hold instead of adding a second one.
    """
    name, address = parseaddr(sender)
    organizer = vCalAddress(f"mailto:{address}")
    organizer.params["CN"] = vText(name or "Dörrnät")
    begin = start.astimezone(UTC)

    event = Event()
    event.add("uid", event_uid(match))
    event.add("dtstamp", datetime.now(UTC))
    event.add("sequence", sequence)
    event.add("dtstart", begin)
    event.add("dtend", begin + timedelta(minutes=match.duration_minutes))
    event.add("summary", wording.summary.format(other=" ".join((other.name or "").split())))
    event.add("description", description)
    event.add("location", wording.location[match.mode])
    event.add("status", "CONFIRMED" if agreed else "TENTATIVE")
    event.add("organizer", organizer)
    for person in (match.participant, match.door_opener):
        event.add("attendee", _attendee(person))

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "REQUEST")
    calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
