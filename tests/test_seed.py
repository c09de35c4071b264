"""The demo programme: the same seed gives the same data, and the data looks like the programme
(a third of door-openers retired, newcomers' languages, about two doors per meeting, attrition
per generation, follow-up shares near the published 82 % / 65 % / 67 %)."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date

import pytest

from graphsvc.seed import demo

UNTIL = date(2026, 6, 30)


@pytest.fixture(scope="module")
def programme() -> demo.Programme:
    """A mid-sized demo, built once for the shape tests."""
    return demo.build(people=3000, seed=11, until=UNTIL)


def test_the_same_seed_gives_the_same_programme() -> None:
    first = demo.build(people=300, seed=7, until=UNTIL)
    again = demo.build(people=300, seed=7, until=UNTIL)
    other = demo.build(people=300, seed=8, until=UNTIL)
    assert first == again
    assert first.people != other.people and first.people[0]["id"] != other.people[0]["id"]


def test_people_look_like_the_programme(programme: demo.Programme) -> None:
    people = programme.people
    openers = [p for p in people if "door_opener" in p["roles"]]
    participants = [p for p in people if p["roles"] == "participant"]
    retired = sum(p["retired"] == "true" for p in openers) / len(openers)
    assert 0.25 < retired < 0.40
    years = statistics.mean(float(p["years_in_sweden"]) for p in participants)
    assert 2.5 < years < 3.5
    first_languages = Counter(p["languages"].split(";")[0] for p in participants)
    assert first_languages.most_common(1)[0][0] == "ar"
    assert {"fa", "ti", "so", "uk"} <= set(first_languages)
    homes = Counter(p["home_place"] for p in people)
    assert homes.most_common(1)[0][0] == "0180" and len(homes) > 150
    assert all("sv" in p["languages"].split(";") for p in openers)


def test_relays_have_about_two_doors_a_meeting_and_thin_out_by_generation(
    programme: demo.Programme,
) -> None:
    meetings, doors = programme.meetings, programme.doors
    by_door_opener = [d for d in doors if d["opened_by"] == "door_opener"]
    assert 1.5 < len(by_door_opener) / len(meetings) < 2.0
    generation = {m["id"]: int(m["generation"]) for m in programme.matches}
    held = Counter(generation[m["match_id"]] for m in meetings)
    assert held[2] > held[3] > held[4] > held[5] > 0
    made = Counter(int(m["generation"]) for m in programme.matches)
    met_share = {g: held[g] / made[g] for g in (2, 3, 4)}
    assert met_share[2] > met_share[3] > met_share[4]
    assert sum(bool(m.get("no_doors_reason")) for m in meetings) > 0


def test_follow_ups_come_near_the_published_shares(programme: demo.Programme) -> None:
    answers = programme.follow_ups
    for column, share in demo_shares().items():
        observed = sum(a[column] == "true" for a in answers) / len(answers)
        assert abs(observed - share) < 0.05, column


def demo_shares() -> dict[str, float]:
    return {"understood_market_better": 0.82, "integration_helped": 0.65, "kept_in_contact": 0.67}


def test_nothing_happens_after_the_end_or_before_sign_up(programme: demo.Programme) -> None:
    end = UNTIL.isoformat()
    signed_up = {p["id"]: p["signed_up_at"] for p in programme.people}
    for match in programme.matches:
        assert match["created_at"][:10] < end
        assert match["created_at"][:10] >= signed_up[match["participant"]]
    assert all(m["held_at"][:10] < end for m in programme.meetings)
    assert all(d["at"][:10] < end for d in programme.doors)
    assert max(p["signed_up_at"] for p in programme.people) <= end


def test_relays_keep_the_importers_rules(programme: demo.Programme) -> None:
    matches = {m["id"]: m for m in programme.matches}
    meetings = {m["id"]: m for m in programme.meetings}
    pairs = Counter((m["participant"], m["door_opener"]) for m in programme.matches)
    assert max(pairs.values()) == 1, "a pair is matched once"
    introduced: Counter[tuple[str, str]] = Counter()
    doors_at: Counter[str] = Counter()
    for door in programme.doors:
        match = matches[meetings[door["meeting_id"]]["match_id"]]
        by_door_opener = door["opened_by"] == "door_opener"
        introduced[
            (match["participant"] if by_door_opener else match["door_opener"], door["contact"])
        ] += 1
        doors_at[door["meeting_id"]] += by_door_opener
        assert door["at"] >= meetings[door["meeting_id"]]["held_at"]
    assert max(introduced.values()) == 1, "a contact is introduced to a person once"
    assert max(doors_at.values()) <= 2
