"""The report repository: runs the `cypher/report/` queries, two read transactions side by side.

Neo4j runs each query on one thread, and the activity query and the relay trees (with the
people counts and reach around them) each take a few seconds at 100 000 people: read one after
the other they held one core of two. So the activity is read in a transaction of its own, on a
second thread, while this one reads the rest. Nothing is lost by the split: Neo4j's transactions
are read-committed, not snapshots, so a meeting recorded while a report was read could already
be counted by one query and not by another when they shared a transaction.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
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
    The activity is read at the same time, in a transaction of its own (see the module's doc).
    The months of meetings and doors are read from the period's month table (see
    `graphsvc.reporting.months`).
    """
    params: dict[str, Any] = {"from": start, "to": end, "industry": industry, "place": place}
    by_month = params | month_table(start, end).params()

    def activity(tx: Tx) -> Row:
        return _one(tx.run(Q.summarise_activity, **by_month))

    def rest(tx: Tx) -> tuple[Row, Row, list[RelayTree]]:
        people = _one(tx.run(Q.count_people, **params))
        listed = tx.run_plain(Q.list_relay_trees, **by_month)
        trees = [relay_tree(row["root"], row["firsts"], row["doors"]) for row in listed]
        reach = _one(
            tx.run(
                Q.summarise_reach,
                trees=[
                    {"reach": tree.reach, "months": row["months"]}
                    for tree, row in zip(trees, listed, strict=True)
                ],
            )
        )
        return people, reach, trees

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="report-activity") as side:
        reading = side.submit(graph.read_transaction, activity)
        people, reach, trees = graph.read_transaction(rest)
        return ReportRows(people=people, activity=reading.result(), reach=reach, trees=trees)


def _one(rows: list[Row]) -> Row:
    """Each report query aggregates to exactly one row, even over an empty programme."""
    (row,) = rows
    result: Row = native(row)
    return result
