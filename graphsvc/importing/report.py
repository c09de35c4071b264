"""What an import reports: how many rows were read, written and skipped, and every bad row.

A bad row is named by its line number and column so that staff can fix the spreadsheet where
they see it; the value is echoed as the file had it, never from storage.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ImportKind = Literal["people", "matches", "meetings", "doors", "follow_ups"]
KINDS: tuple[ImportKind, ...] = ("people", "matches", "meetings", "doors", "follow_ups")


class RowError(BaseModel):
    """One reason a row was refused: its line (1 is the header), column and value."""

    line: int
    field: str
    value: object = None
    reason: str


class ImportReport(BaseModel):
    """The outcome of one file: `committed` is false when a bad row stopped the whole file."""

    kind: ImportKind
    rows: int = Field(description="records read (blank lines left out)")
    written: int = Field(description="rows written now")
    skipped: int = Field(description="rows already held (same e-mail or id): left as they are")
    rejected: list[RowError] = Field(description="every reason a row was refused, by line")
    committed: bool
    seconds: float = 0.0

    @property
    def rejected_lines(self) -> list[int]:
        """The distinct lines refused, in file order."""
        return sorted({e.line for e in self.rejected})


class RowsRejected(Exception):
    """A file had bad rows and nothing was written; carries the full report."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__(f"{len(report.rejected_lines)} bad rows in {report.kind}")
        self.report = report


def by_line(errors: list[RowError]) -> dict[int, list[RowError]]:
    """Errors grouped by line, for the rejects file."""
    grouped: dict[int, list[RowError]] = {}
    for error in errors:
        grouped.setdefault(error.line, []).append(error)
    return grouped
