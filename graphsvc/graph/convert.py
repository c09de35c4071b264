"""Neo4j's temporal values to Python's, so models never see driver types."""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any

from neo4j.time import Date, DateTime, Time


def native(value: Any) -> Any:
    """Converts driver temporals (also inside lists and maps) to `datetime`/`date`/`time`."""
    if isinstance(value, DateTime | Date | Time):
        return value.to_native()
    if isinstance(value, dict):
        return {k: native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [native(v) for v in value]
    return value


def datetime_from_text(text: str) -> datetime:
    """A Neo4j DATETIME sent as `toString(...)` text, as an aware `datetime` with the offset the
    driver would give it (nanoseconds cut to microseconds, as `to_native()` cuts them); a zone
    name after the offset (`+02:00[Europe/Stockholm]`) is dropped, which keeps the instant and
    its offset.

    Hot reads send temporals so: the driver turns each one into its own type in pure Python
    (~0.15 ms each), which cost more than the map's whole query; `fromisoformat` takes
    microseconds."""
    return datetime.fromisoformat(text.split("[", 1)[0])


def instant_from_text(text: str | None) -> datetime | None:
    """`datetime_from_text`, for a value that may be missing."""
    return None if text is None else datetime_from_text(text)


def date_from_text(text: str | None) -> date | None:
    """A Neo4j DATE sent as `toString(...)` text, as a Python `date`."""
    return None if text is None else date.fromisoformat(text)


def for_driver(value: Any) -> Any:
    """Gives every aware datetime a fixed UTC offset before it reaches the driver.

    The driver asks `tzinfo.utcoffset()` with its own DateTime type; `zoneinfo`'s C code assumes
    a real `datetime` there and can crash the process. A fixed offset keeps the same instant and
    the same offset that Stockholm had at that instant.
    """
    if isinstance(value, datetime) and value.tzinfo is not None:
        offset = value.utcoffset()
        return value.replace(tzinfo=timezone(offset)) if offset is not None else value
    if isinstance(value, dict):
        return {k: for_driver(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [for_driver(v) for v in value]
    return value
