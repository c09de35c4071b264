"""The impact report: the contract's figures (`/reports/impact`) and the additions beyond it.

Every figure counts people, meetings or doors; none names anyone, so a viewer may read it. A
figure with nothing to divide by (a share with no follow-ups, a mean over nobody) is `null`
rather than a made-up zero, so a chart never shows 0 % where nothing was measured.
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

ReportFormat = Literal["json", "csv", "html"]
OUTCOMES = ("job", "internship", "education", "other", "none")


@cache
def _reference_keys(kind: str) -> frozenset[str]:
    """Keys of the shipped standard (the same CSV the database is loaded from)."""
    from graphsvc.graph.reference import read_rows  # pure file read; no database involved

    return frozenset(row["key"] for row in read_rows(kind))


class ReportFilters(BaseModel):
    """The period and filters of `GET /reports/impact`, validated once for API, page and CLI.

    Unknown keys are refused against the shipped standards so a typo is a 422 naming the
    parameter, not an empty report that looks like a programme with no activity.
    """

    # Extra query parameters (`format`, `lang` on the page) belong to the caller, not the filters.
    model_config = ConfigDict(extra="ignore", populate_by_name=True)

    from_: date | None = Field(
        default=None,
        alias="from",
        description="First day of the period (Europe/Stockholm); default 1 January of `to`.",
    )
    to: date | None = Field(default=None, description="Last day of the period; default today.")
    industry: str | None = Field(
        default=None,
        pattern=r"^([A-U]|[0-9]{2})$",
        description="SNI 2007 section or division: keeps people in it (or in its divisions).",
    )
    place: str | None = Field(
        default=None,
        pattern=r"^[0-9]{2}([0-9]{2})?$",
        description="County or municipality key: keeps people who live there.",
    )

    @field_validator("from_", "to", "industry", "place", mode="before")
    @classmethod
    def _blank_is_none(cls, value: object) -> object:
        """A form's empty field means "no filter", not an invalid value."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("from_", "to")
    @classmethod
    def _plausible(cls, value: date | None) -> date | None:
        if value is not None and not date(1990, 1, 1) <= value <= date(2100, 12, 31):
            raise ValueError("must lie between 1990-01-01 and 2100-12-31")
        return value

    @field_validator("industry")
    @classmethod
    def _known_industry(cls, value: str | None) -> str | None:
        if value is not None and value not in _reference_keys("industries"):
            raise ValueError(f"unknown industry key {value!r}")
        return value

    @field_validator("place")
    @classmethod
    def _known_place(cls, value: str | None) -> str | None:
        if value is not None and value not in _reference_keys("places"):
            raise ValueError(f"unknown place key {value!r}")
        return value

    @field_validator("to")
    @classmethod
    def _not_before_from(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("from_")
        if value is not None and start is not None and start > value:
            raise ValueError(f"to ({value}) is before from ({start})")
        return value


class Period(BaseModel):
    """The report's period, both days included (Europe/Stockholm dates)."""

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    from_: date = Field(alias="from")
    to: date


class ReachSummary(BaseModel):
    """`reach.total` over participants with a meeting in the period; null over nobody."""

    mean: float | None
    median: float | None
    p90: float | None = Field(description="90th percentile, linear interpolation.")
    max: int | None


class Completion(BaseModel):
    """Doors opened by door-openers in one generation, and how many became a meeting."""

    doors: int
    met: int
    share: float | None


class Virality(BaseModel):
    """Structural virality (Goel et al. 2015) of the participants' relay trees, summarised."""

    participants: int
    mean: float | None
    median: float | None
    max: float | None


class MonthPoint(BaseModel):
    """One calendar month of the period, for the growth charts."""

    month: str = Field(description="YYYY-MM")
    meetings: int
    doors: int
    new_participants: int
    mean_reach: float | None = Field(
        description="Mean reach.total of participants with a meeting in that month."
    )


class Filters(BaseModel):
    """The filters the report was computed with, echoed for the reader."""

    industry: str | None
    place: str | None


class ImpactReport(BaseModel):
    """`GET /api/v1/reports/impact`: the contract's figures, then the additions beyond it."""

    model_config = ConfigDict(serialize_by_alias=True)

    period: Period
    participants: int
    door_openers: int
    retired_door_openers: int
    matches: int
    meetings: int
    doors_opened: int
    doors_per_meeting: float | None
    relay_depth: dict[str, int]
    reach: ReachSummary
    follow_ups: int
    understood_market_better: float | None
    integration_helped: float | None
    kept_in_contact: float | None
    outcomes: dict[str, int]
    rematch_rate: float | None
    median_days_to_first_meeting: float | None
    # Beyond the contract.
    filters: Filters
    branching_factor: float | None = Field(
        description="Doors opened by door-openers in the period that became a meeting, "
        "per meeting held in the period."
    )
    completion_per_generation: dict[str, Completion]
    structural_virality: Virality
    retired_share_of_meetings: float | None
    digital_share_of_meetings: float | None
    reach_distribution: dict[str, int] = Field(
        description="Participants (with a meeting in the period) per reach.total."
    )
    monthly: list[MonthPoint]
