"""The report repository: runs the three `cypher/report/` queries in one read transaction.

One snapshot matters here: people, activity and reach are read separately, and a meeting
recorded between two of those reads would make the figures disagree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph, Row, Tx
from graphsvc.graph.queries import queries

Q = queries.report


@dataclass(frozen=True)
class ReportRows:
    """The raw rows of the report queries, one per query, before the service shapes them."""

    people: Row
    activity: Row
    reach: Row


def read_report(
    graph: Graph, *, start: date, end: date, industry: str | None, place: str | None
) -> ReportRows:
    """Every figure of the impact report for the period `start`..`end` (both days included)."""
    params: dict[str, Any] = {"from": start, "to": end, "industry": industry, "place": place}

    def work(tx: Tx) -> ReportRows:
        return ReportRows(
            people=_one(tx.run(Q.count_people, **params)),
            activity=_one(tx.run(Q.summarise_activity, **params)),
            reach=_one(tx.run(Q.summarise_reach, **params)),
        )

    return graph.read_transaction(work)


def _one(rows: list[Row]) -> Row:
    """Each report query aggregates to exactly one row, even over an empty programme."""
    (row,) = rows
    result: Row = native(row)
    return result
