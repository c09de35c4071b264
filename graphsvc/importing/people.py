"""people.csv: one person a row, validated exactly as `POST /api/v1/people` validates a body.

The same `PersonCreate` model, the same eligibility rules (`services.eligibility.breaches`) and
the same reference keys are checked; only the lookups are batched, one query for every key of the
file, because a query per row would take minutes at the programme's size. A person already held
(same e-mail, or same kept id) is skipped, so importing a file twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from graphsvc import clock
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.importing import cells, store
from graphsvc.importing.checks import Checked, iso, pydantic_errors
from graphsvc.importing.references import unknown_reference_errors
from graphsvc.importing.report import RowError
from graphsvc.importing.rows import RawRow
from graphsvc.models.person import PersonCreate
from graphsvc.services.eligibility import breaches
from graphsvc.services.people import new_id

COLUMNS = (
    "id",
    "name",
    "email",
    "phone",
    "roles",
    "languages",
    "home_place",
    "work_place",
    "industries",
    "education_level",
    "education_fields",
    "work_years",
    "years_in_sweden",
    "foreign_background",
    "residence_permit",
    "established_in_sweden",
    "retired",
    "meeting_modes",
    "max_active_matches",
    "availability",
    "notes",
    "consent",
    "signed_up_at",
)
REQUIRED = frozenset({"name", "email", "roles", "languages", "education_level", "consent"})
_LISTS = ("roles", "languages", "industries", "meeting_modes")
_BOOLS = ("foreign_background", "residence_permit", "established_in_sweden", "retired", "consent")
_TEXT = ("name", "email", "phone", "home_place", "work_place", "notes")
_CELL: dict[str, Callable[[str], Any]] = {
    **dict.fromkeys(_LISTS, cells.as_list),
    **dict.fromkeys(_BOOLS, cells.as_bool),
    "work_years": cells.as_int,
    "max_active_matches": cells.as_int,
    "years_in_sweden": cells.as_float,
    "availability": cells.as_availability,
    "signed_up_at": cells.as_date,
    "education_fields": cells.as_list,
}


@dataclass(frozen=True)
class PersonRow:
    """A valid row: the line it came from, its kept id (if any) and the sign-up body."""

    line: int
    id: str | None
    person: PersonCreate

    @property
    def email_norm(self) -> str:
        """The e-mail as the uniqueness constraint sees it."""
        return str(self.person.email).strip().casefold()


def column_of(field: str) -> str:
    """The CSV column a model field comes from (`education.level` is `education_level`)."""
    parts = field.split(".")
    if parts[0] == "education" and len(parts) > 1:
        return f"education_{parts[1]}"
    return parts[0]


def parse(raw: RawRow) -> tuple[PersonRow | None, list[RowError]]:
    """The row as a `PersonCreate` (None when it is not one) and every rule it breaks."""
    errors: list[RowError] = []
    body: dict[str, Any] = {}
    education: dict[str, Any] = {}
    person_id: str | None = None
    try:
        person_id = cells.as_id(raw.get("id"))
    except ValueError as exc:
        errors.append(RowError(line=raw.line, field="id", value=raw.get("id"), reason=str(exc)))
    for column in COLUMNS[1:]:
        cell = raw.get(column)
        if not cell:
            continue
        try:
            value = _CELL[column](cell) if column in _CELL else cell
        except ValueError as exc:
            errors.append(RowError(line=raw.line, field=column, value=cell, reason=str(exc)))
            continue
        if column.startswith("education_"):
            education[column.removeprefix("education_")] = value
        else:
            body[column] = value
    if education:
        body["education"] = education
    if errors:
        return None, errors
    try:
        person = PersonCreate.model_validate(body)
    except ValidationError as exc:
        return None, pydantic_errors(exc, raw, column_of=column_of)
    found = [
        RowError(line=raw.line, field=column_of(b.field), value=b.value, reason=b.rule)
        for b in breaches(person)
    ]
    if person.signed_up_at is not None and person.signed_up_at > clock.today():
        found.append(
            RowError(
                line=raw.line,
                field="signed_up_at",
                value=str(person.signed_up_at),
                reason=f"signed_up_at {person.signed_up_at} lies in the future",
            )
        )
    return PersonRow(raw.line, person_id, person), found


def check(graph: Graph, raws: list[RawRow], at: datetime) -> Checked[PersonRow]:
    """Every row parsed and checked against the file itself and against what is held."""
    del at  # people carry their own dates; kept for the common signature
    result: Checked[PersonRow] = Checked()
    parsed: list[PersonRow] = []
    for raw in raws:
        row, errors = parse(raw)
        result.errors += errors
        if row is not None:
            parsed.append(row)
    result.errors += unknown_reference_errors(graph, parsed)
    bad = {e.line for e in result.errors}
    parsed = [r for r in parsed if r.line not in bad]
    held = store.held_people(
        graph, emails=[r.email_norm for r in parsed], ids=[r.id for r in parsed if r.id]
    )
    first_email: dict[str, int] = {}
    first_id: dict[str, int] = {}
    for row in parsed:
        error = _duplicate(row, first_email, first_id) or _clash_with_held(row, held)
        if error is not None:
            result.errors.append(error)
        elif row.email_norm in held.by_email or (row.id and row.id in held.by_id):
            result.skipped += 1  # held already, or erased since: an erasure is never undone
        else:
            result.good.append(row)
    return result


def _duplicate(row: PersonRow, emails: dict[str, int], ids: dict[str, int]) -> RowError | None:
    if row.email_norm in emails:
        line = emails[row.email_norm]
        return RowError(
            line=row.line,
            field="email",
            value=str(row.person.email),
            reason=f"the same e-mail is on line {line}",
        )
    emails[row.email_norm] = row.line
    if row.id:
        if row.id in ids:
            return RowError(
                line=row.line,
                field="id",
                value=row.id,
                reason=f"the same id is on line {ids[row.id]}",
            )
        ids[row.id] = row.line
    return None


def _clash_with_held(row: PersonRow, held: store.HeldPeople) -> RowError | None:
    """A kept id and an e-mail that point at two different people already held."""
    by_email = held.by_email.get(row.email_norm)
    if row.id and by_email is not None and by_email != row.id:
        return RowError(
            line=row.line, field="id", value=row.id, reason="this e-mail is held under another id"
        )
    if row.id and row.id in held.by_id and held.by_id[row.id] not in (None, row.email_norm):
        return RowError(
            line=row.line, field="id", value=row.id, reason="this id is held for another e-mail"
        )
    return None


def to_write_rows(rows: list[PersonRow], *, at: datetime) -> list[dict[str, Any]]:
    """The `save_person` rows, sharing sign-up's write path; ids minted where none was kept."""
    return [
        people_repo.person_row(
            person_id=row.id or new_id("p"),
            person=row.person,
            created_at=at,
            consent_at=at,
            active=True,
        )
        for row in rows
    ]


def write(
    graph: Graph, rows: list[PersonRow], at: datetime, advance: Callable[[int], None] | None
) -> int:
    """Writes the people in `UNWIND` batches of sign-up's own rows (`person_row`), through a
    query that creates them: `check` has found that nobody holds their ids or e-mails, so there
    is nothing for sign-up's merge to find (tests/test_import_people.py holds the two writes
    equal)."""
    out = to_write_rows(rows, at=at)
    for row in out:  # as text: save_person parses it, cheaper than the driver's conversion
        props = row["props"]
        props["created_at"], props["consent_at"] = iso(at), iso(at)
        props["signed_up_at"] = props["signed_up_at"].isoformat()
    return store.write_batches(graph, out, store.create_people, progress=advance)
