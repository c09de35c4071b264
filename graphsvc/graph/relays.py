"""The relay repository: meetings, opened doors and no-doors, through `cypher/relay/`.

Every function here runs inside the caller's transaction (`Tx`), because each of these writes is
one step of a larger rule (lock, check, write) that must commit or fail as a whole.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from neo4j.exceptions import ConstraintError

from graphsvc.errors import Conflict
from graphsvc.graph import people
from graphsvc.graph.convert import native
from graphsvc.graph.db import Tx
from graphsvc.graph.queries import queries
from graphsvc.models.meeting import Door, Meeting, Opener
from graphsvc.models.person import PersonCreate

Q = queries.relay


@dataclass(frozen=True)
class MatchState:
    """What recording a meeting needs to know about its match."""

    match_id: str
    status: str
    generation: int
    participant_id: str
    door_opener_id: str
    participant_erased: bool
    door_opener_erased: bool
    meeting: Meeting | None


@dataclass(frozen=True)
class MeetingState:
    """A meeting with the state of its people and its door count, read under their locks."""

    meeting: Meeting
    participant_active: bool
    participant_erased: bool
    door_opener_erased: bool
    no_doors: bool
    doors_by_door_opener: int


@dataclass(frozen=True)
class QueueEntry:
    """The participant's rematch marker and the no-doors meeting, as stored (no personal data
    beyond the reason)."""

    participant_id: str
    rematch_since: datetime
    meeting_id: str | None
    door_opener_id: str | None
    reason: str | None


def _meeting(row: dict[str, Any]) -> Meeting:
    return Meeting.model_validate(native(row))


def find_match(tx: Tx, *, match_id: str) -> MatchState | None:
    """The match and the meeting already recorded for it; None when there is no such match."""
    rows = tx.run(Q.find_match, match_id=match_id)
    if not rows:
        return None
    row = rows[0]
    return MatchState(
        match_id=row["match_id"],
        status=row["status"],
        generation=int(row["generation"] or 1),
        participant_id=row["participant_id"],
        door_opener_id=row["door_opener_id"],
        participant_erased=row["participant_erased"],
        door_opener_erased=row["door_opener_erased"],
        meeting=_meeting(row["meeting"]) if row["meeting"] else None,
    )


def record_meeting(
    tx: Tx, *, meeting_id: str, match_id: str, held_at: datetime, mode: str, recorded_at: datetime
) -> Meeting:
    """Writes the MET edge and marks the match `met`."""
    rows = tx.run(
        Q.record_meeting,
        id=meeting_id,
        match_id=match_id,
        held_at=held_at,
        mode=mode,
        recorded_at=recorded_at,
    )
    return _meeting(rows[0]["meeting"])


def get_meeting(tx: Tx, *, meeting_id: str) -> MeetingState | None:
    """The meeting and its people's state; None when there is no such meeting."""
    rows = tx.run(Q.get_meeting, meeting_id=meeting_id)
    if not rows:
        return None
    row = rows[0]
    return MeetingState(
        meeting=_meeting(row["meeting"]),
        participant_active=bool(row["participant_active"]),
        participant_erased=row["participant_erased"],
        door_opener_erased=row["door_opener_erased"],
        no_doors=row["no_doors"],
        doors_by_door_opener=row["doors_by_door_opener"],
    )


def connected_people(tx: Tx, *, for_id: str, ids: list[str]) -> set[str]:
    """Those of `ids` who are already in the relay tree of `for_id`."""
    return {r["id"] for r in tx.run(Q.connected_people, for_id=for_id, ids=ids)}


def create_contact(
    tx: Tx, *, person_id: str, person: PersonCreate, at: datetime, index: int
) -> None:
    """Signs up a new contact inside the doors' transaction.

    A duplicate e-mail becomes a `Conflict` naming the contact by its place in the request and
    the address the caller sent, so the caller knows to refer to that person by id instead.
    """
    try:
        people.save_person(
            tx, person_id=person_id, person=person, created_at=at, consent_at=at, active=True
        )
    except ConstraintError:
        raise Conflict(
            f"contacts[{index}]: a person with e-mail {person.email} is already registered; "
            "open the door to them by person_id"
        ) from None


def open_doors(
    tx: Tx,
    *,
    opener_id: str,
    for_id: str,
    meeting_id: str,
    generation: int,
    at: datetime,
    opened_by: Opener,
    doors: list[tuple[str, str, str | None]],
) -> list[Door]:
    """Writes one OPENED_DOOR edge per (door id, contact id, relay match id), in that order."""
    rows = tx.run(
        Q.open_doors,
        opener_id=opener_id,
        for_id=for_id,
        meeting_id=meeting_id,
        generation=generation,
        at=at,
        opened_by=opened_by,
        doors=[{"id": d, "to_id": to, "match_id": m} for d, to, m in doors],
    )
    by_id = {r["id"]: Door.model_validate(r) for r in rows}
    return [by_id[d] for d, _, _ in doors]


def mark_no_doors(tx: Tx, *, meeting_id: str, reason: str, at: datetime) -> QueueEntry:
    """Keeps the reason on the meeting and queues the participant for a rematch."""
    row = native(tx.run(Q.mark_no_doors, meeting_id=meeting_id, reason=reason, at=at)[0])
    return QueueEntry(**row)


def list_rematch_queue(
    tx: Tx, *, after: tuple[datetime, str] | None, limit: int
) -> list[QueueEntry]:
    """Queued participants, longest waiting first, after the cursor position."""
    rows = tx.run(
        Q.list_rematch_queue,
        after_since=after[0] if after else None,
        after_id=after[1] if after else None,
        limit=limit,
    )
    entries = []
    for row in map(native, rows):
        last = row["last"] or {}
        entries.append(
            QueueEntry(
                participant_id=row["participant_id"],
                rematch_since=row["rematch_since"],
                meeting_id=last.get("meeting_id"),
                door_opener_id=last.get("door_opener_id"),
                reason=last.get("reason"),
            )
        )
    return entries


def record_follow_up(tx: Tx, *, meeting_id: str, answers: dict[str, Any]) -> dict[str, Any] | None:
    """Stores (or replaces) the meeting's follow-up; None when there is no such meeting."""
    rows = tx.run(Q.record_follow_up, meeting_id=meeting_id, **answers)
    return native(rows[0]) if rows else None


def list_stalled(
    tx: Tx, *, before: datetime, after: tuple[datetime, str] | None, limit: int
) -> list[dict[str, Any]]:
    """Relay doors opened before `before` whose match is still open without a meeting."""
    rows = tx.run(
        Q.list_stalled_relays,
        before=before,
        after_at=after[0] if after else None,
        after_id=after[1] if after else None,
        limit=limit,
    )
    return [native(r) for r in rows]
