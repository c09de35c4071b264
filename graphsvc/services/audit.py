"""What is audited and how it is read back.

Every write, and every read by a role that sees contact details, is recorded with the token's
name, the route and the target id: enough to answer "who looked at or changed this person, and
when", without copying any personal data into the log.
"""

from __future__ import annotations

import secrets

from graphsvc import clock
from graphsvc.graph import audit as repo
from graphsvc.graph.db import Graph
from graphsvc.models.audit import AuditEvent, AuditPage
from graphsvc.models.token import Principal
from graphsvc.services.paging import decode_cursor, encode_cursor

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# Reads that hold no contact details for anyone: reference codes, aggregate reports, the log itself.
UNAUDITED_READ_PREFIXES = ("/api/v1/reference", "/api/v1/reports", "/api/v1/audit")


def is_audited(*, method: str, route: str, principal: Principal) -> bool:
    """Writes always; reads only when the caller may see contact details on that route."""
    if method in WRITE_METHODS:
        return True
    if not principal.may("staff"):
        return False
    shows_people = route.startswith(("/api/v1", "/ui/people"))
    return shows_people and not route.startswith(UNAUDITED_READ_PREFIXES)


def target_of(path_params: dict[str, str]) -> str | None:
    """The id the request was about: the first path parameter that names one."""
    for name, value in path_params.items():
        if name == "id" or name.endswith("_id"):
            return value
    return None


def record(
    graph: Graph,
    *,
    principal: Principal,
    method: str,
    route: str,
    path_params: dict[str, str],
    status: int,
) -> None:
    """Appends the event for one request."""
    event = AuditEvent(
        id=secrets.token_hex(12),
        at=clock.now(),
        token_id=principal.token_id,
        token_name=principal.name,
        role=principal.role,
        action=f"{method} {route}",
        route=route,
        target_id=target_of(path_params),
        status=status,
    )
    repo.record_event(graph, event=event)


def list_events(
    graph: Graph,
    *,
    target_id: str | None = None,
    token_name: str | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> AuditPage:
    """A page of events, newest first."""
    before = decode_cursor(cursor) if cursor else None
    events = repo.list_events(
        graph, target_id=target_id, token_name=token_name, before=before, limit=limit + 1
    )
    page, more = events[:limit], len(events) > limit
    next_cursor = encode_cursor(page[-1].at, page[-1].id) if more and page else None
    return AuditPage(items=page, next_cursor=next_cursor)
