"""Following relays: the rematch queue, a participant's network, and relays that stalled."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graphsvc.api.deps import GraphDep, Staff, Viewer
from graphsvc.models.meeting import RematchPage, StalledPage, problems
from graphsvc.models.network import Network
from graphsvc.privacy import present_person, sees_contact_details
from graphsvc.services import doors, meetings, network

router = APIRouter(prefix="/api/v1", tags=["relays"])
Limit = Annotated[int, Query(ge=1, le=500)]
Cursor = Annotated[str | None, Query(max_length=500)]


@router.get("/rematch-queue", response_model=RematchPage, response_model_exclude_unset=True)
def rematch_queue(
    graph: GraphDep, who: Viewer, limit: Limit = 50, cursor: Cursor = None
) -> RematchPage:
    """Participants waiting for a new door-opener, longest waiting first; viewers see initials
    and no reason (free text)."""
    page = meetings.rematch_queue(graph, limit=limit, cursor=cursor)
    full = sees_contact_details(who)
    items = [
        e.model_copy(
            update={
                "participant": present_person(e.participant, who),
                "reason": e.reason if full else None,
            }
        )
        for e in page.items
    ]
    return RematchPage(items=items, next_cursor=page.next_cursor)


@router.get(
    "/participants/{participant_id}/network", response_model=Network, responses=problems(404)
)
def participant_network(participant_id: str, graph: GraphDep, who: Viewer) -> Network:
    """The participant's relay tree (matched, met, introduced) and its reach."""
    return network.get_network(graph, participant_id, who)


@router.get("/relays/stalled", response_model=StalledPage, response_model_exclude_unset=True)
def stalled_relays(
    graph: GraphDep,
    _: Staff,
    days: Annotated[int, Query(ge=0, le=3650)] = 30,
    limit: Limit = 50,
    cursor: Cursor = None,
) -> StalledPage:
    """Doors opened more than `days` days ago whose relay match has no meeting yet, oldest
    first, so staff can nudge them."""
    return doors.stalled_relays(graph, days=days, limit=limit, cursor=cursor)
