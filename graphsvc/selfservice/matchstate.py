"""A match as one of its two people sees it: the match, its self-service record, their role."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from graphsvc.errors import NotFound
from graphsvc.graph.db import Graph
from graphsvc.models.match import Match
from graphsvc.models.person import Person, Role
from graphsvc.selfservice import repo
from graphsvc.selfservice.links import Link, LinkRefused
from graphsvc.services import matches


class MatchClosed(Exception):
    """The match is no longer open (declined, cancelled, or met and so past answering)."""


@dataclass(frozen=True)
class MatchState:
    """A match, its self-service record, and which of its two people is acting."""

    match: Match
    flow: dict[str, Any]
    meeting_id: str | None
    role: Role

    @property
    def me(self) -> Person:
        return self.match.participant if self.role == "participant" else self.match.door_opener

    @property
    def other(self) -> Person:
        return self.match.door_opener if self.role == "participant" else self.match.participant

    @property
    def other_role(self) -> Role:
        return "door_opener" if self.role == "participant" else "participant"

    @property
    def time(self) -> datetime | None:
        """The time on the table: agreed, else last proposed, else the suggested one."""
        found = self.flow.get("agreed_time") or self.flow.get("proposed_time")
        return found if isinstance(found, datetime) else self.match.suggested_time


def load(graph: Graph, link: Link) -> MatchState:
    """The match a link is about, for the person it was sent to; `gone` when it is no more."""
    try:
        match = matches.load_match(graph, link.subject)
    except NotFound:
        raise LinkRefused("gone") from None
    record = repo.get_match_flow(graph, match_id=link.subject) or {}
    if link.person == match.participant.id:
        role: Role = "participant"
    elif link.person == match.door_opener.id:
        role = "door_opener"
    else:
        raise LinkRefused("invalid")
    if match.participant.erased or match.door_opener.erased:
        raise LinkRefused("gone")
    return MatchState(match, record.get("flow") or {}, record.get("meeting_id"), role)


def load_as(graph: Graph, match_id: str, role: Role) -> MatchState:
    """The match seen from `role` (for mails the service sends on its own)."""
    match = matches.load_match(graph, match_id)
    record = repo.get_match_flow(graph, match_id=match_id) or {}
    return MatchState(match, record.get("flow") or {}, record.get("meeting_id"), role)


def both(state: MatchState) -> tuple[MatchState, MatchState]:
    """The same match from each side: the acting person first."""
    return state, MatchState(state.match, state.flow, state.meeting_id, state.other_role)
