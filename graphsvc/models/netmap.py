"""The whole programme as one graph, for the staff network map (`GET /ui/`).

The map filters and replays growth in the browser, so each person carries the attributes staff
filter on and the month they first appear; the map page embeds exactly this model as its data.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from graphsvc.models.network import EdgeType
from graphsvc.models.person import FieldKey, IndustryKey, LanguageKey

# Beyond a few thousand people the browser map groups them; beyond this it would not load at all.
MAP_DEFAULT_LIMIT: Final = 5000
MAP_MAX_LIMIT: Final = 20000
# The programme's dates lie well inside these; outside them a day has no sane Stockholm offset
# (before 1900 the zone runs on local mean time, +01:12:12) or no day after it (year 9999).
EARLIEST_DAY: Final = date(2000, 1, 1)
LATEST_DAY: Final = date(2099, 12, 31)
CountyOrMunicipality = Annotated[str, StringConstraints(pattern=r"^[0-9]{2}([0-9]{2})?$")]


class MapNode(BaseModel):
    """One person with the attributes the map filters and groups on."""

    id: str
    label: str
    roles: list[str] = Field(default_factory=list)
    municipality: str | None = None
    county: str | None = None
    industries: list[str] = Field(default_factory=list)
    languages: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)
    active: bool = True
    joined: date | None = Field(
        default=None, description="First month the person appears, so the time slider can add them."
    )


class MapEdge(BaseModel):
    """A match, meeting or opened door, timed so the map can replay the programme's growth."""

    source: str
    target: str
    type: EdgeType
    at: datetime | None = None
    generation: int


class NetworkMap(BaseModel):
    """Everyone in the programme and every connection between them, as the map draws them."""

    nodes: list[MapNode]
    edges: list[MapEdge]
    truncated: bool = Field(
        default=False, description="True when the node cap left people out of this map."
    )


class MapFilters(BaseModel):
    """What staff narrow the map to, each `None` for any; the same for the page, JSON and CLI."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    language: LanguageKey | None = Field(default=None, description="ISO 639-1 code, e.g. `ar`.")
    place: CountyOrMunicipality | None = Field(
        default=None, description="A municipality (`1480`) or a county (`14`), home or work."
    )
    industry: IndustryKey | None = Field(
        default=None, description="An SNI division (`86`) or a whole section (`Q`)."
    )
    field: FieldKey | None = Field(
        default=None, description="An ISCED-F field at any level (`09`, `091`, `0913`)."
    )
    from_date: date | None = Field(
        default=None, alias="from", ge=EARLIEST_DAY, le=LATEST_DAY, description="First day."
    )
    to_date: date | None = Field(
        default=None, alias="to", ge=EARLIEST_DAY, le=LATEST_DAY, description="Last day."
    )
    limit: int = Field(
        default=MAP_DEFAULT_LIMIT, ge=1, le=MAP_MAX_LIMIT, description="At most this many people."
    )

    @model_validator(mode="after")
    def _period_runs_forwards(self) -> MapFilters:
        if self.from_date and self.to_date and self.from_date > self.to_date:
            raise ValueError(f"from {self.from_date} is after to {self.to_date}")
        return self
