"""meetings.csv: a held meeting a row, for a match imported before (or made in the service).

As recording a meeting does, the meeting takes its match's generation and the match becomes
`met`; `held_at` is kept as given, so reports over imported history count each meeting in the
month it was held. A meeting that ended without doors carries its reason, and the participant
is put on the rematch queue unless a later match took them off it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from graphsvc.graph.db import Graph, Row, Tx
from graphsvc.importing import cells, store
from graphsvc.importing.checks import Checked, derived_id, in_future, iso, parse_model
from graphsvc.importing.report import RowError
from graphsvc.importing.rows import RawRow
from graphsvc.models.meeting import FreeText, NoDoorsCreate
from graphsvc.models.person import MeetingMode

COLUMNS = ("id", "match_id", "held_at", "mode", "no_doors_reason", "no_doors_at")
REQUIRED = frozenset({"match_id", "held_at", "mode"})
_ENDED = ("declined", "cancelled")


class MeetingImport(BaseModel):
    """One row of meetings.csv."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = None
    match_id: str = Field(pattern=cells.ID_PATTERN.pattern)
    held_at: datetime
    mode: MeetingMode
    no_doors_reason: FreeText | None = None
    no_doors_at: datetime | None = None

    @field_validator("no_doors_reason")
    @classmethod
    def _one_clean_line(cls, value: str | None) -> str | None:
        return NoDoorsCreate(reason=value).reason if value is not None else None


CONVERTERS: dict[str, Callable[[str], Any]] = {
    "id": cells.as_id,
    "match_id": str,
    "held_at": cells.as_datetime,
    "mode": str,
    "no_doors_reason": str,
    "no_doors_at": cells.as_datetime,
}


@dataclass(frozen=True)
class MeetingRow:
    """A meeting ready to write."""

    line: int
    id: str
    participant_id: str
    door_opener_id: str
    meeting: MeetingImport


def check(graph: Graph, raws: list[RawRow], at: datetime) -> Checked[MeetingRow]:
    """Every row parsed and checked against its match and the file's other meetings."""
    result: Checked[MeetingRow] = Checked()
    parsed: list[tuple[int, MeetingImport]] = []
    for raw in raws:
        model, errors = parse_model(raw, MeetingImport, CONVERTERS)
        result.errors += errors
        if model is not None:
            parsed.append((raw.line, model))
    held = store.held_matches(graph, ids=sorted({m.match_id for _, m in parsed}), pairs=[])
    matches = {h["id"]: h for h in held}
    seen_ids: dict[str, int] = {}
    seen_matches: dict[str, int] = {}
    for line, m in parsed:
        match = matches.get(m.match_id)
        meeting_id = m.id or derived_id("mt", m.match_id)
        errors = _rules(line, m, match, meeting_id, at)
        if m.match_id in seen_matches:
            errors.append(
                _error(
                    line,
                    "match_id",
                    m.match_id,
                    f"this match has a meeting on line {seen_matches[m.match_id]}",
                )
            )
        elif meeting_id in seen_ids:
            errors.append(
                _error(
                    line, "id", meeting_id, f"the same meeting id is on line {seen_ids[meeting_id]}"
                )
            )
        seen_matches.setdefault(m.match_id, line)
        seen_ids.setdefault(meeting_id, line)
        result.errors += errors
        if errors or match is None:
            continue
        if match["meeting_id"] == meeting_id:
            result.skipped += 1
        else:
            result.good.append(
                MeetingRow(line, meeting_id, match["participant_id"], match["door_opener_id"], m)
            )
    return result


def _error(line: int, field: str, value: object, reason: str) -> RowError:
    return RowError(line=line, field=field, value=value, reason=reason)


def _rules(
    line: int, m: MeetingImport, match: Row | None, meeting_id: str, now: datetime
) -> list[RowError]:
    found = [
        in_future(line, "held_at", m.held_at, now),
        in_future(line, "no_doors_at", m.no_doors_at, now),
    ]
    errors = [e for e in found if e is not None]
    if m.no_doors_at is not None and m.no_doors_reason is None:
        errors.append(_error(line, "no_doors_reason", None, "no_doors_at needs a reason"))
    if m.no_doors_at is not None and m.no_doors_at < m.held_at:
        errors.append(
            _error(
                line,
                "no_doors_at",
                m.no_doors_at.isoformat(),
                "no_doors_at lies before the meeting",
            )
        )
    if match is None:
        errors.append(_error(line, "match_id", m.match_id, f"no match with id {m.match_id!r}"))
        return errors
    if match["status"] in _ENDED:
        errors.append(
            _error(
                line, "match_id", m.match_id, f"the match was {match['status']}: it had no meeting"
            )
        )
    if m.held_at < match["created_at"]:
        errors.append(
            _error(line, "held_at", m.held_at.isoformat(), "held_at lies before the match was made")
        )
    if match["meeting_id"] not in (None, meeting_id):
        errors.append(
            _error(
                line,
                "match_id",
                m.match_id,
                f"this match has another meeting ({match['meeting_id']})",
            )
        )
    return errors


def to_write_rows(rows: list[MeetingRow], *, at: datetime) -> list[dict[str, Any]]:
    """`save_meetings` rows: the properties recording a meeting (and no-doors) gives it."""
    return [
        {
            "id": r.id,
            "match_id": r.meeting.match_id,
            "participant_id": r.participant_id,
            "door_opener_id": r.door_opener_id,
            "held_at": iso(r.meeting.held_at),
            "recorded_at": iso(at),
            "no_doors_at": iso(
                r.meeting.no_doors_at or (r.meeting.held_at if r.meeting.no_doors_reason else None)
            ),
            "props": {"mode": r.meeting.mode, "no_doors_reason": r.meeting.no_doors_reason},
        }
        for r in rows
    ]


def write(
    graph: Graph, rows: list[MeetingRow], at: datetime, advance: Callable[[int], None] | None
) -> int:
    """Writes the meetings in batches, then brings the rematch queue in line with them."""

    def save(tx: Tx, batch: list[dict[str, Any]]) -> None:
        store.save_meetings(tx, batch)

    written = store.write_batches(graph, to_write_rows(rows, at=at), save, progress=advance)
    store.refresh_rematch_queue(graph, participant_ids=sorted({r.participant_id for r in rows}))
    return written
