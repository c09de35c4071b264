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

    `summarise_activity` also lists, per participant who met someone in the period, the edges
    their relay tree is walked from (see `graphsvc.reporting.trees`): it reads the same edges and
    doors for the activity figures, and reading them once instead of in a query of their own
    saves a second pass over every participant. The trees' reach goes back to `summarise_reach`
    in the same transaction, so the summary is still Cypher's own aggregation over the trees in
    their order. The months of meetings and doors are read from the period's month table (see
    `graphsvc.reporting.months`).
    """
    params: dict[str, Any] = {"from": start, "to": end, "industry": industry, "place": place}
    by_month = params | month_table(start, end).params()

    def work(tx: Tx) -> ReportRows:
        people = _one(tx.run(Q.count_people, **params))
        (summary,) = tx.run_plain(Q.summarise_activity, **by_month)
        listed = summary.pop("trees")
        activity = _one([summary])
        trees = [relay_tree(row["root"], row["firsts"], _doors(row["doors"])) for row in listed]
        reach = _one(tx.run(
            Q.summarise_reach,
            trees=[
                {"reach": tree.reach, "months": row["months"]}
                for tree, row in zip(trees, listed, strict=True)
            ],
        ))
        return ReportRows(people=people, activity=activity, reach=reach, trees=trees)

    return graph.read_transaction(work)


def _doors(pairs: list[str]) -> list[list[str]]:
    """The doors opened for one participant, from the query's flat list of (contact, opener)
    ids, earliest door first, as `relay_tree` takes them: each contact followed by every opener
    of a door to them, in that order. Sent flat: one list per participant to decode, not one per
    door."""
    doors: dict[str, list[str]] = {}
    for i in range(0, len(pairs), 2):
        contact = pairs[i]
        doors.setdefault(contact, [contact]).append(pairs[i + 1])
    return list(doors.values())


def _one(rows: list[Row]) -> Row:
    """Each report query aggregates to exactly one row, even over an empty programme."""
    (row,) = rows
    result: Row = native(row)
    return result
