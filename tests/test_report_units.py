"""The report's pure parts without a database: structural virality, the period's months, CSV,
the filters' validation, the words and the charts."""

from __future__ import annotations

import csv
import io
import itertools
import math
import re
from collections import deque
from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import shortest_path

from graphsvc.clock import STOCKHOLM
from graphsvc.models.report import ImpactReport, Period, ReportFilters
from graphsvc.reporting import charts
from graphsvc.reporting.months import month_table
from graphsvc.reporting.table import to_csv
from graphsvc.reporting.virality import structural_virality, summarise
from graphsvc.reporting.words import WORDS, number, percent
from graphsvc.services.reports import months_of, resolve_period


def test_a_broadcast_from_the_participant_stays_near_two() -> None:
    # The participant matched directly with four people: a star of five nodes.
    links = [(None, f"d{i}") for i in range(4)]
    assert structural_virality("p", links) == (4 * 1 + 6 * 2) / 10


def test_a_relay_chain_is_more_viral_than_a_broadcast_of_the_same_size() -> None:
    chain = [(None, "a"), ("a", "b"), ("b", "c"), ("c", "d")]
    # A path of five nodes: pair distances 1×4, 2×3, 3×2, 4×1 over 10 pairs.
    assert structural_virality("p", chain) == (4 + 6 + 6 + 4) / 10
    assert structural_virality("p", chain) > structural_virality(  # type: ignore[operator]
        "p", [(None, x) for x in "abcd"]
    )


def test_one_door_opener_who_opened_two_doors() -> None:
    links = [(None, "d1"), ("d1", "k1"), ("d1", "k2")]
    assert structural_virality("p", links) == 9 / 6


def test_a_participant_alone_has_no_virality() -> None:
    assert structural_virality("p", []) is None


def test_parents_outside_the_tree_or_in_a_cycle_hang_from_the_participant() -> None:
    # "ghost" is no member; a and b name each other as parents (damaged data).
    links = [("ghost", "x"), ("b", "a"), ("a", "b")]
    found = structural_virality("p", links)
    assert found is not None and found < float("inf")
    assert found == structural_virality("p", [(None, "x"), (None, "a"), ("a", "b")])


def _mean_distance_by_bfs(parents: list[int]) -> float:
    """Node i+1 hangs from parents[i] (an earlier node): the definition, walked naively."""
    n = len(parents) + 1
    near: dict[int, list[int]] = {i: [] for i in range(n)}
    for child, parent in enumerate(parents, start=1):
        near[child].append(parent)
        near[parent].append(child)
    total = 0
    for source in range(n):
        seen = {source: 0}
        queue = deque([source])
        while queue:
            node = queue.popleft()
            for other in near[node]:
                if other not in seen:
                    seen[other] = seen[node] + 1
                    queue.append(other)
        total += sum(seen.values())
    return total / (n * (n - 1))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=40))
def test_virality_is_the_mean_pair_distance_of_any_tree(draws: list[int]) -> None:
    parents = [draw % (i + 1) for i, draw in enumerate(draws)]
    links = [(None if parent == 0 else f"n{parent}", f"n{child}")
             for child, parent in enumerate(parents, start=1)]
    # Exact: the sum of distances is an integer and the one division rounds the same way.
    assert structural_virality("n0", links) == _mean_distance_by_bfs(parents)


