"""The score's formula as pure functions: unit tests and properties, no database."""

from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from graphsvc.services.candidates import SharedNeighbour, nearness, rarity, score
from graphsvc.settings import MatchWeights

KINDS = (
    "language",
    "industry_division",
    "industry_section",
    "field_detailed",
    "field_narrow",
    "field_broad",
)
PLACES = ("same_municipality", "same_county", "other")
neighbours = st.builds(
    SharedNeighbour, kind=st.sampled_from(KINDS), door_openers=st.integers(1, 100_000)
)
weight = st.floats(0.0, 10.0, allow_nan=False)
weights = st.builds(
    MatchWeights,
    language=weight,
    industry_division=weight,
    industry_section=weight,
    field_detailed=weight,
    field_narrow=weight,
    field_broad=weight,
    same_municipality=weight,
    same_county=weight,
    distance=weight,
    distance_scale_km=st.floats(1.0, 1000.0),
)
distances = st.one_of(st.none(), st.floats(0.0, 2000.0, allow_nan=False))
W = MatchWeights()


def test_rarity_is_adamic_adar_and_falls_as_more_door_openers_share_a_neighbour() -> None:
    assert rarity(1) == 1 / math.log(2)
    assert rarity(10) == 1 / math.log(11)
    assert rarity(1) > rarity(2) > rarity(100) > rarity(100_000) > 0


def test_a_shared_tigrinya_counts_more_than_a_shared_english() -> None:
    tigrinya = score([SharedNeighbour("language", 3)], place="other", distance_km=None, weights=W)
    english = score([SharedNeighbour("language", 900)], place="other", distance_km=None, weights=W)
    assert tigrinya > english > 0


def test_same_division_beats_same_section_and_detailed_field_beats_narrow_and_broad() -> None:
    def s(*shared: SharedNeighbour) -> float:
        return score(shared, place="other", distance_km=None, weights=W)

    section = SharedNeighbour("industry_section", 50)
    division = SharedNeighbour("industry_division", 20)
    broad, narrow = SharedNeighbour("field_broad", 60), SharedNeighbour("field_narrow", 30)
    detailed = SharedNeighbour("field_detailed", 10)
    assert s(division, section) > s(section)
    assert s(detailed, narrow, broad) > s(narrow, broad) > s(broad)


def test_nearness_tiers_same_municipality_then_same_county_then_distance() -> None:
    assert nearness("same_municipality", 0.0, W, "any") == W.same_municipality + W.same_county
    assert nearness("same_county", 30.0, W, "any") == W.same_county
    assert nearness("other", 0.0, W, "any") == W.distance
    assert nearness("other", W.distance_scale_km, W, "any") == W.distance / 2
    assert nearness("other", None, W, "any") == 0.0


def test_digital_mode_scores_no_place() -> None:
    for place in PLACES:
        assert nearness(place, 5.0, W, "digital") == 0.0  # type: ignore[arg-type]


@given(
    shared=st.lists(neighbours, max_size=8),
    extra=neighbours,
    w=weights,
    place=st.sampled_from(PLACES),
    km=distances,
)
def test_adding_a_shared_neighbour_never_lowers_a_score(
    shared: list[SharedNeighbour],
    extra: SharedNeighbour,
    w: MatchWeights,
    place: str,
    km: float | None,
) -> None:
    before = score(shared, place=place, distance_km=km, weights=w)  # type: ignore[arg-type]
    after = score([*shared, extra], place=place, distance_km=km, weights=w)  # type: ignore[arg-type]
    assert after >= before


@given(near=st.floats(0.0, 2000.0), further=st.floats(0.0, 2000.0), w=weights)
def test_nearer_is_never_worse(near: float, further: float, w: MatchWeights) -> None:
    near, further = sorted((near, further))
    assert nearness("other", near, w, "any") >= nearness("other", further, w, "any")


@given(km=st.floats(0.0, 2000.0), w=weights)
def test_same_county_beats_any_distance_while_distance_weight_is_at_most_county_weight(
    km: float, w: MatchWeights
) -> None:
    w = w.model_copy(update={"distance": min(w.distance, w.same_county)})
    municipality = nearness("same_municipality", 0.0, w, "any")
    county = nearness("same_county", km, w, "any")
    assert municipality >= county >= nearness("other", km, w, "any")


@given(shared=st.lists(neighbours, max_size=8), w=weights, km=distances)
def test_scores_are_never_negative(
    shared: list[SharedNeighbour], w: MatchWeights, km: float | None
) -> None:
    assert score(shared, place="other", distance_km=km, weights=w) >= 0
