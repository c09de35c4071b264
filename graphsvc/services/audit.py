"""What is audited and how it is read back.

Every write, and every read by a role that sees contact details, is recorded with the token's
name, the route and the target id: enough to answer "who looked at or changed this person, and
when", without copying any personal data into the log.

Events are stored by group commit (`graphsvc.services.groupcommit`): concurrent requests share
one write transaction, and `record` returns only once the caller's event is committed, raising
when it could not be, so the API never sends an answer whose event is not in the log.
"""

from __future__ import annotations

import asyncio
import secrets
import threading
import weakref
from collections.abc import Sequence

from graphsvc import clock
from graphsvc.errors import Unavailable
from graphsvc.graph import audit as repo
from graphsvc.graph.db import Graph
from graphsvc.models.audit import AuditEvent, AuditPage
from graphsvc.models.token import Principal
from graphsvc.services.groupcommit import GroupCommit
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


_Journals = weakref.WeakKeyDictionary[Graph, GroupCommit[AuditEvent]]
_journals: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Journals] = (
    weakref.WeakKeyDictionary()
)
_journals_lock = threading.Lock()  # loops in other threads (test clients) share the table


def journal(graph: Graph) -> GroupCommit[AuditEvent]:
    """The group commit of this graph's audit events on the running event loop: one per worker
    process, which serves on one loop (a test client runs a loop of its own)."""
    with _journals_lock:
        per_loop = _journals.setdefault(asyncio.get_running_loop(), weakref.WeakKeyDictionary())
        found = per_loop.get(graph)
        if found is None:
            held = weakref.ref(graph)  # the journal must not keep its graph alive

            def write(events: Sequence[AuditEvent]) -> None:
                owner = held()
                if owner is None:
                    raise Unavailable("the audit trail's database connection is closed")
                repo.record_events(owner, events=events)

            found = per_loop[graph] = GroupCommit(write)
        return found


async def record(
    graph: Graph,
    *,
    principal: Principal,
    method: str,
    route: str,
    path_params: dict[str, str],
    status: int,
) -> None:
    """Appends the event for one request; returns once it is committed, raises when it is not.

    Awaited on the event loop while the event waits for its shared transaction.
    """
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
    await journal(graph).submit(event)


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
