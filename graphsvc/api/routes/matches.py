"""Matching: a participant's candidates, proposals, their statuses and resends, and the batch."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from graphsvc.api.deps import GraphDep, Staff, Viewer
from graphsvc.models.match import (
    BatchRequest,
    BatchResult,
    CandidateList,
    CandidateMode,
    Match,
    MatchCreate,
)
from graphsvc.selfservice.announcer import AnnouncerDep
from graphsvc.services import batch, candidates, matches
from graphsvc.settings import Settings

router = APIRouter(prefix="/api/v1", tags=["matching"])
MATCH: dict[str, Any] = {"response_model": Match, "response_model_exclude_unset": True}


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


@router.get(
    "/participants/{participant_id}/candidates",
    response_model=CandidateList,
    response_model_exclude_unset=True,
)
def list_candidates(
    participant_id: str,
    request: Request,
    graph: GraphDep,
    who: Viewer,
    limit: Annotated[int, Query(ge=1, le=500)] = 10,
    mode: CandidateMode = "any",
) -> CandidateList:
    """Active door-openers with free capacity who share a language with the participant and
    have never been matched with or met them, best first (ties by id), each with what they share.
    `mode=digital` lets place count for nothing; `in_person`/`digital` keep only door-openers
    who meet that way."""
    return candidates.list_candidates(
        graph,
        participant_id,
        weights=_settings(request).weights,
        principal=who,
        limit=limit,
        mode=mode,
    )


@router.post("/matches", status_code=201, **MATCH)
def propose(
    body: MatchCreate, request: Request, graph: GraphDep, _: Staff, announcer: AnnouncerDep
) -> Match:
    """Proposes a meeting with a suggested hour and tells both people, with their answer links
    (409: no free capacity or matched/met before; 422: inactive, wrong role, no shared language
    or way of meeting)."""
    return matches.propose(graph, _settings(request), body, announcer)


@router.post("/matches/batch", response_model=BatchResult)
def run_batch(
    body: BatchRequest, request: Request, graph: GraphDep, _: Staff, announcer: AnnouncerDep
) -> BatchResult:
    """Assigns the waiting participants for the highest total score within every door-opener's
    capacity; `dry_run` returns the plan without making matches."""
    return batch.run_batch(graph, _settings(request), body, announcer)


@router.get("/matches/{match_id}", **MATCH)
def get_match(match_id: str, graph: GraphDep, who: Viewer) -> Match:
    """One match, as the caller's role may see its two people."""
    return matches.get_match(graph, match_id, who)


@router.post("/matches/{match_id}/notify", **MATCH)
def notify(
    match_id: str, request: Request, graph: GraphDep, _: Staff, announcer: AnnouncerDep
) -> Match:
    """Tells both people of an open match again; `notification` says how it went."""
    return matches.resend(graph, _settings(request), match_id, announcer)


@router.post("/matches/{match_id}/accept", **MATCH)
def accept(match_id: str, graph: GraphDep, who: Staff) -> Match:
    """The two have agreed to meet (only from `proposed`; 409 otherwise)."""
    return matches.transition(graph, match_id, "accept", who)


@router.post("/matches/{match_id}/decline", **MATCH)
def decline(match_id: str, graph: GraphDep, who: Staff) -> Match:
    """One of the two said no (only from `proposed`): frees capacity; never proposed again."""
    return matches.transition(graph, match_id, "decline", who)


@router.post("/matches/{match_id}/cancel", **MATCH)
def cancel(match_id: str, graph: GraphDep, who: Staff) -> Match:
    """Called off (from `proposed` or `accepted`): frees capacity; never proposed again."""
    return matches.transition(graph, match_id, "cancel", who)
