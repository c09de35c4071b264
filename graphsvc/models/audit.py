"""The audit log: who did what to which id, when; ids only, no personal data."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class AuditEvent(BaseModel):
    """One write, or one read of contact details, by one token."""

    id: str
    at: datetime
    token_id: str
    token_name: str
    role: str
    action: str
    route: str
    target_id: str | None = None
    status: int


class AuditPage(BaseModel):
    """A page of the audit log, newest first."""

    items: list[AuditEvent]
    next_cursor: str | None
