"""The batch: the assignment as a pure function (against brute force), over HTTP and the CLI."""

from __future__ import annotations

import itertools
import json
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from graphsvc.cli.main import app
from graphsvc.graph.db import Graph
from graphsvc.models.match import ScoredPair, Shared
from graphsvc.services import people
from graphsvc.services.batch import greedy_total, plan
from tests import factories
from tests.factories import sign_up

NOTHING = Shared(languages=["sv"], industries=[], fields=[], place="other", distance_km=None)


def pair(participant: str, door_opener: str, score: float, capacity: int = 1) -> ScoredPair:
    return ScoredPair(
        participant_id=participant,
        door_opener_id=door_opener,
        score=score,
        shared=NOTHING,
        capacity_left=capacity,
    )


def best_total_by_brute_force(pairs: list[ScoredPair]) -> float:
    """Every way of giving each participant one of their pairs or nothing, within capacity."""
    by_participant: dict[str, list[ScoredPair | None]] = {}
    for p in pairs:
        by_participant.setdefault(p.participant_id, [None]).append(p)
    capacity = {p.door_opener_id: p.capacity_left for p in pairs}
    best = 0.0
    for choice in itertools.product(*by_participant.values()):
        taken = [c for c in choice if c is not None]
        used: dict[str, int] = {}
        for c in taken:
            used[c.door_opener_id] = used.get(c.door_opener_id, 0) + 1
        if all(n <= capacity[d] for d, n in used.items()):
            best = max(best, sum(c.score for c in taken))
    return best


def test_the_plan_beats_greedy_where_greedy_takes_the_contested_door_opener() -> None:
    pairs = [pair("a", "x", 10.0), pair("a", "y", 9.0), pair("b", "x", 8.0)]
    chosen = plan(pairs)
    assert {(p.participant_id, p.door_opener_id) for p in chosen} == {("a", "y"), ("b", "x")}
    assert sum(p.score for p in chosen) == 17.0
    assert greedy_total(pairs) == 10.0


def test_a_door_opener_with_two_free_places_takes_two_participants() -> None:
    pairs = [pair("a", "x", 5.0, 2), pair("b", "x", 4.0, 2), pair("c", "x", 3.0, 2)]
    chosen = plan(pairs)
    assert sorted(p.participant_id for p in chosen) == ["a", "b"]


def test_nothing_to_plan_gives_an_empty_plan() -> None:
    assert plan([]) == []
    assert plan([pair("a", "x", 5.0, 0)]) == []


pairs_strategy = st.lists(
    st.builds(
        pair,
        participant=st.sampled_from("abcde"),
        door_opener=st.sampled_from("xyz"),
        score=st.floats(0.0, 20.0).map(lambda s: round(s, 3)),
        capacity=st.just(1),
    ),
    max_size=9,
    unique_by=lambda p: (p.participant_id, p.door_opener_id),
)
capacities = st.fixed_dictionaries({d: st.integers(0, 2) for d in "xyz"})


@settings(max_examples=150, deadline=None)
@given(pairs=pairs_strategy, capacity=capacities)
def test_the_plan_is_optimal_within_capacity_and_never_below_greedy(
    pairs: list[ScoredPair], capacity: dict[str, int]
) -> None:
    pairs = [p.model_copy(update={"capacity_left": capacity[p.door_opener_id]}) for p in pairs]
    chosen = plan(pairs)
    assert len({p.participant_id for p in chosen}) == len(chosen)
    for door_opener, places in capacity.items():
        assert sum(p.door_opener_id == door_opener for p in chosen) <= places
    total = sum(p.score for p in chosen)
    assert abs(total - best_total_by_brute_force(pairs)) < 1e-6
    assert total >= greedy_total(pairs) - 1e-6
    assert plan(list(reversed(pairs))) == chosen  # deterministic, whatever the input order


# --- over HTTP against the real Neo4j ---------------------------------------------------------


