"""A small programme for the pages' tests, made through the services as staff would make it.

People sign up, matches are proposed, meetings recorded and doors opened by the services
themselves, with the programme's clock set to each event's time, so the pages see exactly the
edges the service writes, spread over the months the time slider replays.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from unittest import mock

from graphsvc.clock import STOCKHOLM
from graphsvc.graph.db import Graph
from graphsvc.models.match import MatchAction, MatchCreate
from graphsvc.models.meeting import DoorsCreate, MeetingCreate
from graphsvc.models.person import Person, PersonCreate
from graphsvc.models.token import Principal
from graphsvc.services import doors, matches, meetings
from graphsvc.services.people import create_person
from graphsvc.settings import Settings
from tests import factories

STAFF = Principal(token_id="tests", name="tests", role="staff")


def at(year: int, month: int, day: int, hour: int = 10) -> datetime:
    """A time on the programme's (Stockholm) clock."""
    return datetime(year, month, day, hour, tzinfo=STOCKHOLM)


@contextmanager
def clock_at(when: datetime) -> Iterator[None]:
    """The programme's clock stands at `when`, so what the services write carries that time."""
    with mock.patch("graphsvc.clock.now", return_value=when):
        yield


def sign_up(graph: Graph, role: str, *, joined: date | None = None, **overrides: Any) -> Person:
    """A participant or door-opener through the sign-up service (`joined` = signed_up_at)."""
    body = factories.participant if role == "participant" else factories.door_opener
    data = body(**overrides)
    if joined is not None:
        data["signed_up_at"] = joined.isoformat()
    return create_person(graph, PersonCreate.model_validate(data))


def match(
    graph: Graph,
    settings: Settings,
    participant: Person,
    door_opener: Person,
    *,
    when: datetime,
    then: MatchAction | None = None,
) -> str:
    """Staff propose the pair at `when` (and then accept, decline or cancel); returns its id."""
    with clock_at(when):
        found = matches.propose(
            graph,
            settings,
            MatchCreate(participant_id=participant.id, door_opener_id=door_opener.id),
        )
        if then is not None:
            matches.transition(graph, found.id, then, STAFF)
    return found.id


def held(graph: Graph, match_id: str, *, when: datetime) -> str:
    """The match's meeting, held at `when`; returns the meeting id."""
    with clock_at(when):
        meeting, _ = meetings.record_meeting(
            graph, match_id, MeetingCreate(held_at=when, mode="in_person")
        )
    return meeting.id


def meet(
    graph: Graph,
    settings: Settings,
    participant: Person,
    door_opener: Person,
    *,
    when: datetime,
    matched: datetime | None = None,
) -> str:
    """Staff match the pair (at `matched`, default `when`) and they meet at `when`."""
    match_id = match(graph, settings, participant, door_opener, when=matched or when)
    return held(graph, match_id, when=when)


def open_doors(
    graph: Graph, settings: Settings, meeting_id: str, contacts: list[Person], *, when: datetime
) -> dict[str, str]:
    """The meeting's door-opener opens doors to `contacts`; returns contact id → relay match."""
    body = DoorsCreate(opened_by="door_opener", contacts=[{"person_id": c.id} for c in contacts])
    with clock_at(when):
        result = doors.open_doors(graph, settings, meeting_id, body, STAFF)
    return {m.door_opener.id: m.id for m in result.matches}


@dataclass
class Relay:
    """A participant two generations into a relay, and everyone they reached."""

    participant: Person
    first: Person  # met at generation 1
    second: Person  # introduced by `first`, then met at generation 2
    third: Person  # introduced by `first`, not met yet
    fourth: Person  # introduced by `second`
    people: list[Person] = field(default_factory=list)


def relay(graph: Graph, settings: Settings, *, participant_name: str = "Amira Haddad") -> Relay:
    """Amira meets Karin (January); Karin opens doors to Erik and Sara (February); Amira meets
    Erik (March); Erik opens a door to Olof (April): five people, every kind of edge."""
    amira = sign_up(graph, "participant", name=participant_name, joined=date(2025, 1, 2))
    karin = sign_up(graph, "door_opener", name="Karin Lund", joined=date(2025, 1, 3))
    erik = sign_up(graph, "door_opener", name="Erik Berg", joined=date(2025, 2, 1))
    sara = sign_up(graph, "door_opener", name="Sara Ek", joined=date(2025, 2, 1))
    olof = sign_up(graph, "door_opener", name="Olof Strand", joined=date(2025, 4, 1))
    first = meet(graph, settings, amira, karin, when=at(2025, 1, 20), matched=at(2025, 1, 15))
    relayed = open_doors(graph, settings, first, [erik, sara], when=at(2025, 2, 3))
    second = held(graph, relayed[erik.id], when=at(2025, 3, 10))
    open_doors(graph, settings, second, [olof], when=at(2025, 4, 7))
    return Relay(amira, karin, erik, sara, olof, [amira, karin, erik, sara, olof])
