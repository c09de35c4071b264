"""Reference data: the public standards people refer to by key."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

ReferenceKind = Literal["languages", "places", "industries", "fields"]


class ReferenceItem(BaseModel):
    """One code of a standard, with its Swedish and English names and its parent code."""

    key: str
    name_sv: str
    name_en: str
    parent: str | None
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None


class ReferenceList(BaseModel):
    """Every code of one standard."""

    items: list[ReferenceItem]
