"""People of the programme: door-openers, participants, or both.

`PersonCreate` is the contract's body; `PersonUpdate` the same fields, all optional (PATCH);
`Person` what the service returns. Lengths are bounded so that no text field can grow without
limit, and every value a person refers to (language, place, industry, field) is a reference key.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints, field_validator

Role = Literal["door_opener", "participant"]
MeetingMode = Literal["in_person", "digital"]
EducationLevel = Literal[
    "compulsory", "upper_secondary", "post_secondary", "bachelor", "master", "doctorate"
]
EDUCATION_RANK: dict[str, int] = {
    "compulsory": 0,
    "upper_secondary": 1,
    "post_secondary": 2,
    "bachelor": 3,
    "master": 4,
    "doctorate": 5,
}

_BOTH_MODES: tuple[MeetingMode, ...] = ("in_person", "digital")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Phone = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^\+?[0-9 ()\-]{5,24}$")]
Notes = Annotated[str, StringConstraints(max_length=2000)]
LanguageKey = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
PlaceKey = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}$")]
IndustryKey = Annotated[str, StringConstraints(pattern=r"^([A-U]|[0-9]{2})$")]
FieldKey = Annotated[str, StringConstraints(pattern=r"^[0-9]{2,4}$")]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class AvailabilitySlot(BaseModel):
    """A weekly window (ISO weekday, local Stockholm time) when the person can meet."""

    model_config = ConfigDict(extra="forbid")

    weekday: int = Field(ge=1, le=7)
    start: ClockTime
    end: ClockTime

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: str, info: object) -> str:
        start = getattr(info, "data", {}).get("start")
        if start is not None and time.fromisoformat(end) <= time.fromisoformat(start):
            raise ValueError(f"end {end} must be after start {start}")
        return end


class Education(BaseModel):
    """The highest level reached and the fields studied (ISCED-F keys)."""

    model_config = ConfigDict(extra="forbid")

    level: EducationLevel
    fields: list[FieldKey] = Field(default_factory=list, max_length=10)


def _no_control_chars(value: str | None) -> str | None:
    if value is not None and _CONTROL.search(value):
        raise ValueError("must not contain control characters")
    return value


class PersonFields(BaseModel):
    """The fields shared by creation and update, so both validate alike."""

    model_config = ConfigDict(extra="forbid")

    phone: Phone | None = None
    roles: list[Role] = Field(min_length=1, max_length=2)
    languages: list[LanguageKey] = Field(min_length=1, max_length=20)
    home_place: PlaceKey | None = None
    work_place: PlaceKey | None = None
    industries: list[IndustryKey] = Field(default_factory=list, max_length=10)
    education: Education
    work_years: int = Field(default=0, ge=0, le=80)
    years_in_sweden: float | None = Field(default=None, ge=0, le=120)
    foreign_background: bool = False
    residence_permit: bool = False
    established_in_sweden: bool = False
    retired: bool = False
    meeting_modes: list[MeetingMode] = Field(
        default_factory=lambda: list(_BOTH_MODES), min_length=1, max_length=2
    )
    max_active_matches: int = Field(default=1, ge=1, le=20)
    availability: list[AvailabilitySlot] = Field(default_factory=list, max_length=50)
    notes: Notes | None = None
    consent: bool
    signed_up_at: date | None = None

    @field_validator("roles", "languages", "industries", "meeting_modes")
    @classmethod
    def _unique(cls, values: list[str]) -> list[str]:
        return list(dict.fromkeys(values))

    @field_validator("notes")
    @classmethod
    def _clean_notes(cls, value: str | None) -> str | None:
        return _no_control_chars(value)


class PersonCreate(PersonFields):
    """The body of `POST /people`."""

    name: Name
    email: EmailStr = Field(max_length=254)

    @field_validator("name")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        if _CONTROL.search(value) or "\n" in value or "\r" in value:
            raise ValueError("a name is one line without control characters")
        return value


class PersonUpdate(BaseModel):
    """The body of `PATCH /people/{id}`: any subset of the creation fields."""

    model_config = ConfigDict(extra="forbid")

    name: Name | None = None
    email: EmailStr | None = Field(default=None, max_length=254)
    phone: Phone | None = None
    roles: list[Role] | None = Field(default=None, min_length=1, max_length=2)
    languages: list[LanguageKey] | None = Field(default=None, min_length=1, max_length=20)
    home_place: PlaceKey | None = None
    work_place: PlaceKey | None = None
    industries: list[IndustryKey] | None = Field(default=None, max_length=10)
    education: Education | None = None
    work_years: int | None = Field(default=None, ge=0, le=80)
    years_in_sweden: float | None = Field(default=None, ge=0, le=120)
    foreign_background: bool | None = None
    residence_permit: bool | None = None
    established_in_sweden: bool | None = None
    retired: bool | None = None
    meeting_modes: list[MeetingMode] | None = Field(default=None, min_length=1, max_length=2)
    max_active_matches: int | None = Field(default=None, ge=1, le=20)
    availability: list[AvailabilitySlot] | None = Field(default=None, max_length=50)
    notes: Notes | None = None
    consent: bool | None = None
    signed_up_at: date | None = None


class Person(BaseModel):
    """A person as the service returns them; a viewer gets initials and no contact details."""

    id: str
    name: str | None
    email: str | None = None
    phone: str | None = None
    roles: list[Role]
    languages: list[str]
    home_place: str | None
    work_place: str | None
    industries: list[str]
    education: Education
    work_years: int
    years_in_sweden: float | None
    foreign_background: bool
    residence_permit: bool
    established_in_sweden: bool
    retired: bool
    meeting_modes: list[MeetingMode]
    max_active_matches: int
    availability: list[AvailabilitySlot]
    notes: str | None = None
    consent: bool
    active: bool
    erased: bool = False
    created_at: datetime
    signed_up_at: date | None


class PersonPage(BaseModel):
    """One page of the people list; pass `next_cursor` back as `cursor` for the next."""

    items: list[Person]
    next_cursor: str | None


class PersonExport(BaseModel):
    """Everything held on one person (a subject access request); others appear by id only."""

    exported_at: datetime
    profile: Person
    matches: list[dict[str, object]]
    meetings: list[dict[str, object]]
    doors: list[dict[str, object]]
