"""matches.csv: a match a row, between a participant and a door-opener named by id or e-mail.

A staff-made match is generation 1 and needs a shared language, as `POST /matches` does; a relay
match (generation 2 and up) came from an introduction, which the contract makes even without
one. Capacity is not checked: it held at the time or it did not, and history is recorded as it
happened. A pair is matched once (a second match of the same pair is refused, as the API
refuses it); a row whose id is held already is skipped.
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
from graphsvc.models.match import MatchStatus
from graphsvc.models.person import MeetingMode

COLUMNS = (
    "id",
    "participant",
    "door_opener",
    "status",
    "created_at",
    "generation",
    "mode",
    "score",
    "suggested_time",
)
REQUIRED = frozenset({"participant", "door_opener", "created_at"})
PersonRef = str


class MatchImport(BaseModel):
    """One row of matches.csv, before its people are looked up."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    participant: PersonRef = Field(min_length=1, max_length=254)
    door_opener: PersonRef = Field(min_length=1, max_length=254)
    status: MatchStatus = "proposed"
    created_at: datetime
    generation: int = Field(default=1, ge=1, le=100)
    mode: MeetingMode = "in_person"
    score: float = Field(default=0.0, ge=0, le=1000)
    suggested_time: datetime | None = None


CONVERTERS: dict[str, Callable[[str], Any]] = {
    "id": cells.as_id,
    "participant": str,
    "door_opener": str,
    "status": str,
    "created_at": cells.as_datetime,
    "generation": cells.as_int,
    "mode": str,
    "score": cells.as_float,
    "suggested_time": cells.as_datetime,
}


@dataclass(frozen=True)
class MatchRow:
    """A match ready to write: ids resolved, its own id kept or derived."""

    line: int
    id: str
    participant_id: str
    door_opener_id: str
    match: MatchImport


def check(graph: Graph, raws: list[RawRow], at: datetime) -> Checked[MatchRow]:
    """Every row parsed, its people resolved and the pair compared with the file and the graph."""
    result: Checked[MatchRow] = Checked()
    parsed: list[tuple[int, MatchImport]] = []
    for raw in raws:
        model, errors = parse_model(raw, MatchImport, CONVERTERS)
        result.errors += errors
        if model is not None:
            parsed.append((raw.line, model))
    people = store.resolve_people(
        graph, refs=sorted({r for _, m in parsed for r in (m.participant, m.door_opener)})
    )
    resolved: list[MatchRow] = []
    for line, m in parsed:
        errors = _rules(line, m, people.get(m.participant), people.get(m.door_opener), at)
        result.errors += errors
        if not errors:
            pid, did = people[m.participant]["id"], people[m.door_opener]["id"]
            match_id = m.id or derived_id("m", pid, did, m.created_at)
            resolved.append(MatchRow(line, match_id, pid, did, m))
    held = store.held_matches(
        graph,
        ids=[r.id for r in resolved],
        pairs=[(r.participant_id, r.door_opener_id) for r in resolved],
    )
    by_id = {h["id"]: h for h in held}
    by_pair = {(h["participant_id"], h["door_opener_id"]): h["id"] for h in held}
    seen_ids: dict[str, int] = {}
    seen_pairs: dict[tuple[str, str], int] = {}
    for row in resolved:
        pair = (row.participant_id, row.door_opener_id)
        error = None
        if row.id in seen_ids:
            error = f"the same match id is on line {seen_ids[row.id]}"
        elif pair in seen_pairs:
            error = f"this pair is matched on line {seen_pairs[pair]} already"
        elif row.id in by_id and pair != (
            by_id[row.id]["participant_id"],
            by_id[row.id]["door_opener_id"],
        ):
            error = "this match id is held for another pair"
        elif row.id not in by_id and pair in by_pair:
            error = f"this pair was matched before (match {by_pair[pair]})"
        seen_ids.setdefault(row.id, row.line)
        seen_pairs.setdefault(pair, row.line)
        if error:
            result.errors.append(RowError(line=row.line, field="id", value=row.id, reason=error))
        elif row.id in by_id:
            result.skipped += 1
        else:
            result.good.append(row)
    return result


def _rules(
    line: int, m: MatchImport, participant: Row | None, door_opener: Row | None, now: datetime
) -> list[RowError]:
    found = [
        person_error(line, "participant", m.participant, participant, "participant"),
        person_error(line, "door_opener", m.door_opener, door_opener, "door_opener"),
        in_future(line, "created_at", m.created_at, now),
    ]
    errors = [e for e in found if e is not None]
    if errors or participant is None or door_opener is None:
        return errors
    if participant["id"] == door_opener["id"]:
        errors.append(
            RowError(
                line=line,
                field="door_opener",
                value=m.door_opener,
                reason="a person cannot be matched with themself",
            )
        )
    shared = set(participant["languages"]) & set(door_opener["languages"])
    if m.generation == 1 and not shared:
        errors.append(
            RowError(
                line=line,
                field="door_opener",
                value=m.door_opener,
                reason="the two share no language",
            )
        )
    return errors


def to_write_rows(rows: list[MatchRow], *, at: datetime) -> list[dict[str, Any]]:
    """`save_matches` rows: the properties the matching service gives a match."""
    return [
        {
            "id": r.id,
            "participant_id": r.participant_id,
            "door_opener_id": r.door_opener_id,
            "created_at": iso(r.match.created_at),
            "suggested_time": iso(r.match.suggested_time),
            "imported_at": iso(at),
            "props": {
                "status": r.match.status,
                "score": r.match.score,
                "duration_minutes": 60,
                "mode": r.match.mode,
                "generation": r.match.generation,
                "relay": r.match.generation > 1,  # made by an opened door, not by staff
                "notification": "sent",  # told at the time, outside the service: never resend
            },
        }
        for r in rows
    ]


def write(
    graph: Graph, rows: list[MatchRow], at: datetime, advance: Callable[[int], None] | None
) -> int:
    """Writes the matches in batches, then brings the rematch queue in line with them."""

    def save(tx: Tx, batch: list[dict[str, Any]]) -> None:
        store.save_matches(tx, batch)

    written = store.write_batches(graph, to_write_rows(rows, at=at), save, progress=advance)
    store.refresh_rematch_queue(graph, participant_ids=sorted({r.participant_id for r in rows}))
    return written
