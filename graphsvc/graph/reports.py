"""The report repository: runs the `cypher/report/` queries in one read transaction.

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
from graphsvc.reporting.months import month_table
from graphsvc.reporting.trees import RelayTree, relay_tree

Q = queries.report


@dataclass(frozen=True)
class ReportRows:
    """The raw rows of the report queries, one per query, before the service shapes them, and
    the relay trees of the participants who met someone in the period."""

    people: Row
    activity: Row
    reach: Row
    trees: list[RelayTree]


def read_report(
    graph: Graph, *, start: date, end: date, industry: str | None, place: str | None
) -> ReportRows:
    """Every figure of the impact report for the period `start`..`end` (both days included).

    The relay trees are walked in Python from the edges `list_relay_trees` returns (see
    `graphsvc.reporting.trees`); their reach goes back to `summarise_reach` in the same
    transaction, so the summary is still Cypher's own aggregation over the trees in their order.
    The months of meetings and doors are read from the period's month table (see
    `graphsvc.reporting.months`).
    """
    params: dict[str, Any] = {"from": start, "to": end, "industry": industry, "place": place}
    by_month = params | month_table(start, end).params()

    def work(tx: Tx) -> ReportRows:
        people = _one(tx.run(Q.count_people, **params))
        activity = _one(tx.run(Q.summarise_activity, **by_month))
        listed = tx.run_plain(Q.list_relay_trees, **by_month)
        trees = [relay_tree(row["root"], row["firsts"], row["doors"]) for row in listed]
        reach = _one(tx.run(
            Q.summarise_reach,
            trees=[
                {"reach": tree.reach, "months": row["months"]}
                for tree, row in zip(trees, listed, strict=True)
            ],
        ))
        return ReportRows(people=people, activity=activity, reach=reach, trees=trees)

    return graph.read_transaction(work)


def _one(rows: list[Row]) -> Row:
    """Each report query aggregates to exactly one row, even over an empty programme."""
    (row,) = rows
    result: Row = native(row)
    return result
