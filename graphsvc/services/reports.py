"""The impact report: the programme's figures for a period, a place and an industry.

The figures are computed in Cypher (`cypher/report/`); this module settles the period, runs the
queries once, and shapes their rows into the contract's model: zero-filled generations, months
and outcomes, so a chart or a spreadsheet sees every category even when it is empty. Only the
relay trees' walk (`graphsvc.reporting.trees`, done by the repository) and structural virality
(`graphsvc.reporting.virality`) are computed in Python.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from graphsvc import clock
from graphsvc.errors import InvalidInput
from graphsvc.graph import reports as repo
from graphsvc.graph.db import Graph
from graphsvc.models.report import (
    OUTCOMES,
    Completion,
    Filters,
    ImpactReport,
    MonthPoint,
    Period,
    ReachSummary,
    ReportFilters,
    Virality,
)
from graphsvc.reporting.virality import structural_virality, summarise


def resolve_period(filters: ReportFilters, *, today: date | None = None) -> Period:
    """The period asked for; by default from 1 January of `to`'s year to today."""
    end = filters.to or today or clock.today()
    start = filters.from_ or date(end.year, 1, 1)
    if start > end:
        raise InvalidInput(
            f"from ({start}) is after to ({end}); give `to` as well",
            field="from",
            value=str(start),
            location="query",
        )
    return Period(from_=start, to=end)


def impact_report(
    graph: Graph, filters: ReportFilters, *, today: date | None = None
) -> ImpactReport:
    """Computes the whole report for the filters, in one read transaction."""
    period = resolve_period(filters, today=today)
    rows = repo.read_report(
        graph, start=period.from_, end=period.to, industry=filters.industry, place=filters.place
    )
    people, activity, reach = rows.people, rows.activity, rows.reach
    viralities = [
        v for tree in rows.trees if (v := structural_virality(tree.root, tree.links)) is not None
    ]
    v_mean, v_median, v_max = summarise(viralities)
    return ImpactReport(
        period=period,
        participants=people["participants"],
        door_openers=people["door_openers"],
        retired_door_openers=people["retired_door_openers"],
        matches=activity["matches"],
        meetings=activity["meetings"],
        doors_opened=activity["doors_opened"],
        doors_per_meeting=activity["doors_per_meeting"],
        relay_depth=_relay_depth(activity["relay_depth"]),
        reach=ReachSummary(
            mean=reach["mean"], median=reach["median"], p90=reach["p90"], max=reach["max"]
        ),
        follow_ups=activity["follow_ups"],
        understood_market_better=activity["understood_market_better"],
        integration_helped=activity["integration_helped"],
        kept_in_contact=activity["kept_in_contact"],
        outcomes=_outcomes(activity["outcomes"]),
        rematch_rate=activity["rematch_rate"],
        median_days_to_first_meeting=activity["median_days_to_first_meeting"],
        filters=Filters(industry=filters.industry, place=filters.place),
        branching_factor=activity["branching_factor"],
        completion_per_generation={
            str(row["generation"]): Completion(
                doors=row["doors"], met=row["met"], share=row["share"]
            )
            for row in activity["completion_per_generation"]
            if row["generation"] is not None
        },
        structural_virality=Virality(
            participants=len(viralities), mean=v_mean, median=v_median, max=v_max
        ),
        retired_share_of_meetings=activity["retired_share_of_meetings"],
        digital_share_of_meetings=activity["digital_share_of_meetings"],
        reach_distribution={str(r["reach"]): r["participants"] for r in reach["distribution"]},
        monthly=_monthly(period, activity["monthly"], people["new_participants"], reach["months"]),
    )


def _relay_depth(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Meetings per generation, every generation from 1 to the deepest one held (gaps as 0)."""
    held = {row["generation"]: row["meetings"] for row in rows if row["generation"] is not None}
    deepest = max(held, default=0)
    return {str(g): held.get(g, 0) for g in range(1, deepest + 1)}


def _outcomes(rows: list[dict[str, Any]]) -> dict[str, int]:
    """Follow-ups per outcome, every outcome of the contract present."""
    counted = {row["outcome"]: row["n"] for row in rows}
    return {outcome: counted.get(outcome, 0) for outcome in OUTCOMES}


def months_of(period: Period) -> list[str]:
    """Every calendar month the period touches, as `YYYY-MM`, first to last."""
    year, month = period.from_.year, period.from_.month
    months = []
    while (year, month) <= (period.to.year, period.to.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _monthly(
    period: Period,
    activity: list[dict[str, Any]],
    joined: list[dict[str, Any]],
    reach: list[dict[str, Any]],
) -> list[MonthPoint]:
    """The monthly series with every month of the period, quiet months included."""
    by_month = {row["month"]: row for row in activity}
    new = {row["month"]: row["participants"] for row in joined}
    mean_reach = {row["month"]: row["mean_reach"] for row in reach}
    return [
        MonthPoint(
            month=month,
            meetings=by_month.get(month, {}).get("meetings", 0),
            doors=by_month.get(month, {}).get("doors", 0),
            new_participants=new.get(month, 0),
            mean_reach=mean_reach.get(month),
        )
        for month in months_of(period)
    ]
