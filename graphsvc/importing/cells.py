"""Turning spreadsheet cells into the values the API's models take.

Cells are forgiving where spreadsheets differ (yes/ja/1 for true, `;` between list items, a time
without offset read as Stockholm time) and strict where a guess could be wrong: a value that is
not understood becomes a `ValueError` naming what was expected, never a silent default.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from graphsvc.clock import STOCKHOLM

_TRUE = {"true", "yes", "ja", "y", "j", "1", "x"}
_FALSE = {"false", "no", "nej", "n", "0"}
_SLOT = re.compile(r"^\s*([1-7])\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,99}$")


def as_bool(cell: str) -> bool | None:
    """true/false, yes/no, ja/nej, 1/0; None for an empty cell (the model's default applies)."""
    value = cell.strip().casefold()
    if not value:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ValueError(f"{cell!r} is not a yes/no value (true/false, yes/no, ja/nej, 1/0)")


def as_list(cell: str) -> list[str]:
    """Items separated by `;` (or `|`), trimmed, empty ones left out."""
    return [item.strip() for item in re.split(r"[;|]", cell) if item.strip()]


def as_int(cell: str) -> int | None:
    """A whole number; None for an empty cell."""
    value = cell.strip()
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{cell!r} is not a whole number") from None


def as_float(cell: str) -> float | None:
    """A number with `.` or `,` as decimal mark (Swedish spreadsheets write 2,5)."""
    value = cell.strip().replace(",", ".")
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise ValueError(f"{cell!r} is not a number") from None


def as_date(cell: str) -> date | None:
    """A calendar date, `YYYY-MM-DD`."""
    value = cell.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{cell!r} is not a date (YYYY-MM-DD)") from None


def as_datetime(cell: str) -> datetime | None:
    """ISO 8601; without an offset it is Stockholm time, the programme's clock."""
    value = cell.strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{cell!r} is not a date and time (e.g. 2025-03-04T14:00 or 2025-03-04T14:00+01:00)"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=STOCKHOLM)
    return parsed


def as_availability(cell: str) -> list[dict[str, Any]]:
    """Weekly windows like `2 13:00-17:00; 4 09:00-12:00` (ISO weekday, local time)."""
    slots = []
    for item in as_list(cell):
        found = _SLOT.match(item)
        if not found:
            raise ValueError(
                f"{item!r} is not a weekly window: weekday 1-7, then start-end, e.g. 2 13:00-17:00"
            )
        weekday, start, end = found.groups()
        slots.append({"weekday": int(weekday), "start": start.zfill(5), "end": end.zfill(5)})
    return slots


def as_id(cell: str) -> str | None:
    """A kept id: letters, digits and `_.:-`, at most 100 characters; None when empty."""
    value = cell.strip()
    if not value:
        return None
    if not ID_PATTERN.match(value):
        raise ValueError(f"{cell!r} is not an id (letters, digits and _.:- , at most 100)")
    return value
