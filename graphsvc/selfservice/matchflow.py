"""Answering a match through links: accept the time, decline, propose another, "we met".

Each person answers for themself. The match becomes accepted when both have said yes to the same
time (the suggested one, or the last one proposed); proposing a time counts as saying yes to it
and asks the other again. A decline closes the match (declined while proposed, cancelled once
accepted, as the matching service allows). "We met" records the meeting through the relay
service, which keeps it to one per match, and passes the baton: the door-opener is asked for
contacts and the participant for the follow-up.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Literal

from graphsvc import clock
from graphsvc.errors import Conflict
from graphsvc.graph.db import Graph
from graphsvc.models.match import OPEN_STATUSES
from graphsvc.models.meeting import Meeting, MeetingCreate
from graphsvc.models.person import MeetingMode, Person
from graphsvc.selfservice import mails, relay, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link
from graphsvc.selfservice.matchmail import agreed_mail, answer_mail, send_quietly
from graphsvc.selfservice.matchstate import MatchClosed, MatchState, both, load
from graphsvc.selfservice.usage import SELF_SERVICE, used_once
from graphsvc.services import matches, meetings
from graphsvc.services.slots import SlotProblem, slot_problem


def _open(graph: Graph, link: Link) -> MatchState:
    state = load(graph, link)
    if state.match.status not in OPEN_STATUSES:
        raise MatchClosed
    return state


def accept(ctx: SelfService, graph: Graph, link: Link) -> tuple[MatchState, bool]:
    """Says yes to the time on the table; returns the state and whether both have now agreed."""
    with used_once(ctx, graph, link):
        state = _open(graph, link)
        flow = repo.set_match_flow(
            graph,
            match_id=state.match.id,
            props={f"{state.role}_answer": "accept", f"{state.role}_answered_at": ctx.now()},
        )
        state = MatchState(state.match, flow, state.meeting_id, state.role)
        if flow.get(f"{state.other_role}_answer") != "accept":
            return state, False
        flow = repo.agree_time(graph, match_id=state.match.id, at=state.time)
        if state.match.status == "proposed":
            matches.transition(graph, state.match.id, "accept", SELF_SERVICE)
        agreed = state.match.model_copy(update={"suggested_time": state.time})
        state = MatchState(agreed, flow, state.meeting_id, state.role)
    send_quietly(ctx, [agreed_mail(ctx, s) for s in both(state)], state.match.id)
    return state, True


def decline(ctx: SelfService, graph: Graph, link: Link) -> MatchState:
    """Closes the match for both and tells the other person."""
    with used_once(ctx, graph, link):
        state = _open(graph, link)
        action: Literal["decline", "cancel"] = (
            "decline" if state.match.status == "proposed" else "cancel"
        )
        repo.set_match_flow(
            graph, match_id=state.match.id, props={f"{state.role}_answer": "decline"}
        )
        matches.transition(graph, state.match.id, action, SELF_SERVICE)
    _, other = both(state)
    told = mails.person_mail(
        ctx, other.me, "declined", ref=state.match.id, other=state.me.name or ""
    )
    send_quietly(ctx, [told], state.match.id)
    return state


class TimeRefused(ValueError):
    """A proposed time that does not suit the other person: `reason` is a `SlotProblem`."""

    def __init__(self, reason: SlotProblem, other: Person) -> None:
        super().__init__(f"the time does not fit: {reason}")
        self.reason: SlotProblem = reason
        self.other = other


def check_fit(graph: Graph, state: MatchState, at: datetime) -> None:
    """Refuses a time outside the other person's weekly availability, on a holiday, or at an
    hour either of the two already has another open match."""
    busy = repo.busy_times(graph, match_id=state.match.id, person_ids=[state.me.id, state.other.id])
    problem = slot_problem(
        at,
        availability=state.other.availability,
        busy=busy,
        duration_minutes=state.match.duration_minutes,
    )
    if problem is not None:
        raise TimeRefused(problem, state.other)


def propose(ctx: SelfService, graph: Graph, link: Link, at: datetime) -> MatchState:
    """Puts a new time on the table (a yes from the proposer) and asks the other person.
    Raises ValueError for a time that is not at least an hour ahead and within a year, and
    `TimeRefused` for one that does not fit the other person (the link stays usable)."""
    now = ctx.now()
    if not now + timedelta(hours=1) <= at <= now + timedelta(days=365):
        raise ValueError("the time must lie ahead, within a year")
    with used_once(ctx, graph, link):
        state = _open(graph, link)
        check_fit(graph, state, at)
        flow = repo.set_match_flow(
            graph,
            match_id=state.match.id,
            props={
                "proposed_time": at,
                "proposed_by": state.role,
                "agreed_time": None,
                f"{state.role}_answer": "accept",
                f"{state.other_role}_answer": None,
            },
        )
    mine, other = both(MatchState(state.match, flow, state.meeting_id, state.role))
    send_quietly(ctx, [answer_mail(ctx, other, "proposed")], state.match.id)
    return mine


def held_at(state: MatchState, day: date, now: datetime) -> datetime:
    """The meeting's time: the day given, at the hour agreed (noon when none), never later
    than now (a meeting confirmed early happened before the click)."""
    hour = state.time.astimezone(clock.STOCKHOLM).time() if state.time else time(12)
    return min(datetime.combine(day, hour, tzinfo=clock.STOCKHOLM), now)


def met(ctx: SelfService, graph: Graph, link: Link, mode: MeetingMode, day: date) -> Meeting:
    """Records the meeting (one per match, whoever confirms first) and passes the baton.
    Raises ValueError for a day in the future or before the match was made."""
    now = ctx.now()
    with used_once(ctx, graph, link):
        state = load(graph, link)
        if not state.match.created_at.astimezone(clock.STOCKHOLM).date() <= day <= now.date():
            raise ValueError("the day must lie between the match and today")
        if state.match.status not in (*OPEN_STATUSES, "met"):
            raise MatchClosed
        body = MeetingCreate(held_at=held_at(state, day, now), mode=mode)
        try:
            meeting, _ = meetings.record_meeting(graph, state.match.id, body)
        except Conflict:
            raise MatchClosed from None
    relay.after_meeting(ctx, graph, meeting.id)
    return meeting
