"""Neo4j's temporal values to Python's, so models never see driver types."""

from __future__ import annotations

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
