"""The batch ranks every waiting participant at once; it must rank exactly as the candidate query.

A seeded random programme with the awkward cases in it (Swedish and English hubs, people without
a place, twins that tie, participants who speak no Swedish, pairs matched, declined or met
before, door-openers inactive, erased or at capacity, someone with both roles) is ranked both ways
and compared value for value: every participant's top ten from the batch's facts against
`list_candidates` and the candidate query, and the whole dry-run batch against the plan the
candidate query's pairs give.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from graphsvc import clock
from graphsvc.graph import matches as repo
from graphsvc.graph.batch import batch_facts
from graphsvc.graph.db import Graph
from graphsvc.models.match import BatchRequest, MatchCreate
from graphsvc.models.meeting import MeetingCreate
from graphsvc.models.token import Principal
from graphsvc.services import candidates, matches, meetings, people
from graphsvc.services.batch import TOP_K, greedy_total, plan, run_batch
from graphsvc.services.batch_scores import HUB, top_candidates
from graphsvc.settings import MatchWeights, Settings
from tests import factories
from tests.factories import sign_up

STAFF = Principal(token_id="t", name="test", role="staff")
W = MatchWeights()


def _programme(graph: Graph, settings: Settings) -> dict[str, Any]:
    """Door-openers and participants at random (seeded), then history that the rules read."""
    rng = random.Random(2015)
    municipalities = factories.municipality_keys()
    door_openers: list[str] = []
    for n in range(60):
        body = factories.random_door_opener(rng, municipalities)
        if n % 10 == 0:
            body["home_place"], body["work_place"] = None, None
        door_openers.append(sign_up(graph, body))
        if n % 12 == 0:  # a twin: same profile, so the two tie and the id decides
            twin = dict(body, email=f"twin{n}-{rng.random()}@example.org")
            door_openers.append(sign_up(graph, twin))
    both = factories.participant(
        roles=["participant", "door_opener"],
        languages=["sv", "ti"],
        established_in_sweden=True,
        max_active_matches=2,
    )
    door_openers.append(sign_up(graph, both))
    participants = [door_openers[-1]]
    for n in range(45):
        body = factories.random_participant(rng, municipalities)
        if n % 11 == 0:
            body["home_place"] = None
        if n % 9 == 0:
            body["languages"] = ["ti", "en"] if n % 2 else ["ti"]
        participants.append(sign_up(graph, body))
    # History: open, declined and met matches; inactive and erased door-openers.
    made: list[str] = []
    for participant in participants[1:]:
        best = candidates.list_candidates(graph, participant, weights=W, principal=STAFF, limit=1)
        if best.items and len(made) < 6:
            proposal = MatchCreate(
                participant_id=participant, door_opener_id=best.items[0].door_opener.id
            )
            made.append(matches.propose(graph, settings, proposal).id)
    matches.transition(graph, made[0], "decline", STAFF)
    matches.transition(graph, made[1], "cancel", STAFF)
    held = MeetingCreate(held_at=clock.now() - timedelta(days=1), mode="in_person")
    meetings.record_meeting(graph, made[2], held)
    for door_opener in door_openers[20:23]:
        people.set_active(graph, door_opener, active=False)
    people.erase_person(graph, door_openers[23])
    people.set_active(graph, participants[8], active=False)
    return {"door_openers": door_openers, "participants": participants}


def test_the_batch_ranks_every_waiting_participant_exactly_as_the_candidate_list(
    graph: Graph, settings: Settings
) -> None:
    _programme(graph, settings)
    waiting = repo.waiting_participants(graph, ids=None)
    assert 35 <= len(waiting) <= 45
    facts = batch_facts(graph, participant_ids=waiting, weights=W, chunk=7)
    english = [n for n in facts.neighbours if n.key == "en"]
    assert english and len(english[0].door_openers) > HUB * len(facts.door_openers)  # a hub
    assert any(not p.speaks_sv for p in facts.participants)
    assert any(p.known for p in facts.participants)
    ties = 0
    for block in (500, 4):  # one block, and many blocks with neighbours split across them
        ranked: dict[str, list[tuple[str, float]]] = {pid: [] for pid in waiting}
        for pair in top_candidates(facts, weights=W, limit=TOP_K, block=block):
            ranked[pair.participant_id].append((pair.door_opener_id, pair.score))
        for pid in waiting:
            listed = candidates.list_candidates(graph, pid, weights=W, principal=STAFF, limit=TOP_K)
            expected = [(c.door_opener.id, c.score) for c in listed.items]
            assert ranked[pid] == expected, pid
            scores = [s for _, s in expected]
            ties += len(scores) - len(set(scores))
    assert ties > 0  # ties by id were exercised
    ours = [
        (p.participant_id, p.door_opener_id, p.score, p.capacity_left)
        for p in top_candidates(facts, weights=W, limit=TOP_K)
    ]
    theirs = [  # the query itself, many participants at once as the batch used to call it
        (p.participant_id, p.door_opener_id, p.score, p.capacity_left)
        for p in repo.find_candidates(
            graph, participant_ids=waiting, limit=TOP_K, mode="any", weights=W
        )
    ]
    assert ours == theirs
    assert {c for *_, c in ours} >= {1, 2}  # room left, not just whether there is room


def test_a_dry_run_plans_the_same_as_planning_over_the_candidate_querys_pairs(
    graph: Graph, settings: Settings
) -> None:
    _programme(graph, settings)
    waiting = repo.waiting_participants(graph, ids=None)
    pairs = repo.find_candidates(graph, participant_ids=waiting, limit=TOP_K, mode="any", weights=W)
    result = run_batch(graph, settings, BatchRequest(dry_run=True))
    expected = [(p.participant_id, p.door_opener_id, p.score) for p in plan(pairs)]
    assert [(a.participant_id, a.door_opener_id, a.score) for a in result.assignments] == expected
    assert result.greedy_total_score == greedy_total(pairs)
    assert result.unmatched == [pid for pid in waiting if pid not in {e[0] for e in expected}]


def test_no_door_openers_or_no_participants_rank_nothing(graph: Graph) -> None:
    participant = sign_up(graph, factories.participant())
    facts = batch_facts(graph, participant_ids=[participant], weights=W)
    assert facts.door_openers == [] and top_candidates(facts, weights=W, limit=TOP_K) == []
    sign_up(graph, factories.door_opener())
    assert (
        top_candidates(batch_facts(graph, participant_ids=[], weights=W), weights=W, limit=TOP_K)
        == []
    )


def test_participants_without_a_place_are_ranked_as_the_candidate_list_ranks_them(
    graph: Graph,
) -> None:
    homeless = sign_up(graph, factories.participant(home_place=None))
    for place in ("1480", "0180", None):
        sign_up(graph, factories.door_opener(home_place=place, max_active_matches=2))
    facts = batch_facts(graph, participant_ids=[homeless], weights=W)
    ranked = [(p.door_opener_id, p.score) for p in top_candidates(facts, weights=W, limit=TOP_K)]
    listed = candidates.list_candidates(graph, homeless, weights=W, principal=STAFF, limit=TOP_K)
    assert ranked == [(c.door_opener.id, c.score) for c in listed.items]
    assert len(ranked) == 3
