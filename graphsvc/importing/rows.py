"""Reading a CSV file into rows that remember the line they came from.

Staff keep the history in spreadsheets, and Swedish spreadsheet programs write `;` between
columns where others write `,`; the delimiter is therefore taken from the header line. Line
numbers are the physical line where a record starts (the header is line 1), so an error points
at the line a person sees in their editor even when a quoted cell spans several lines.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from graphsvc.importing.report import RowError

DELIMITERS = (",", ";", "\t")
MAX_CELL_CHARS = 10_000


class HeaderError(ValueError):
    """The header itself is wrong (missing or unknown columns): the file cannot be read."""

    def __init__(self, errors: list[RowError]) -> None:
        super().__init__("; ".join(e.reason for e in errors))
        self.errors = errors


@dataclass(frozen=True)
class RawRow:
    """One record as text: the line it starts on and its cells by column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The stripped cell, or "" when the column is absent or empty."""
        return (self.cells.get(column) or "").strip()


def sniff_delimiter(header: str) -> str:
    """The delimiter the header uses most; `,` when it has none of them (a one-column file)."""
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_rows(
    text: str, *, required: frozenset[str], known: frozenset[str]
) -> tuple[list[RawRow], list[RowError]]:
    """The records of a CSV text and the errors of records that cannot even be read.

    Raises `HeaderError` when a required column is missing or a column is unknown: a misspelt
    column would otherwise be ignored silently and its values lost. Columns starting with `_`
    are notes (the rejects file's `_line` and `_errors`) and are ignored.
    """
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(first_line))
    header = [h.strip() for h in next(reader, [])]
    _check_header(header, required=required, known=known)
    rows: list[RawRow] = []
    errors: list[RowError] = []
    start = reader.line_num + 1
    for record in reader:
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in record):
            continue
        if len(record) > len(header):
            errors.append(
                RowError(line=line, field="", value=None, reason=_too_many(len(record), header))
            )
            continue
        if any(len(cell) > MAX_CELL_CHARS for cell in record):
            errors.append(
                RowError(line=line, field="", value=None, reason="a cell is over 10000 characters")
            )
            continue
        rows.append(RawRow(line=line, cells=dict(zip(header, record, strict=False))))
    return rows, errors


def _too_many(got: int, header: list[str]) -> str:
    return f"{got} cells but the header names {len(header)} columns (a stray delimiter?)"


def _check_header(header: list[str], *, required: frozenset[str], known: frozenset[str]) -> None:
    errors = [
        RowError(line=1, field=column, value=None, reason=f"missing column {column!r}")
        for column in sorted(required - set(header))
    ]
    errors += [
        RowError(line=1, field=column, value=column, reason=f"unknown column {column!r}")
        for column in header
        if column not in known and not column.startswith("_")
    ]
    seen: set[str] = set()
    for column in header:
        if column in seen:
            errors.append(
                RowError(line=1, field=column, value=column, reason=f"column {column!r} twice")
            )
        seen.add(column)
    if errors:
        raise HeaderError(errors)


def write_rows(columns: list[str], rows: list[dict[str, str]]) -> str:
    """CSV text with these columns (comma-delimited, quoted where needed)."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
