"""A participant's relay tree, as the contract's `/participants/{id}/network` returns it.

The visualiser renders exactly this model, so the JSON twin of every picture is this model too.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

EdgeType = Literal["MATCHED", "MET", "OPENED_DOOR"]
NodeStatus = Literal["root", "met", "introduced", "proposed"]


class NetworkNode(BaseModel):
    """One person in the relay tree; `generation` is 0 for the participant at the root."""

    id: str
    label: str
    roles: list[str]
    generation: int
    status: NodeStatus = Field(
        default="proposed",
        description="root: the participant; met: met the participant; "
        "introduced: a door was opened to them; proposed: only matched so far.",
    )


class NetworkEdge(BaseModel):
    """A match, a meeting or an opened door between two people of the tree."""

    source: str
    target: str
    type: EdgeType
    at: datetime | None
    generation: int


class Reach(BaseModel):
    """How far the participant's network has spread, per the contract's definitions."""

    met: int
    introduced: int
    total: int
    depth: int


class Network(BaseModel):
    """The participant's relay tree with its reach."""

    participant_id: str
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]
    reach: Reach
