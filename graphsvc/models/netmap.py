"""The whole programme as one graph, for the staff network map (`GET /ui/`).

The map filters and replays growth in the browser, so each person carries the attributes staff
filter on and the month they first appear; the map page embeds exactly this model as its data.
"""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from graphsvc.models.network import EdgeType


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