def _batch(client: TestClient, **body: Any) -> dict[str, Any]:
    response = client.post("/api/v1/matches/batch", json=body)
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def _programme(graph: Graph) -> tuple[list[str], list[str]]:
    """Three participants who all like the same nurse best, and two more door-openers."""
    nurse = sign_up(graph, factories.door_opener(languages=["sv", "ar", "en"]))
    it = sign_up(
        graph,
        factories.door_opener(industries=["62"], education={"level": "master", "fields": ["0613"]}),
    )
    busy = sign_up(graph, factories.door_opener(max_active_matches=2, industries=["85"]))
    participants = [sign_up(graph, factories.participant()) for _ in range(3)]
    return participants, [nurse, it, busy]


def test_dry_run_plans_within_capacity_and_writes_nothing(graph: Graph, staff: TestClient) -> None:
    participants, door_openers = _programme(graph)
    result = _batch(staff, dry_run=True)
    assert sorted(a["participant_id"] for a in result["assignments"]) == sorted(participants)
    assert result["unmatched"] == [] and result["skipped"] == []
    assert all(a["match_id"] is None for a in result["assignments"])
    assert result["total_score"] == round(sum(a["score"] for a in result["assignments"]), 6)
    assert result["total_score"] >= result["greedy_total_score"]
    used = [a["door_opener_id"] for a in result["assignments"]]
    assert used.count(door_openers[0]) <= 1 and used.count(door_openers[1]) <= 1
    assert _batch(staff, dry_run=True) == result  # same data, same plan
    for participant in participants:  # nothing was written: all still have candidates
        items = staff.get(f"/api/v1/participants/{participant}/candidates").json()["items"]
        assert len(items) == 3


def test_a_batch_makes_each_assignment_a_proposed_match_and_reports_the_rest(
    graph: Graph, staff: TestClient
) -> None:
    participants, _ = _programme(graph)
    loner = sign_up(graph, factories.participant(languages=["ti"]))  # shares no language
    result = _batch(staff, dry_run=False)
    assert result["unmatched"] == [loner]
    assert len(result["assignments"]) == 3
    for assignment in result["assignments"]:
        match = staff.get(f"/api/v1/matches/{assignment['match_id']}").json()
        assert match["status"] == "proposed" and match["generation"] == 1
        assert match["participant"]["id"] == assignment["participant_id"]
        assert match["score"] == assignment["score"]
        assert match["notification"] == "sent"
    again = _batch(staff, dry_run=False)  # matched participants are no longer waiting
    assert again["assignments"] == [] and again["unmatched"] == [loner]
    assert sorted(participants) == sorted(a["participant_id"] for a in result["assignments"])


def test_participant_ids_restrict_the_batch_and_name_those_not_waiting(
    graph: Graph, staff: TestClient
) -> None:
    participants, _ = _programme(graph)
    paused = participants[2]
    people.set_active(graph, paused, active=False)
    result = _batch(staff, dry_run=True, participant_ids=[participants[0], paused, "p_nope"])
    assert [a["participant_id"] for a in result["assignments"]] == [participants[0]]
    assert result["skipped"] == sorted([paused, "p_nope"])


def test_viewer_cannot_run_a_batch(viewer: TestClient) -> None:
    assert viewer.post("/api/v1/matches/batch", json={"dry_run": True}).status_code == 403


def test_the_cli_batch_shows_its_phases_and_prints_the_plan_as_json(
    graph: Graph, cli: CliRunner, staff: TestClient
) -> None:
    participants, _ = _programme(graph)
    ran = cli.invoke(app, ["batch", "--dry-run"])
    assert ran.exit_code == 0, ran.output
    printed = json.loads(ran.stdout.strip().splitlines()[-1])
    assert printed == _batch(staff, dry_run=True)
    assert sorted(a["participant_id"] for a in printed["assignments"]) == sorted(participants)
    for phase in ("reading", "scoring", "planning"):
        assert f"batch: {phase}" in ran.output
    assert "3 assigned, 0 unmatched" in ran.output and "dry run" in ran.output
    only = cli.invoke(app, ["batch", "--dry-run", "--participant", participants[0]])
    assert [
        a["participant_id"] for a in json.loads(only.stdout.splitlines()[-1])["assignments"]
    ] == [participants[0]]
