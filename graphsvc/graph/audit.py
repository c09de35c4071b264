"""The audit repository: an append-only series of `:AuditEvent` nodes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.models.audit import AuditEvent

Q = queries.audit


def record_events(graph: Graph, *, events: Sequence[AuditEvent]) -> None:
    """Appends events in one transaction: all of them are stored, or none."""
    rows = [{**event.model_dump(), "at": event.at.isoformat()} for event in events]
    graph.write(Q.record_events, events=rows)


def list_events(
    graph: Graph,
    *,
    target_id: str | None,
    token_name: str | None,
    before: tuple[datetime, str] | None,
    limit: int,
) -> list[AuditEvent]:
    """Events newest first, after the cursor position `before`."""
    rows = graph.read(
        Q.list_events,
        target_id=target_id,
        token_name=token_name,
        before_at=before[0] if before else None,
        before_id=before[1] if before else None,
        limit=limit,
    )
    return [AuditEvent(**native(r["event"])) for r in rows]
