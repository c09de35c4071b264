"""Dates as the programme reads them: on the Europe/Stockholm clock.

A meeting held at 00:30 Stockholm time is stored as 22:30 UTC the day before; the pictures must
show the Stockholm date, or a meeting would appear to happen on the wrong day or month.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

PROGRAMME_TZ: Final = ZoneInfo("Europe/Stockholm")


def programme_date(at: datetime) -> date:
    """The calendar date of `at` in Stockholm; a naive time is taken as already local."""
    if at.tzinfo is None:
        return at.date()
    return at.astimezone(PROGRAMME_TZ).date()


def day_label(at: datetime | None) -> str | None:
    """`YYYY-MM-DD` for edge labels, or None when the event has no time."""
    return None if at is None else programme_date(at).isoformat()


def month_key(day: date) -> str:
    """`YYYY-MM`, the step of the map's time slider."""
    return f"{day.year:04d}-{day.month:02d}"
