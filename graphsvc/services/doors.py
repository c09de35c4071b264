"""Opening doors after a meeting: the relay that makes a participant's network grow.

When the door-opener opens doors, each contact becomes a door-opener for the participant and the
participant gets a relay match with each, one generation beyond the meeting, even when the
contact has no free capacity (an introduction is personal). When the participant opens doors,
the contacts are recorded for the door-opener and no match is made.

Everything of one request is one transaction: new contacts are signed up, relay matches made and
doors written together, or nothing is. The two who met and the existing contacts are locked first,
all at once in ascending id order (the order every transaction locking several people uses), so
two requests for the same meeting are counted one after the other and never exceed the
per-meeting limit, and doors never wait crosswise on a proposal or on doors elsewhere.
Mails go out only after the commit, so nobody is told about a match that was rolled back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from graphsvc import clock
from graphsvc.errors import Conflict, InvalidInput, NotEligible
from graphsvc.graph import people as people_repo
from graphsvc.graph import relays as repo
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.meeting import (
    ContactRef,
    Door,
    DoorsCreate,
    DoorsResult,
    StalledPage,
    StalledRelay,
)
from graphsvc.models.person import PersonCreate
from graphsvc.models.token import Principal
from graphsvc.services import matches
from graphsvc.services.announce import Announcer
from graphsvc.services.meetings import locked_meeting
from graphsvc.services.paging import decode_cursor, encode_cursor
from graphsvc.services.people import check_person, new_id
from graphsvc.settings import Settings


@dataclass(frozen=True)
class _Contact:
    """One contact of the request: an existing person, or a new one with the id they will get."""

    index: int
    person_id: str
    new: PersonCreate | None


def open_doors(
    graph: Graph,
    settings: Settings,
    meeting_id: str,
    body: DoorsCreate,
    principal: Principal,
    announcer: Announcer | None = None,
) -> DoorsResult:
    """Opens the doors of one request and returns them with the relay matches made."""
    contacts = _prepare(graph, body)
    at = clock.now()

    def work(tx: Tx) -> tuple[list[Door], list[str]]:
        existing = [c.person_id for c in contacts if c.new is None]
        state = locked_meeting(tx, meeting_id, also=existing)
        meeting = state.meeting
        by_door_opener = body.opened_by == "door_opener"
        opener, for_id = (
            (meeting.door_opener_id, meeting.participant_id)
            if by_door_opener
            else (meeting.participant_id, meeting.door_opener_id)
        )
        if state.participant_erased or state.door_opener_erased:
            raise Conflict(f"a person of meeting {meeting_id!r} has been erased")
        if by_door_opener:
            _check_limit(settings, meeting_id, state.doors_by_door_opener, len(contacts))
            if not state.participant_active:
                raise Conflict(
                    f"participant {meeting.participant_id!r} is paused; reactivate them before "
                    "opening doors, since each door makes a match"
                )
        _check_existing(tx, contacts, opener=opener, for_id=for_id, need_door_opener=by_door_opener)
        for c in contacts:
            if c.new is not None:
                repo.create_contact(tx, person_id=c.person_id, person=c.new, at=at, index=c.index)
        generation = meeting.generation + 1
        match_ids: list[str | None] = [
            matches.propose_in_tx(
                tx,
                participant_id=meeting.participant_id,
                door_opener_id=c.person_id,
                generation=generation,
                relay=True,
                at=at,
            )
            if by_door_opener
            else None
            for c in contacts
        ]
        doors = repo.open_doors(
            tx,
            opener_id=opener,
            for_id=for_id,
            meeting_id=meeting_id,
            generation=generation,
            at=at,
            opened_by=body.opened_by,
            doors=[
                (new_id("od"), c.person_id, m) for c, m in zip(contacts, match_ids, strict=True)
            ],
        )
        return doors, [m for m in match_ids if m is not None]

    doors, match_ids = graph.transaction(work)
    if match_ids:
        matches.notify(graph, settings, match_ids, announcer)
    return DoorsResult(
        doors=doors, matches=[matches.get_match(graph, m, principal) for m in match_ids]
    )


def _prepare(graph: Graph, body: DoorsCreate) -> list[_Contact]:
    """Gives new contacts their ids and checks them like any sign-up, before any lock is taken.

    A contact named twice in one request is a 422; a new contact opened by the door-opener is
    signed up as a door-opener (they are about to meet the participant as one).
    """
    contacts: list[_Contact] = []
    seen: set[str] = set()
    for index, contact in enumerate(body.contacts):
        if isinstance(contact, ContactRef):
            key, value = contact.person_id, contact.person_id
            field = f"contacts.{index}.person_id"
            contacts.append(_Contact(index, contact.person_id, None))
        else:
            person = contact
            if body.opened_by == "door_opener" and "door_opener" not in person.roles:
                person = person.model_copy(update={"roles": [*person.roles, "door_opener"]})
            _check_new(graph, person, index)
            key, value = str(person.email).strip().casefold(), str(person.email)
            field = f"contacts.{index}.email"
            contacts.append(_Contact(index, new_id("p"), person))
        if key in seen:
            raise InvalidInput(f"contact {value!r} is named twice", field=field, value=value)
        seen.add(key)
    return contacts


def _check_new(graph: Graph, person: PersonCreate, index: int) -> None:
    """The sign-up rules for a new contact, with the 422 pointing into `contacts[index]`."""
    try:
        check_person(graph, person)
    except InvalidInput as exc:
        field = f"contacts.{index}.{exc.field}"
        raise type(exc)(exc.detail, field=field, value=exc.value) from None


def _check_limit(settings: Settings, meeting_id: str, existing: int, adding: int) -> None:
    limit = settings.max_doors_per_meeting
    if existing + adding > limit:
        raise Conflict(
            f"meeting {meeting_id!r}: its door-opener may open at most {limit} door(s) and has "
            f"opened {existing}; {adding} more would exceed the limit, so none were opened"
        )


def _check_existing(
    tx: Tx, contacts: list[_Contact], *, opener: str, for_id: str, need_door_opener: bool
) -> None:
    """Existing contacts must be active people outside the tree of the one the door is for."""
    existing = [c for c in contacts if c.new is None]
    if not existing:
        return
    found = {p.id: p for p in people_repo.get_people_tx(tx, ids=[c.person_id for c in existing])}
    for c in existing:
        person = found.get(c.person_id)
        field = f"contacts.{c.index}.person_id"
        if person is None:
            raise InvalidInput(f"no person with id {c.person_id!r}", field=field, value=c.person_id)
        if c.person_id in (opener, for_id):
            raise Conflict(
                f"contact {c.person_id!r} is one of the two who met; a door leads to someone new"
            )
        if person.erased or not person.active:
            state = "erased" if person.erased else "inactive"
            raise Conflict(f"contact {c.person_id!r} is {state} and cannot be introduced")
        if need_door_opener and "door_opener" not in person.roles:
            raise NotEligible(
                f"contact {c.person_id!r} is not a door-opener; add the role before the relay",
                field=field,
                value=c.person_id,
            )
    already = repo.connected_people(tx, for_id=for_id, ids=[c.person_id for c in existing])
    for c in existing:
        if c.person_id in already:
            raise Conflict(f"contact {c.person_id!r} is already in the relay tree of {for_id!r}")


def stalled_relays(
    graph: Graph, *, days: int = 30, limit: int = 50, cursor: str | None = None
) -> StalledPage:
    """Relay doors opened more than `days` days ago whose match has no meeting yet, oldest
    first, so staff can nudge the two people."""
    now = clock.now()
    before = now - timedelta(days=days)
    after = decode_cursor(cursor) if cursor else None

    def work(tx: Tx) -> StalledPage:
        rows = repo.list_stalled(tx, before=before, after=after, limit=limit + 1)
        page, more = rows[:limit], len(rows) > limit
        ids = {r["participant_id"] for r in page} | {r["contact_id"] for r in page}
        people = {p.id: p for p in people_repo.get_people_tx(tx, ids=sorted(ids))}
        items = [
            StalledRelay(
                door_id=r["door_id"],
                opened_at=r["opened_at"],
                days_waiting=_days_between(r["opened_at"], now),
                generation=r["generation"],
                opener_id=r["opener_id"],
                match_id=r["match_id"],
                match_status=r["match_status"],
                participant=people[r["participant_id"]],
                contact=people[r["contact_id"]],
            )
            for r in page
        ]
        last = page[-1] if page else None
        next_cursor = encode_cursor(last["opened_at"], last["door_id"]) if more and last else None
        return StalledPage(items=items, next_cursor=next_cursor)

    return graph.read_transaction(work)


def _days_between(start: datetime, end: datetime) -> int:
    return (end - start).days
