"""What checking a file yields, and pydantic's errors turned into row errors.

Every kind of file is checked in the same three steps (parse each row with the API's model, look
up every reference of the file in one batched query, compare with what is already held) and
ends in a `Checked`: the rows to write, how many are held already, and every error by line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timezone
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from graphsvc.graph.db import Row
from graphsvc.importing.report import RowError
from graphsvc.importing.rows import RawRow

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


@dataclass
class Checked(Generic[T]):
    """The rows that may be written, the rows already held, and every reason a row is bad."""

    good: list[T] = field(default_factory=list)
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)


def pydantic_errors(
    exc: ValidationError, raw: RawRow, *, column_of: Callable[[str], str] = lambda f: f
) -> list[RowError]:
    """One `RowError` per pydantic error, naming the CSV column and echoing its cell."""
    errors = []
    for error in exc.errors():
        loc = ".".join(str(part) for part in error["loc"] if not isinstance(part, int))
        column = column_of(loc) if loc else ""
        errors.append(
            RowError(
                line=raw.line,
                field=column,
                value=raw.get(column) if column else None,
                reason=str(error["msg"]),
            )
        )
    return errors


def lines_with_errors(errors: list[RowError]) -> set[int]:
    """The lines that are bad, so later checks leave them out."""
    return {e.line for e in errors}


def derived_id(prefix: str, *parts: object) -> str:
    """A stable id for a row that kept none, from what makes it unique (its people and time),
    so importing the same file twice finds the same id and skips the row."""
    text = "|".join(
        p.astimezone(UTC).isoformat() if isinstance(p, datetime) else str(p) for p in parts
    )
    return f"{prefix}_{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def iso(value: datetime | None) -> str | None:
    """A time as ISO 8601 text with its offset, parsed by `datetime()` in the write query: the
    driver's own conversion of a Python datetime costs more than the write itself."""
    if value is None:
        return None
    offset = value.utcoffset()
    return (
        value.astimezone(timezone(offset)).isoformat() if offset is not None else value.isoformat()
    )


def in_future(line: int, column: str, value: datetime | None, now: datetime) -> RowError | None:
    """History lies in the past: a time after the import is refused, as the API refuses it."""
    if value is not None and value > now:
        return RowError(
            line=line, field=column, value=value.isoformat(), reason=f"{column} lies in the future"
        )
    return None


def person_error(
    line: int, column: str, ref: str, found: Row | None, role: str | None
) -> RowError | None:
    """Why a referenced person cannot take this place in an event, or None when they can."""
    if found is None:
        return RowError(
            line=line, field=column, value=ref, reason=f"no person with id or e-mail {ref!r}"
        )
    if found["erased"]:
        return RowError(line=line, field=column, value=ref, reason="this person has been erased")
    if role is not None and not found[role]:
        return RowError(
            line=line,
            field=column,
            value=ref,
            reason=f"this person is not a {role.replace('_', '-')}",
        )
    return None


def parse_model(
    raw: RawRow, model: type[M], converters: dict[str, Callable[[str], Any]]
) -> tuple[M | None, list[RowError]]:
    """The row's cells converted column by column, then validated by `model`; every error."""
    body: dict[str, Any] = {}
    errors: list[RowError] = []
    for column, convert in converters.items():
        cell = raw.get(column)
        if not cell:
            continue
        try:
            body[column] = convert(cell)
        except ValueError as exc:
            errors.append(RowError(line=raw.line, field=column, value=cell, reason=str(exc)))
    if errors:
        return None, errors
    try:
        return model.model_validate(body), []
    except ValidationError as exc:
        return None, pydantic_errors(exc, raw)
