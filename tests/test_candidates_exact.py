"""The bounded candidate query against brute force, and the door-opener counts it relies on.

The query scores only a pool it bounds by the score (see its header); these tests hold it to the
pure formula over a whole seeded programme, for every participant, mode and several limits (so
that each stage, bound and fallback is taken), and hold the stored counts and each person's
stored neighbour and municipality keys to a recount from the edges.
"""

from __future__ import annotations

import random
from typing import Any

from graphsvc.graph import matches as repo
from graphsvc.graph.db import Graph
from graphsvc.graph.schema import migrate, wipe_programme
from graphsvc.models.person import PersonUpdate
from graphsvc.services import candidates, people
from graphsvc.services.candidates import SharedNeighbour, score
from tests import factories
from tests.factories import sign_up
from tests.test_candidates import STAFF, W, _degrees, _expected, _nearness, _neighbours

RECOUNT = """
MATCH (n) WHERE n:Language OR n:Industry OR n:Field
CALL (n) {
  MATCH (n)<-[:PART_OF*0..2]-()<-[:SPEAKS|IN_INDUSTRY|EDUCATED_IN]-(d:DoorOpener)
  RETURN count(DISTINCT d) AS recounted
}
RETURN n.key AS key, labels(n) AS labels, coalesce(n.door_openers, 0) AS stored, recounted
"""


KEYS_RECOUNT = """
MATCH (p:Person)
RETURN p.id AS id, p.neighbour_keys AS stored, p.municipality_keys AS stored_places,
       COLLECT { MATCH (p)-[:SPEAKS]->(n:Language) RETURN 'language:' + n.key }
         + COLLECT { MATCH (p)-[:IN_INDUSTRY]->()-[:PART_OF*0..1]->(n:Industry)
                     RETURN DISTINCT 'industry:' + n.key }
         + COLLECT { MATCH (p)-[:EDUCATED_IN]->()-[:PART_OF*0..2]->(n:Field)
                     RETURN DISTINCT 'field:' + n.key } AS recounted,
       COLLECT { MATCH (p)-[:LIVES_IN|WORKS_IN]->(m:Municipality) RETURN m.key } AS places
"""


def _keys_disagree(graph: Graph) -> list[dict[str, Any]]:
    """People whose stored keys are not what their edges reach (lists compared as sets)."""
    with graph.driver.session(database=graph.database) as session:
        rows = [dict(r) for r in session.run(KEYS_RECOUNT)]
    return [
        r
        for r in rows
        if r["stored"] is None
        or r["stored_places"] is None
        or sorted(r["stored"]) != sorted(r["recounted"])
        or sorted(r["stored_places"]) != sorted(set(r["places"]))
    ]


def _counts_disagree(graph: Graph) -> list[dict[str, Any]]:
    with graph.driver.session(database=graph.database) as session:
        rows = [dict(r) for r in session.run(RECOUNT)]
    return [r for r in rows if r["stored"] != r["recounted"]]


def _pair_score(me: dict[str, Any], body: dict[str, Any], all_door_openers: list[Any]) -> float:
    """What a proposal's pair score should be: the formula, excluding nothing, mode `any`."""
    degree = _degrees(all_door_openers)
    shared = [SharedNeighbour(n[0], degree[n]) for n in _neighbours(me) & _neighbours(body)]
    if "sv" in me["languages"]:
        shared.append(SharedNeighbour("language", len(all_door_openers)))
    place, km = _nearness(me, body)
    return score(shared, place=place, distance_km=km, weights=W)  # type: ignore[arg-type]


def _assert_equal_to_brute_force(
    graph: Graph, participants: dict[str, dict[str, Any]], door_openers: dict[str, dict[str, Any]]
) -> int:
    """Each participant's list, in every mode and at limits 1, 3 and 10, is the brute-force
    ranking's head, scores included; returns how many lists were compared."""
    checked = 0
    for pid, me in participants.items():
        for mode in ("any", "digital", "in_person"):
            expected = _expected(me, door_openers, mode)
            ranked = sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))
            for limit in (1, 3, 10):
                got = candidates.list_candidates(
                    graph, pid, weights=W, principal=STAFF, limit=limit, mode=mode
                )
                want = ranked[:limit]
                assert [i.door_opener.id for i in got.items] == [d for d, _ in want], (
                    pid,
                    mode,
                    limit,
                )
                for item, (_, expected_score) in zip(got.items, want, strict=True):
                    assert abs(item.score - expected_score) < 1e-6, (pid, mode, limit)
                checked += 1
    return checked


def test_bounded_candidates_equal_brute_force_for_every_participant_mode_and_limit(
    graph: Graph,
) -> None:
    rng = random.Random(2015)
    municipalities = factories.municipality_keys()
    door_openers: dict[str, dict[str, Any]] = {}
    for n in range(160):
        body = factories.random_door_opener(rng, municipalities)
        body["max_active_matches"] = 3
        if n % 23 == 0:
            body["home_place"], body["work_place"] = None, None
        door_openers[sign_up(graph, body)] = body
    participants: dict[str, dict[str, Any]] = {}
    for n in range(24):
        body = factories.random_participant(rng, municipalities)
        if n % 8 == 0:
            body["home_place"] = None
        participants[sign_up(graph, body)] = body
    assert _counts_disagree(graph) == []
    checked = _assert_equal_to_brute_force(graph, participants, door_openers)
    assert checked == 24 * 3 * 3
    everyone = list(door_openers.values())
    for pid in list(participants)[:6]:
        for did in rng.sample(sorted(door_openers), 5):
            pair = graph.transaction(
                lambda tx, p=pid, d=did: repo.score_pair(
                    tx, participant_id=p, door_opener_id=d, weights=W
                )
            )
            assert pair is not None
            assert abs(pair.score - _pair_score(participants[pid], door_openers[did], everyone)) < (
                1e-6
            ), (pid, did)


