"""Matches: a proposed one-hour meeting between a participant and a door-opener."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from graphsvc.models.person import MeetingMode, Person

MatchStatus = Literal["proposed", "accepted", "declined", "cancelled", "met"]
OPEN_STATUSES: tuple[MatchStatus, ...] = ("proposed", "accepted")
PlaceNearness = Literal["same_municipality", "same_county", "other"]
NotificationState = Literal["pending", "sent", "failed"]
CandidateMode = Literal["any", "in_person", "digital"]
MatchAction = Literal["accept", "decline", "cancel"]


class MatchCreate(BaseModel):
    """The body of `POST /matches`: staff pair a participant with a door-opener."""

    model_config = ConfigDict(extra="forbid")

    participant_id: str = Field(min_length=1, max_length=100)
    door_opener_id: str = Field(min_length=1, max_length=100)


class Match(BaseModel):
    """A match as the contract returns it, with both people as the caller may see them."""

    id: str
    status: MatchStatus
    participant: Person
    door_opener: Person
    score: float
    suggested_time: datetime | None
    duration_minutes: int = 60
    mode: MeetingMode
    created_at: datetime
    generation: int
    notification: NotificationState = "pending"
    relay: bool = False


class Shared(BaseModel):
    """What a candidate has in common with the participant: the explanation of the score."""

    languages: list[str]
    industries: list[str]
    fields: list[str]
    place: PlaceNearness
    distance_km: float | None


class Candidate(BaseModel):
    """One door-opener the participant could meet, with score and explanation."""

    door_opener: Person
    score: float
    shared: Shared


class CandidateList(BaseModel):
    """Candidates, best first."""

    items: list[Candidate]


class ScoredPair(BaseModel):
    """One row of the candidate query: a pair, its score and why, and the door-opener's room."""

    participant_id: str
    door_opener_id: str
    score: float
    shared: Shared
    capacity_left: int


class BatchRequest(BaseModel):
    """The body of `POST /matches/batch`."""

    model_config = ConfigDict(extra="forbid")

    dry_run: bool = False
    participant_ids: list[str] | None = Field(default=None, max_length=10_000)


class Assignment(BaseModel):
    """One pair the batch chose; `match_id` is the match made from it (null in a dry run)."""

    participant_id: str
    door_opener_id: str
    score: float
    match_id: str | None = None


class BatchResult(BaseModel):
    """The batch plan: assignments, who is left waiting, and how it compares to greedy."""

    assignments: list[Assignment]
    unmatched: list[str]
    total_score: float
    greedy_total_score: float
    skipped: list[str] = Field(
        default_factory=list,
        description="Given participant_ids that are not waiting (unknown, inactive, not a "
        "participant, or with an open match); they were left out of the plan.",
    )