def _virality_by_all_pairs_search(root: str, links: list[tuple[str | None, str]]) -> float | None:
    """The definition with scipy's all-pairs breadth-first search: the children of `links` hang
    from their first parent (the root when it is missing or no member); while anyone is out of
    the root's reach, the first such member (in order of appearance) hangs from the root."""
    nodes = [root, *dict.fromkeys(child for _, child in links if child != root)]
    if len(nodes) < 2:
        return None
    index = {node: i for i, node in enumerate(nodes)}
    parent_of: dict[int, int] = {}
    for parent, child in links:
        if child != root and index[child] not in parent_of:
            parent_of[index[child]] = index.get(parent, 0) if parent else 0
    n = len(nodes)
    while True:
        edges = [(c, p) for c, p in parent_of.items() if c != p]
        graph = coo_matrix(
            ([1.0] * len(edges), ([p for _, p in edges], [c for c, _ in edges])), shape=(n, n)
        )
        distances = shortest_path(graph.tocsr(), directed=False, unweighted=True)
        lost = [i for i in range(n) if math.isinf(distances[0][i])]
        if not lost:
            return float(distances.sum() / (n * (n - 1)))
        parent_of[lost[0]] = 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.none(), st.just(""), st.just("p"), st.just("ghost"),
                      st.integers(0, 14).map(lambda i: f"m{i}")),
            st.one_of(st.just("p"), st.integers(0, 14).map(lambda i: f"m{i}")),
        ),
        max_size=30,
    )
)
def test_virality_of_damaged_links_is_the_all_pairs_mean_exactly(
    links: list[tuple[str | None, str]],
) -> None:
    # Any links at all: cycles, members their own parent, a child named twice, the root as a
    # child, parents outside the tree. The linear sum must equal the all-pairs search bit for bit.
    assert structural_virality("p", links) == _virality_by_all_pairs_search("p", links)


def test_summary_of_no_trees_is_null() -> None:
    assert summarise([]) == (None, None, None)
    assert summarise([1.0, 2.0, 1.5]) == (1.5, 1.5, 2.0)


def test_months_of_a_period_cross_the_year() -> None:
    period = Period(from_=date(2025, 11, 30), to=date(2026, 2, 1))
    assert months_of(period) == ["2025-11", "2025-12", "2026-01", "2026-02"]


@given(
    start=st.dates(min_value=date(2019, 1, 1), max_value=date(2031, 12, 31)),
    days=st.integers(min_value=0, max_value=800),
    seconds=st.lists(st.integers(min_value=0), min_size=1, max_size=20),
)
@settings(max_examples=60, deadline=None)
def test_the_month_table_gives_each_instant_its_stockholm_month(
    start: date, days: int, seconds: list[int]
) -> None:
    end = start + timedelta(days=days)
    table = month_table(start, end)
    first = datetime.combine(start, time(), STOCKHOLM)
    stop = datetime.combine(end + timedelta(days=1), time(), STOCKHOLM)
    span = int(stop.timestamp()) - int(first.timestamp())
    assert table.months == months_of(Period(from_=start, to=end))
    assert len(table.month_of_hour) * 3600 == span
    for offset in seconds:
        instant = datetime.fromtimestamp(first.timestamp() + offset % span, tz=UTC)
        assert table.month_of(instant) == instant.astimezone(STOCKHOLM).strftime("%Y-%m")


def test_the_month_table_turns_at_stockholm_midnight_in_summer_and_winter() -> None:
    table = month_table(date(2025, 2, 27), date(2025, 11, 2))
    # 1 March 00:00 Stockholm is 23:00 UTC the day before (winter, +1); 1 November is too,
    # and 1 July 00:00 Stockholm is 22:00 UTC (summer, +2).
    for last, first in [
        (datetime(2025, 2, 28, 22, 59, 59, tzinfo=UTC), datetime(2025, 2, 28, 23, tzinfo=UTC)),
        (datetime(2025, 6, 30, 21, 59, 59, tzinfo=UTC), datetime(2025, 6, 30, 22, tzinfo=UTC)),
        (datetime(2025, 10, 31, 22, 59, 59, tzinfo=UTC), datetime(2025, 10, 31, 23, tzinfo=UTC)),
    ]:
        assert table.month_of(last) < table.month_of(first)
    assert table.month_of(datetime(2025, 2, 28, 23, tzinfo=UTC)) == "2025-03"
    assert table.month_of(datetime(2025, 6, 30, 22, tzinfo=UTC)) == "2025-07"
    assert table.month_of(datetime(2025, 6, 30, 21, 59, 59, tzinfo=UTC)) == "2025-06"