def test_rare_neighbours_left_by_a_crowded_municipality_are_walked_when_they_can_still_win(
    graph: Graph,
) -> None:
    """A municipality with enough people gives the bar first and the rare neighbours wait for
    stage 1b, walked only when someone sharing them elsewhere could still reach it. Held to brute
    force both ways: Stockholm's door-openers share only Swedish and English with two
    participants there; one of them shares a rare field with one in Stockholm (already scored,
    never twice) and a rare industry with a door-opener in Göteborg (who must come next); the
    other shares only a rare language with one in Umeå, which cannot lift him above Stockholm."""
    rng = random.Random(31)
    elsewhere = [m for m in factories.municipality_keys() if not m.startswith("01")]
    door_openers: dict[str, dict[str, Any]] = {}

    def add(body: dict[str, Any]) -> None:
        door_openers[sign_up(graph, body)] = body

    plain = {"level": "master", "fields": ["0111"]}
    for _ in range(30):  # crowded enough for a bar of 1 or 3 without the rest of the county
        add(factories.door_opener(home_place="0180", industries=["47"], education=plain))
    for _ in range(95):  # enough that one door-opener in a hundred makes a neighbour rare
        add(factories.random_door_opener(rng, elsewhere))
    add(factories.door_opener(home_place="1480", industries=["90"]))
    add(
        factories.door_opener(
            home_place="0180", industries=["47"], education={"level": "master", "fields": ["0215"]}
        )
    )
    add(
        factories.door_opener(
            home_place="2480", languages=["so", "sv"], industries=["47"], education=plain
        )
    )
    participants = {
        sign_up(graph, body): body
        for body in (
            factories.participant(
                home_place="0180",
                languages=["en", "sv"],
                industries=["90"],
                education={"level": "bachelor", "fields": ["0215"]},
            ),
            factories.participant(
                home_place="0180",
                languages=["so", "sv"],
                industries=[],
                education={"level": "bachelor", "fields": []},
            ),
        )
    }
    assert _counts_disagree(graph) == []
    assert _assert_equal_to_brute_force(graph, participants, door_openers) == 2 * 3 * 3
    first, second = participants
    best = candidates.list_candidates(graph, first, weights=W, principal=STAFF, limit=3)
    assert [door_openers[i.door_opener.id]["home_place"] for i in best.items[:2]] == [
        "0180",
        "1480",
    ]
    best = candidates.list_candidates(graph, second, weights=W, principal=STAFF, limit=1)
    assert door_openers[best.items[0].door_opener.id]["home_place"] == "0180"


def test_door_opener_counts_follow_sign_up_update_and_wipe(graph: Graph) -> None:
    first = sign_up(graph, factories.door_opener(languages=["sv", "ti"], industries=["86"]))
    sign_up(graph, factories.door_opener(languages=["sv", "en"], industries=["62"]))
    sign_up(graph, factories.participant(languages=["ti", "sv"]))
    assert _counts_disagree(graph) == []
    people.update_person(
        graph,
        first,
        PersonUpdate(languages=["sv", "fa"], industries=["87"], roles=["door_opener"]),
    )
    assert _counts_disagree(graph) == []
    both = sign_up(
        graph,
        factories.participant(
            roles=["participant", "door_opener"], established_in_sweden=True, languages=["so", "sv"]
        ),
    )
    assert _counts_disagree(graph) == []
    people.update_person(graph, both, PersonUpdate(roles=["participant"]))
    assert _counts_disagree(graph) == []
    people.update_person(graph, both, PersonUpdate(roles=["participant", "door_opener"]))
    assert _counts_disagree(graph) == []
    people.erase_person(graph, first)
    assert _counts_disagree(graph) == []
    wipe_programme(graph)
    with graph.driver.session(database=graph.database) as session:
        left = session.run("MATCH (n) WHERE n.door_openers <> 0 RETURN count(n) AS c").single()
    assert left is not None and left["c"] == 0


def test_neighbour_keys_follow_sign_up_update_role_change_erasure_and_migration(
    graph: Graph,
) -> None:
    first = sign_up(
        graph,
        factories.door_opener(languages=["sv", "ti"], industries=["86"], home_place="0180"),
    )
    assert _keys_disagree(graph) == []
    with graph.driver.session(database=graph.database) as session:
        row = session.run(
            "MATCH (p:Person {id: $id}) RETURN p.neighbour_keys AS keys", id=first
        ).single()
    assert row is not None and {"language:ti", "industry:86", "industry:Q"} <= set(row["keys"])
    people.update_person(
        graph,
        first,
        PersonUpdate(languages=["sv", "fa"], industries=["62"], roles=["door_opener"]),
    )
    assert _keys_disagree(graph) == []
    both = sign_up(
        graph,
        factories.participant(
            roles=["participant", "door_opener"], established_in_sweden=True, languages=["so", "sv"]
        ),
    )
    people.update_person(graph, both, PersonUpdate(roles=["participant"]))
    people.update_person(graph, both, PersonUpdate(home_place="0180", work_place="1480"))
    assert _keys_disagree(graph) == []
    people.erase_person(graph, first)
    assert _keys_disagree(graph) == []
    with graph.driver.session(database=graph.database) as session:
        session.run("MATCH (p:Person) REMOVE p.neighbour_keys, p.municipality_keys").consume()
    assert len(_keys_disagree(graph)) == 2
    migrate(graph)
    assert _keys_disagree(graph) == []
