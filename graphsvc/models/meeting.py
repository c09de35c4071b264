"""Meetings and what follows them: opened doors (the relay), no-doors, follow-ups.

A meeting is the `MET` edge of a match; doors are `OPENED_DOOR` edges from the opener to each
contact. Free text (a no-doors reason, a follow-up comment) is bounded and free of control
characters, because it is stored next to people and erased with them.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    field_validator,
)

from graphsvc.models.match import Match, MatchStatus
from graphsvc.models.person import MeetingMode, Person, PersonCreate

Opener = Literal["door_opener", "participant"]
Outcome = Literal["none", "job", "internship", "education", "other"]
EARLIEST_MEETING_YEAR = 2000
MAX_CONTACTS_PER_REQUEST = 20
"""A hard bound on one request; the door-opener's own limit per meeting is a setting."""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FreeText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]


def _clean(value: str | None) -> str | None:
    if value is not None and _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


class MeetingCreate(BaseModel):
    """The body of `POST /matches/{id}/meeting`: when and how the two met."""

    model_config = ConfigDict(extra="forbid")

    held_at: datetime = Field(
        description="When the meeting was held; not in the future. Without an offset it is read "
        "as Stockholm time."
    )
    mode: MeetingMode

    @field_validator("held_at")
    @classmethod
    def _within_the_programme(cls, value: datetime) -> datetime:
        # A typo (0202 for 2026) should be refused, not stored as a meeting centuries ago.
        if value.year < EARLIEST_MEETING_YEAR:
            raise ValueError(f"a programme meeting is held in {EARLIEST_MEETING_YEAR} or later")
        return value


class Meeting(BaseModel):
    """A recorded meeting, as the contract returns it."""

    id: str
    match_id: str
    participant_id: str
    door_opener_id: str
    held_at: datetime
    mode: MeetingMode
    generation: int


class ContactRef(BaseModel):
    """A contact who is already in the programme."""

    model_config = ConfigDict(extra="forbid")

    person_id: str = Field(min_length=1, max_length=100)


def _contact_kind(value: Any) -> str:
    """Existing person (`{"person_id"}`) or a full new-person body; decides the 422's shape."""
    if isinstance(value, dict):
        return "existing" if "person_id" in value else "new"
    return "existing" if isinstance(value, ContactRef) else "new"


Contact = Annotated[
    Annotated[ContactRef, Tag("existing")] | Annotated[PersonCreate, Tag("new")],
    Discriminator(_contact_kind),
]


class DoorsCreate(BaseModel):
    """The body of `POST /meetings/{id}/doors`: who opens doors, and to whom."""

    model_config = ConfigDict(extra="forbid")

    opened_by: Opener
    contacts: list[Contact] = Field(min_length=1, max_length=MAX_CONTACTS_PER_REQUEST)


class Door(BaseModel):
    """One opened door: `from_id` opened it to `to_id` for `for_id`."""

    id: str
    from_id: str
    to_id: str
    for_id: str
    generation: int


class DoorsResult(BaseModel):
    """The doors just opened and, when the door-opener opened them, the relay matches."""

    doors: list[Door]
    matches: list[Match]


class NoDoorsCreate(BaseModel):
    """The body of `POST /meetings/{id}/no-doors`: why no door could be opened."""

    model_config = ConfigDict(extra="forbid")

    reason: FreeText

    @field_validator("reason")
    @classmethod
    def _no_control(cls, value: str) -> str:
        return _clean(value) or value


class RematchEntry(BaseModel):
    """A participant waiting for a new door-opener, and the meeting that ended without doors.

    `reason` is free text and so left out for viewers.
    """

    participant: Person
    rematch_since: datetime
    meeting_id: str | None = None
    door_opener_id: str | None = None
    reason: str | None = None


class RematchPage(BaseModel):
    """One page of the rematch queue, longest waiting first."""

    items: list[RematchEntry]
    next_cursor: str | None


class FollowUpCreate(BaseModel):
    """The body of `POST /meetings/{id}/follow-up`: the contract's four answers."""

    model_config = ConfigDict(extra="forbid")

    understood_market_better: bool
    integration_helped: bool
    kept_in_contact: bool
    outcome: Outcome
    comment: FreeText | None = Field(
        default=None, description="Optional free text; removed when either person is erased."
    )

    @field_validator("comment")
    @classmethod
    def _no_control(cls, value: str | None) -> str | None:
        return _clean(value)


class FollowUp(BaseModel):
    """The meeting's follow-up as stored: the answers, who gave the latest and when.

    `revision` counts how many times it was given (a second replaces the first).
    """

    meeting_id: str
    understood_market_better: bool
    integration_helped: bool
    kept_in_contact: bool
    outcome: Outcome
    comment: str | None = None
    by: str
    at: datetime
    first_at: datetime
    revision: int


class StalledRelay(BaseModel):
    """A door opened long ago whose relay match has not led to a meeting yet."""

    door_id: str
    opened_at: datetime
    days_waiting: int
    generation: int
    opener_id: str
    match_id: str
    match_status: MatchStatus
    participant: Person
    contact: Person


class StalledPage(BaseModel):
    """One page of stalled relays, oldest door first."""

    items: list[StalledRelay]
    next_cursor: str | None


class Problem(BaseModel):
    """The readable body of a 404 or 409 (`{"detail": ...}`), documented on the relay routes."""

    detail: str


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for the given error codes, so clients (and schema tests) expect them."""
    words = {404: "Not found", 409: "Conflicts with what is held"}
    return {code: {"model": Problem, "description": words[code]} for code in codes}
