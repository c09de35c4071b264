"""Recording meetings and what staff learn after them: no doors (a rematch) and follow-ups.

Each operation is one transaction that first takes the locks of the two who met (in ascending
id order, like every transaction that locks several people), then reads, checks and writes; so
two staff members recording the same meeting at once get one meeting, and a no-doors cannot slip
in beside a door being opened.
"""

from __future__ import annotations

from datetime import datetime

from graphsvc import clock
from graphsvc.errors import Conflict, InvalidInput, NotFound
from graphsvc.graph import people as people_repo
from graphsvc.graph import relays as repo
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.meeting import (
    FollowUp,
    FollowUpCreate,
    Meeting,
    MeetingCreate,
    NoDoorsCreate,
    RematchEntry,
    RematchPage,
)
from graphsvc.models.token import Principal
from graphsvc.services.announce import Announcer
from graphsvc.services.paging import decode_cursor, encode_cursor
from graphsvc.services.people import new_id

MEETABLE = ("proposed", "accepted", "met")
"""A declined or cancelled match never led to a meeting; `met` is a repeat of the same one."""


def held_at_in_stockholm(held_at: datetime) -> datetime:
    """The meeting time with an offset; a time without one is read as Stockholm wall time."""
    return held_at if held_at.tzinfo is not None else held_at.replace(tzinfo=clock.STOCKHOLM)


def record_meeting(
    graph: Graph, match_id: str, body: MeetingCreate, announcer: Announcer | None = None
) -> tuple[Meeting, bool]:
    """Records that the match's two people met; returns the meeting and whether it is new.

    Recording the same match's meeting again returns the first one unchanged, so a retried
    request or two staff members typing it in at once leave exactly one meeting. After the
    commit the `announcer` (self-service) asks for contacts and the follow-up.
    """
    held_at = held_at_in_stockholm(body.held_at)
    now = clock.now()
    if held_at > now:
        raise InvalidInput(
            f"held_at {body.held_at.isoformat()} lies in the future",
            field="held_at",
            value=body.held_at.isoformat(),
        )

    def work(tx: Tx) -> tuple[Meeting, bool]:
        unlocked = repo.find_match(tx, match_id=match_id)
        if unlocked is None:
            raise NotFound(f"no match with id {match_id!r}")
        people_repo.lock_people(
            tx, person_ids=[unlocked.participant_id, unlocked.door_opener_id]
        )
        match = repo.find_match(tx, match_id=match_id) or unlocked
        if match.meeting is not None:
            return match.meeting, False
        if match.status not in MEETABLE:
            raise Conflict(f"match {match_id!r} is {match.status}; it cannot have a meeting")
        if match.participant_erased or match.door_opener_erased:
            raise Conflict(f"a person of match {match_id!r} has been erased")
        meeting = repo.record_meeting(
            tx,
            meeting_id=new_id("mt"),
            match_id=match_id,
            held_at=held_at,
            mode=body.mode,
            recorded_at=now,
        )
        return meeting, True

    meeting, created = graph.transaction(work)
    if created and announcer is not None:
        announcer.meeting_recorded(graph, meeting.id)
    return meeting, created


def record_no_doors(graph: Graph, meeting_id: str, body: NoDoorsCreate) -> RematchEntry:
    """The door-opener could not open doors: the participant waits for staff to rematch them.

    Refused when the door-opener has already opened doors at this meeting (then there is a
    relay to follow, not a rematch to make).
    """
    now = clock.now()

    def work(tx: Tx) -> RematchEntry:
        state = locked_meeting(tx, meeting_id)
        if state.doors_by_door_opener:
            raise Conflict(
                f"the door-opener already opened {state.doors_by_door_opener} door(s) at "
                f"meeting {meeting_id!r}; the participant has relays to follow"
            )
        if state.participant_erased:
            raise Conflict(f"the participant of meeting {meeting_id!r} has been erased")
        entry = repo.mark_no_doors(tx, meeting_id=meeting_id, reason=body.reason, at=now)
        person = people_repo.get_people_tx(tx, ids=[entry.participant_id])[0]
        return RematchEntry(
            participant=person,
            rematch_since=entry.rematch_since,
            meeting_id=entry.meeting_id,
            door_opener_id=entry.door_opener_id,
            reason=entry.reason,
        )

    return graph.transaction(work)


def rematch_queue(graph: Graph, *, limit: int = 50, cursor: str | None = None) -> RematchPage:
    """Participants waiting for a new door-opener, longest waiting first, paged by cursor."""
    after = decode_cursor(cursor) if cursor else None

    def work(tx: Tx) -> RematchPage:
        entries = repo.list_rematch_queue(tx, after=after, limit=limit + 1)
        page, more = entries[:limit], len(entries) > limit
        people = {
            p.id: p
            for p in people_repo.get_people_tx(tx, ids=[e.participant_id for e in page])
        }
        items = [
            RematchEntry(
                participant=people[e.participant_id],
                rematch_since=e.rematch_since,
                meeting_id=e.meeting_id,
                door_opener_id=e.door_opener_id,
                reason=e.reason,
            )
            for e in page
        ]
        last = page[-1] if more and page else None
        next_cursor = encode_cursor(last.rematch_since, last.participant_id) if last else None
        return RematchPage(items=items, next_cursor=next_cursor)

    return graph.read_transaction(work)


def record_follow_up(
    graph: Graph, meeting_id: str, body: FollowUpCreate, principal: Principal
) -> FollowUp:
    """Stores the meeting's follow-up; a second one replaces the first and bumps `revision`.

    `by` is the token's name (who typed it in, as in the audit log), never a person's data.
    """
    answers = {
        "understood_market_better": body.understood_market_better,
        "integration_helped": body.integration_helped,
        "kept_in_contact": body.kept_in_contact,
        "outcome": body.outcome,
        "comment": body.comment,
        "by": principal.name,
        "at": clock.now(),
    }

    def work(tx: Tx) -> FollowUp:
        row = repo.record_follow_up(tx, meeting_id=meeting_id, answers=answers)
        if row is None:
            raise NotFound(f"no meeting with id {meeting_id!r}")
        return FollowUp.model_validate(row)

    return graph.transaction(work)


def locked_meeting(tx: Tx, meeting_id: str, *, also: list[str] | None = None) -> repo.MeetingState:
    """The meeting, read again under the locks of its two people and of `also` (the contacts a
    door request names), all taken at once in the global order (ascending id), so this never
    waits crosswise on a proposal or on doors at another meeting that share someone."""
    unlocked = repo.get_meeting(tx, meeting_id=meeting_id)
    if unlocked is None:
        raise NotFound(f"no meeting with id {meeting_id!r}")
    meeting = unlocked.meeting
    people_repo.lock_people(
        tx, person_ids=[meeting.door_opener_id, meeting.participant_id, *(also or [])]
    )
    return repo.get_meeting(tx, meeting_id=meeting_id) or unlocked
