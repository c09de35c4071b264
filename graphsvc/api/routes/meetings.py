"""Meetings and what follows them: record a meeting, open doors, no doors, follow up.

`POST /api/v1/matches/{id}/meeting` lives here rather than with the matches because it starts
the relay's half of the programme; its path follows the contract.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from graphsvc.api.deps import GraphDep, Staff
from graphsvc.models.meeting import (
    DoorsCreate,
    DoorsResult,
    FollowUp,
    FollowUpCreate,
    Meeting,
    MeetingCreate,
    NoDoorsCreate,
    RematchEntry,
    problems,
)
from graphsvc.privacy import present_person
from graphsvc.selfservice.announcer import AnnouncerDep
from graphsvc.services import doors, meetings
from graphsvc.settings import Settings

router = APIRouter(prefix="/api/v1", tags=["meetings and doors"])


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.post(
    "/matches/{match_id}/meeting",
    status_code=201,
    response_model=Meeting,
    responses={
        200: {"model": Meeting, "description": "The meeting was already recorded."},
        **problems(404, 409),
    },
)
def record_meeting(
    match_id: str,
    body: MeetingCreate,
    graph: GraphDep,
    _: Staff,
    response: Response,
    announcer: AnnouncerDep,
) -> Meeting:
    """Records that the two met; the match becomes `met` and frees the door-opener's capacity.
    The door-opener is mailed the link to name contacts, the participant the follow-up.

    Recording it again returns the first meeting (200) instead of making a second one.
    """
    meeting, created = meetings.record_meeting(graph, match_id, body, announcer)
    if not created:
        response.status_code = 200
    return meeting


@router.post(
    "/meetings/{meeting_id}/doors",
    status_code=201,
    response_model=DoorsResult,
    responses=problems(404, 409),
)
def open_doors(
    meeting_id: str,
    body: DoorsCreate,
    graph: GraphDep,
    who: Staff,
    request: Request,
    announcer: AnnouncerDep,
) -> DoorsResult:
    """Opens doors after the meeting; the door-opener's doors become relay matches (409 when
    the door-opener would pass the per-meeting limit, or a contact cannot be introduced)."""
    return doors.open_doors(graph, _settings(request), meeting_id, body, who, announcer)


@router.post(
    "/meetings/{meeting_id}/no-doors", response_model=RematchEntry, responses=problems(404, 409)
)
def no_doors(meeting_id: str, body: NoDoorsCreate, graph: GraphDep, who: Staff) -> RematchEntry:
    """The door-opener could not open doors: the participant joins the rematch queue."""
    entry = meetings.record_no_doors(graph, meeting_id, body)
    return entry.model_copy(update={"participant": present_person(entry.participant, who)})


@router.post(
    "/meetings/{meeting_id}/follow-up", response_model=FollowUp, responses=problems(404)
)
def follow_up(meeting_id: str, body: FollowUpCreate, graph: GraphDep, who: Staff) -> FollowUp:
    """The meeting's follow-up answers; a second follow-up replaces the first."""
    return meetings.record_follow_up(graph, meeting_id, body, who)
