"""The impact report as CSV: one `figure,value` row per number, names dotted like the JSON.

A long two-column table keeps every figure of the JSON (nested ones as `reach.mean`,
`relay_depth.2`, `monthly.2026-03.meetings`) without a column for each, so a spreadsheet or a
script reads it the same whichever generations and months a period happens to have. An absent
figure (null in JSON) is an empty cell, never a zero.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from graphsvc.models.report import ImpactReport


def rows(report: ImpactReport) -> Iterator[tuple[str, str]]:
    """(figure, value) pairs in the JSON's order."""
    yield from _flatten(report.model_dump(mode="json", by_alias=True), "")


def _flatten(value: Any, prefix: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif isinstance(value, list):
        for item in value:
            # The monthly series is keyed by its month so each row names its own month.
            key = item.pop("month") if isinstance(item, dict) and "month" in item else ""
            yield from _flatten(item, f"{prefix}.{key}")
    else:
        yield prefix, _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(report: ImpactReport) -> str:
    """The whole report as CSV text with a header row."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["figure", "value"])
    writer.writerows(rows(report))
    return out.getvalue()
