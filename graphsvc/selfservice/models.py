"""The staff's waiting list as the API returns it (`GET /api/v1/waiting`) and resend results."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

WaitingKind = Literal["sign_up", "invitation", "match", "meeting", "doors"]
WaitingRole = Literal["participant", "door_opener", "person", "invitee"]


class WaitingPerson(BaseModel):
    """Someone an item is about; an invitee has no id (they are not a member yet)."""

    id: str | None
    name: str | None
    email: str | None = None
    role: WaitingRole


class WaitingItem(BaseModel):
    """One thing the relay waits for: its kind, id, since when, whose move it is, and whether
    the one automatic reminder has gone out."""

    kind: WaitingKind
    id: str
    since: datetime
    reminded_at: datetime | None
    waiting_for: list[WaitingRole]
    people: list[WaitingPerson]


class WaitingPage(BaseModel):
    """One page of the waiting list, oldest first; pass `next_cursor` back as `cursor`."""

    items: list[WaitingItem]
    next_cursor: str | None


class ResendResult(BaseModel):
    """What a resend did: how many mails went out, or why none did (`detail` names settings,
    never people)."""

    kind: WaitingKind
    id: str
    sent: int
    detail: str | None = None
