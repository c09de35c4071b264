"""doors.csv: a door opened at a meeting a row, to a contact named by id or e-mail.

The door is written as the relay service writes it: from the opener (the meeting's door-opener
or its participant) to the contact, for the other one of the two, one generation beyond the
meeting. A door-opener's door may name the relay match it led to (`match_id`, imported with
matches.csv), which must be that participant's match with that contact, one generation on. The
door-opener's limit per meeting holds for history too; a contact is introduced to a person once,
and a door-opener's contact has the door-opener role (the relay makes them one).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from graphsvc.graph.db import Graph, Row, Tx
from graphsvc.importing import cells, store
from graphsvc.importing.checks import (
    Checked,
    derived_id,
    in_future,
    iso,
    parse_model,
    person_error,
)
from graphsvc.importing.report import RowError
from graphsvc.importing.rows import RawRow
from graphsvc.models.meeting import Opener
from graphsvc.settings import get_settings

COLUMNS = ("id", "meeting_id", "opened_by", "contact", "at", "match_id")
REQUIRED = frozenset({"meeting_id", "opened_by", "contact", "at"})


class DoorImport(BaseModel):
    """One row of doors.csv."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    meeting_id: str = Field(pattern=cells.ID_PATTERN.pattern)
    opened_by: Opener
    contact: str = Field(min_length=1, max_length=254)
    at: datetime
    match_id: str | None = Field(default=None, pattern=cells.ID_PATTERN.pattern)


CONVERTERS: dict[str, Callable[[str], Any]] = {
    "id": cells.as_id,
    "meeting_id": str,
    "opened_by": str,
    "contact": str,
    "at": cells.as_datetime,
    "match_id": str,
}


@dataclass(frozen=True)
class DoorRow:
    """A door ready to write: who opened it, to whom, for whom, and its generation."""

    line: int
    id: str
    from_id: str
    to_id: str
    for_id: str
    generation: int
    door: DoorImport


def check(graph: Graph, raws: list[RawRow], at: datetime) -> Checked[DoorRow]:
    """Every row parsed and checked against its meeting, its contact and the doors held."""
    result: Checked[DoorRow] = Checked()
    parsed: list[tuple[int, DoorImport]] = []
    for raw in raws:
        model, errors = parse_model(raw, DoorImport, CONVERTERS)
        result.errors += errors
        if model is not None:
            parsed.append((raw.line, model))
    meetings = store.held_meetings(graph, ids=sorted({d.meeting_id for _, d in parsed}))
    people = store.resolve_people(graph, refs=sorted({d.contact for _, d in parsed}))
    relay_ids = sorted({d.match_id for _, d in parsed if d.match_id})
    relays = {m["id"]: m for m in store.held_matches(graph, ids=relay_ids, pairs=[])}
    rows: list[DoorRow] = []
    for line, d in parsed:
        meeting, contact = meetings.get(d.meeting_id), people.get(d.contact)
        errors = _rules(line, d, meeting, contact, at)
        if errors or meeting is None or contact is None:
            result.errors += errors
            continue
        by_door_opener = d.opened_by == "door_opener"
        from_id = meeting["door_opener_id"] if by_door_opener else meeting["participant_id"]
        for_id = meeting["participant_id"] if by_door_opener else meeting["door_opener_id"]
        row = DoorRow(
            line,
            d.id or derived_id("od", d.meeting_id, contact["id"], d.opened_by),
            from_id,
            contact["id"],
            for_id,
            meeting["generation"] + 1,
            d,
        )
        errors = _relay_errors(row, relays.get(d.match_id) if d.match_id else None)
        result.errors += errors
        if not errors:
            rows.append(row)
    _against_held(graph, rows, meetings, result)
    return result


def _rules(
    line: int, d: DoorImport, meeting: Row | None, contact: Row | None, now: datetime
) -> list[RowError]:
    found = [
        in_future(line, "at", d.at, now),
        person_error(
            line,
            "contact",
            d.contact,
            contact,
            "door_opener" if d.opened_by == "door_opener" else None,
        ),
    ]
    errors = [e for e in found if e is not None]
    if meeting is None:
        errors.append(
            RowError(
                line=line,
                field="meeting_id",
                value=d.meeting_id,
                reason=f"no meeting with id {d.meeting_id!r}",
            )
        )
    elif d.at < meeting["held_at"]:
        errors.append(
            RowError(
                line=line,
                field="at",
                value=d.at.isoformat(),
                reason="the door lies before its meeting",
            )
        )
    if (
        meeting is not None
        and contact is not None
        and contact["id"] in (meeting["participant_id"], meeting["door_opener_id"])
    ):
        errors.append(
            RowError(
                line=line,
                field="contact",
                value=d.contact,
                reason="the contact is one of the meeting's own two people",
            )
        )
    return errors


def _relay_errors(row: DoorRow, relay: Row | None) -> list[RowError]:
    if row.door.match_id is None:
        return []
    reason = None
    if row.door.opened_by != "door_opener":
        reason = "only a door-opener's door leads to a relay match"
    elif relay is None:
        reason = f"no match with id {row.door.match_id!r}"
    elif (relay["participant_id"], relay["door_opener_id"]) != (row.for_id, row.to_id):
        reason = "the relay match is not between this participant and this contact"
    elif relay["generation"] != row.generation:
        reason = f"the relay match should be generation {row.generation}"
    if reason is None:
        return []
    return [RowError(line=row.line, field="match_id", value=row.door.match_id, reason=reason)]


def _against_held(
    graph: Graph, rows: list[DoorRow], meetings: dict[str, Row], result: Checked[DoorRow]
) -> None:
    """Skips doors held, refuses a second introduction and doors beyond the meeting's limit."""
    held = store.held_doors(
        graph, ids=[r.id for r in rows], pairs=[(r.for_id, r.to_id) for r in rows]
    )
    held_ids = {h["id"] for h in held}
    introduced = {(h["for_id"], h["to_id"]): h["id"] for h in held}
    limit = get_settings().max_doors_per_meeting
    used = {mid: m["doors_by_door_opener"] for mid, m in meetings.items()}
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        pair = (row.for_id, row.to_id)
        reason = None
        if row.id in held_ids:
            result.skipped += 1
            continue
        if pair in seen:
            reason = f"this contact is introduced to the same person on line {seen[pair]}"
        elif pair in introduced:
            reason = f"this contact was introduced to the same person before ({introduced[pair]})"
        elif row.door.opened_by == "door_opener" and used[row.door.meeting_id] >= limit:
            reason = f"a door-opener opens at most {limit} doors per meeting"
        seen.setdefault(pair, row.line)
        if reason:
            result.errors.append(
                RowError(line=row.line, field="contact", value=row.door.contact, reason=reason)
            )
            continue
        if row.door.opened_by == "door_opener":
            used[row.door.meeting_id] += 1
        result.good.append(row)


def write(
    graph: Graph, rows: list[DoorRow], at: datetime, advance: Callable[[int], None] | None
) -> int:
    """Writes the doors in batches, with the properties the relay service gives a door."""
    out = [
        {
            "id": r.id,
            "from_id": r.from_id,
            "to_id": r.to_id,
            "at": iso(r.door.at),
            "imported_at": iso(at),
            "props": {
                "for_id": r.for_id,
                "meeting_id": r.door.meeting_id,
                "generation": r.generation,
                "opened_by": r.door.opened_by,
                "match_id": r.door.match_id,
            },
        }
        for r in rows
    ]

    def save(tx: Tx, batch: list[dict[str, Any]]) -> None:
        store.save_doors(tx, batch)

    return store.write_batches(graph, out, save, progress=advance)
