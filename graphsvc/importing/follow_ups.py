"""follow_ups.csv: the four answers given after a meeting, one row per meeting.

They are stored where the follow-up endpoint stores them (on the meeting's `MET` edge), so the
impact report counts imported answers as it counts answers given in the service. A meeting that
has a follow-up already keeps it: an import adds history, it does not overwrite answers (a
follow-up is changed through the API, which keeps who changed it).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from pydantic import ConfigDict, Field

from graphsvc.graph.db import Graph, Tx
from graphsvc.importing import cells, store
from graphsvc.importing.checks import Checked, in_future, iso, parse_model
from graphsvc.importing.report import RowError
from graphsvc.importing.rows import RawRow
from graphsvc.models.meeting import FollowUpCreate

COLUMNS = (
    "meeting_id",
    "understood_market_better",
    "integration_helped",
    "kept_in_contact",
    "outcome",
    "comment",
    "at",
)
REQUIRED = frozenset(
    {"meeting_id", "understood_market_better", "integration_helped", "kept_in_contact", "outcome"}
)


class FollowUpImport(FollowUpCreate):
    """One row of follow_ups.csv: the endpoint's body, its meeting, and when it was given."""

    model_config = ConfigDict(extra="forbid")

    meeting_id: str = Field(pattern=cells.ID_PATTERN.pattern)
    at: datetime | None = Field(default=None, description="when given; the import's time if empty")


CONVERTERS: dict[str, Callable[[str], Any]] = {
    "meeting_id": str,
    "understood_market_better": cells.as_bool,
    "integration_helped": cells.as_bool,
    "kept_in_contact": cells.as_bool,
    "outcome": str,
    "comment": str,
    "at": cells.as_datetime,
}


def check(graph: Graph, raws: list[RawRow], at: datetime) -> Checked[FollowUpImport]:
    """Every row parsed and checked against its meeting; meetings answered already skipped."""
    result: Checked[FollowUpImport] = Checked()
    parsed: list[tuple[int, FollowUpImport]] = []
    for raw in raws:
        model, errors = parse_model(raw, FollowUpImport, CONVERTERS)
        result.errors += errors
        if model is not None:
            parsed.append((raw.line, model))
    meetings = store.held_meetings(graph, ids=sorted({f.meeting_id for _, f in parsed}))
    seen: dict[str, int] = {}
    for line, f in parsed:
        meeting = meetings.get(f.meeting_id)
        reason, field, value = None, "meeting_id", f.meeting_id
        future = in_future(line, "at", f.at, at)
        if meeting is None:
            reason = f"no meeting with id {f.meeting_id!r}"
        elif f.meeting_id in seen:
            reason = f"this meeting has a follow-up on line {seen[f.meeting_id]}"
        elif future is not None:
            result.errors.append(future)
        elif f.at is not None and f.at < meeting["held_at"]:
            reason, field, value = "the follow-up lies before its meeting", "at", f.at.isoformat()
        seen.setdefault(f.meeting_id, line)
        if reason:
            result.errors.append(RowError(line=line, field=field, value=value, reason=reason))
        elif future is not None or meeting is None:
            continue
        elif meeting["has_follow_up"]:
            result.skipped += 1
        else:
            result.good.append(f)
    return result


def write(
    graph: Graph, rows: list[FollowUpImport], at: datetime, advance: Callable[[int], None] | None
) -> int:
    """Writes the answers in batches onto their meetings."""
    out = [
        {
            "meeting_id": f.meeting_id,
            "understood_market_better": f.understood_market_better,
            "integration_helped": f.integration_helped,
            "kept_in_contact": f.kept_in_contact,
            "outcome": f.outcome,
            "comment": f.comment,
            "at": iso(f.at or at),
        }
        for f in rows
    ]

    def save(tx: Tx, batch: list[dict[str, Any]]) -> None:
        store.save_follow_ups(tx, batch)

    return store.write_batches(graph, out, save, progress=advance)