def test_the_default_period_is_the_year_so_far() -> None:
    today = date(2026, 5, 17)
    assert resolve_period(ReportFilters(), today=today) == Period(
        from_=date(2026, 1, 1), to=today
    )
    only_to = ReportFilters.model_validate({"to": "2025-03-31"})
    assert resolve_period(only_to, today=today).from_ == date(2025, 1, 1)


def test_filters_take_blank_form_fields_as_no_filter() -> None:
    found = ReportFilters.model_validate({"from": "", "to": " ", "place": "", "industry": ""})
    assert (found.from_, found.to, found.place, found.industry) == (None, None, None, None)


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"place": "9999"}, "place"),
        ({"place": "1"}, "place"),
        ({"industry": "04"}, "industry"),
        ({"industry": "<b>"}, "industry"),
        ({"from": "2025-02-01", "to": "2025-01-31"}, "to"),
        ({"from": "1066-10-14"}, "from"),
    ],
)
def test_filters_refuse_unknown_keys_and_backward_periods(
    params: dict[str, str], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        ReportFilters.model_validate(params)
    assert caught.value.errors()[0]["loc"][0] in (field, f"{field}_")


def _empty_report() -> ImpactReport:
    return ImpactReport.model_validate({
        "period": {"from": "2026-01-01", "to": "2026-02-28"},
        "participants": 2, "door_openers": 1, "retired_door_openers": 0, "matches": 0,
        "meetings": 0, "doors_opened": 0, "doors_per_meeting": None, "relay_depth": {},
        "reach": {"mean": None, "median": None, "p90": None, "max": None},
        "follow_ups": 0, "understood_market_better": None, "integration_helped": None,
        "kept_in_contact": None,
        "outcomes": {"job": 0, "internship": 0, "education": 0, "other": 0, "none": 0},
        "rematch_rate": None, "median_days_to_first_meeting": None,
        "filters": {"industry": None, "place": "14"}, "branching_factor": None,
        "completion_per_generation": {},
        "structural_virality": {"participants": 0, "mean": None, "median": None, "max": None},
        "retired_share_of_meetings": None, "digital_share_of_meetings": None,
        "reach_distribution": {},
        "monthly": [
            {"month": "2026-01", "meetings": 0, "doors": 0, "new_participants": 2,
             "mean_reach": None},
            {"month": "2026-02", "meetings": 0, "doors": 0, "new_participants": 0,
             "mean_reach": None},
        ],
    })


def test_csv_names_nested_figures_by_path_and_leaves_nulls_empty() -> None:
    rows = dict(itertools.islice(csv.reader(io.StringIO(to_csv(_empty_report()))), 1, None))
    assert rows["period.from"] == "2026-01-01" and rows["participants"] == "2"
    assert rows["reach.mean"] == "" and rows["understood_market_better"] == ""
    assert rows["filters.place"] == "14" and rows["outcomes.none"] == "0"
    assert rows["monthly.2026-01.new_participants"] == "2"
    assert rows["monthly.2026-02.mean_reach"] == ""


def test_both_languages_have_every_word() -> None:
    assert set(WORDS["sv"]) == set(WORDS["en"])


def test_numbers_read_the_way_each_language_writes_them() -> None:
    assert (number(1.25, "sv", digits=2), number(1.25, "en", digits=2)) == ("1,25", "1.25")
    assert (percent(0.82, "sv"), percent(0.82, "en")) == ("82\u00a0%", "82%")
    assert number(None, "sv") == percent(None, "en") == "–"


def test_charts_are_inline_svg_that_name_no_outside_host() -> None:
    drawn = charts.all_charts(_empty_report(), "sv")
    assert set(drawn) == {"growth", "reach", "depth", "shares"}
    for svg in drawn.values():
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
        assert not re.search(r"https?://", svg)
        assert "<script" not in svg
    assert "Förstår arbetsmarknaden bättre" in drawn["shares"]
    assert charts.all_charts(_empty_report(), "sv") == drawn  # same report, same SVG
