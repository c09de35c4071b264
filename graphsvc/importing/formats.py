"""Values back into cells: the inverse of `cells`, for files the service writes itself.

The demo generator writes its programme as the same CSV files staff import, and tests build
their files from the same bodies they post to the API; both go through here, so a file the
service writes is always one it can read.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any


def cell(value: Any) -> str:
    """One value as a cell: lists joined by `;`, booleans as true/false, times in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(cell(v) for v in value)
    return str(value)


def person_cells(body: Mapping[str, Any]) -> dict[str, str]:
    """A `POST /people` body as a people.csv row (education and availability flattened)."""
    out = {k: cell(v) for k, v in body.items() if k not in ("education", "availability")}
    education = body.get("education") or {}
    out["education_level"] = cell(education.get("level"))
    out["education_fields"] = cell(education.get("fields") or [])
    out["availability"] = ";".join(
        f"{s['weekday']} {s['start']}-{s['end']}" for s in body.get("availability") or []
    )
    return out
