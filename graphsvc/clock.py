"""The programme's clock: Europe/Stockholm, so times match what people see on their walls."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def now() -> datetime:
    """The current time with its Stockholm offset."""
    return datetime.now(STOCKHOLM)


def today() -> date:
    """Today's date in Stockholm (not UTC: a sign-up at 00:30 belongs to the new day)."""
    return now().date()
