"""Candidates against the real Neo4j: exclusions, ranking, explanation, modes and exactness."""

from __future__ import annotations

import contextlib
import csv
import math
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphsvc.errors import Conflict
from graphsvc.graph.db import Graph
from graphsvc.graph.schema import wipe_programme
from graphsvc.models.match import MatchCreate
from graphsvc.models.token import Principal
from graphsvc.services import candidates, matches, people
from graphsvc.services.candidates import SharedNeighbour, score
from graphsvc.settings import MatchWeights, Settings
from tests import factories
from tests.factories import sign_up

REFERENCE = Path(__file__).resolve().parent.parent / "graphsvc/data/reference"
STAFF = Principal(token_id="t", name="test", role="staff")
W = MatchWeights()


def _reference(name: str) -> dict[str, dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8") as file:
        return {row["key"]: row for row in csv.DictReader(file)}


PLACES, INDUSTRIES, FIELDS = (
    _reference("places.csv"),
    _reference("industries.csv"),
    _reference("fields.csv"),
)


def _items(client: TestClient, participant_id: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/api/v1/participants/{participant_id}/candidates", params=params)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [i["door_opener"]["id"] for i in items]


def _met(graph: Graph, participant_id: str, door_opener_id: str) -> None:
    """A MET edge as the meetings issue will write it (test data only)."""
    with graph.driver.session(database=graph.database) as session:
        session.run(
            "MATCH (p:Person {id: $p}) MATCH (d:Person {id: $d}) "
            "CREATE (p)-[:MET {id: randomUUID(), held_at: datetime()}]->(d)",
            p=participant_id,
            d=door_opener_id,
        ).consume()


def test_candidates_rank_a_rare_shared_language_above_a_common_one(
    graph: Graph, staff: TestClient
) -> None:
    far = {
        "home_place": "2584",
        "industries": ["01"],
        "education": {"level": "master", "fields": ["0111"]},
    }
    english = [sign_up(graph, factories.door_opener(**far)) for _ in range(3)]
    tigrinya = sign_up(graph, factories.door_opener(languages=["sv", "ti"], **far))
    me = sign_up(graph, factories.participant(languages=["ti", "en"], home_place="1280"))
    items = _items(staff, me)
    assert _ids(items)[0] == tigrinya
    assert set(_ids(items)) == {tigrinya, *english}
    assert items[0]["shared"]["languages"] == ["ti"]
    assert [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)


def test_candidates_explain_shared_industry_field_and_place(
    graph: Graph, staff: TestClient
) -> None:
    door_opener = sign_up(graph, factories.door_opener())
    me = sign_up(graph, factories.participant())
    [item] = _items(staff, me)
    assert item["door_opener"]["id"] == door_opener
    assert item["shared"] == {
        "languages": ["en", "sv"],
        "industries": ["86", "Q"],
        "fields": ["09", "091", "0913"],
        "place": "same_municipality",
        "distance_km": 0.0,
    }


def test_candidates_exclude_inactive_erased_self_and_non_door_openers(
    graph: Graph, staff: TestClient, admin: TestClient
) -> None:
    inactive = sign_up(graph, factories.door_opener())
    people.set_active(graph, inactive, active=False)
    erased = sign_up(graph, factories.door_opener())
    assert admin.delete(f"/api/v1/people/{erased}").status_code == 204
    sign_up(graph, factories.participant())  # another participant is no candidate
    me = sign_up(
        graph,
        factories.participant(roles=["participant", "door_opener"], established_in_sweden=True),
    )
    kept = sign_up(graph, factories.door_opener())
    assert _ids(_items(staff, me)) == [kept]


def test_candidates_exclude_door_openers_at_capacity(
    graph: Graph, staff: TestClient, settings: Settings
) -> None:
    full = sign_up(graph, factories.door_opener(max_active_matches=1))
    roomy = sign_up(graph, factories.door_opener(max_active_matches=2))
    for door_opener in (full, roomy):
        other = sign_up(graph, factories.participant())
        matches.propose(
            graph, settings, MatchCreate(participant_id=other, door_opener_id=door_opener)
        )
    me = sign_up(graph, factories.participant())
    items = _items(staff, me)
    assert _ids(items) == [roomy]


def test_declined_and_cancelled_matches_free_capacity_but_the_pair_stays_excluded(
    graph: Graph, staff: TestClient, settings: Settings
) -> None:
    me = sign_up(graph, factories.participant())
    declined = sign_up(graph, factories.door_opener())
    cancelled = sign_up(graph, factories.door_opener())
    met = sign_up(graph, factories.door_opener())
    for door_opener, action in ((declined, "decline"), (cancelled, "cancel")):
        match = matches.propose(
            graph, settings, MatchCreate(participant_id=me, door_opener_id=door_opener)
        )
        matches.transition(graph, match.id, action, STAFF)  # type: ignore[arg-type]
    _met(graph, me, met)
    assert _items(staff, me) == []
    someone_else = sign_up(graph, factories.participant())
    assert set(_ids(_items(staff, someone_else))) == {declined, cancelled, met}


def test_candidates_need_a_shared_language(graph: Graph, staff: TestClient) -> None:
    sign_up(graph, factories.door_opener(languages=["sv", "en"]))
    farsi = sign_up(graph, factories.door_opener(languages=["sv", "fa"]))
    me = sign_up(graph, factories.participant(languages=["fa", "ar"]))
    items = _items(staff, me)
    assert _ids(items) == [farsi]
    assert items[0]["shared"]["languages"] == ["fa"]


def test_a_door_opener_sharing_only_swedish_far_away_still_qualifies(
    graph: Graph, staff: TestClient
) -> None:
    kiruna = sign_up(
        graph,
        factories.door_opener(
            languages=["sv"],
            home_place="2584",
            industries=["01"],
            education={"level": "master", "fields": ["0111"]},
        ),
    )
    me = sign_up(graph, factories.participant(languages=["sv", "ar"], home_place="1280"))
    [item] = _items(staff, me)
    assert item["door_opener"]["id"] == kiruna
    assert item["shared"]["languages"] == ["sv"] and item["shared"]["place"] == "other"
    assert 1000 < item["shared"]["distance_km"] < 1500


def test_nearness_orders_same_municipality_then_same_county_then_nearest(
    graph: Graph, staff: TestClient
) -> None:
    def door_opener(place: str) -> str:
        return sign_up(
            graph,
            factories.door_opener(
                languages=["sv"],
                home_place=place,
                industries=[],
                education={"level": "master", "fields": []},
            ),
        )

    kiruna, lund, malmo, trelleborg = (door_opener(p) for p in ("2584", "1281", "1280", "1287"))
    goteborg = door_opener("1480")
    me = sign_up(
        graph,
        factories.participant(
            languages=["sv"],
            home_place="1280",
            industries=[],
            education={"level": "bachelor", "fields": []},
        ),
    )
    items = _items(staff, me, limit=5)
    ids = _ids(items)
    assert ids[0] == malmo
    assert set(ids[1:3]) == {lund, trelleborg}
    assert ids[3:] == [goteborg, kiruna]
    assert [i["shared"]["place"] for i in items] == [
        "same_municipality",
        "same_county",
        "same_county",
        "other",
        "other",
    ]


def test_digital_mode_ignores_place_and_in_person_mode_drops_digital_only_door_openers(
    graph: Graph, staff: TestClient
) -> None:
    def twin(**overrides: Any) -> str:
        unrelated = {"level": "master", "fields": ["0111"]}
        return sign_up(
            graph,
            factories.door_opener(
                languages=["sv"], industries=["01"], education=unrelated, **overrides
            ),
        )

    near, far = twin(home_place="1480"), twin(home_place="2584")
    screen_only = twin(home_place="2584", meeting_modes=["digital"])
    me = sign_up(graph, factories.participant())
    anywhere = _items(staff, me)
    assert _ids(anywhere)[0] == near and anywhere[0]["score"] > anywhere[1]["score"]
    digital = _items(staff, me, mode="digital")
    assert _ids(digital) == sorted([near, far, screen_only])
    assert len({i["score"] for i in digital}) == 1
    assert digital[0]["shared"]["place"] in {"same_municipality", "other"}  # still explained
    assert set(_ids(_items(staff, me, mode="in_person"))) == {near, far}


def test_equal_scores_are_ordered_by_id_and_limit_is_respected(
    graph: Graph, staff: TestClient
) -> None:
    ids = [sign_up(graph, factories.door_opener()) for _ in range(6)]
    me = sign_up(graph, factories.participant())
    items = _items(staff, me, limit=4)
    assert _ids(items) == sorted(ids)[:4]
    assert len({i["score"] for i in items}) == 1


def test_viewer_sees_candidates_with_initials_and_no_contact_details(
    graph: Graph, viewer: TestClient
) -> None:
    sign_up(graph, factories.door_opener(name="Karin Lind"))
    me = sign_up(graph, factories.participant())
    [item] = _items(viewer, me)
    assert item["door_opener"]["name"] == "K. L."
    assert "email" not in item["door_opener"] and "phone" not in item["door_opener"]


def test_candidates_of_unknown_or_non_participant_are_404_and_422(
    graph: Graph, staff: TestClient
) -> None:
    assert staff.get("/api/v1/participants/p_nope/candidates").status_code == 404
    door_opener = sign_up(graph, factories.door_opener())
    response = staff.get(f"/api/v1/participants/{door_opener}/candidates")
    assert response.status_code == 422
    assert response.json()["detail"][0]["input"] == door_opener
    assert staff.get(f"/api/v1/participants/{door_opener}/candidates?mode=bus").status_code == 422


# --- exactness: the query's top k equals a brute-force ranking by the pure formula -----------


def _ancestors(key: str, table: dict[str, dict[str, str]]) -> set[str]:
    found = {key}
    while table[key]["parent"]:
        key = table[key]["parent"]
        found.add(key)
    return found


def _neighbours(body: dict[str, Any]) -> set[tuple[str, str]]:
    """(weight name, key): industry and field codes overlap ("09"), so the kind is part of it."""
    found = {("language", lang) for lang in body["languages"] if lang != "sv"}
    for industry in body["industries"]:
        found |= {
            ("industry_" + INDUSTRIES[k]["kind"], k) for k in _ancestors(industry, INDUSTRIES)
        }
    for field in body["education"]["fields"]:
        found |= {("field_" + FIELDS[k]["kind"], k) for k in _ancestors(field, FIELDS)}
    return found


def _km(a: str, b: str) -> float:
    la, lo, lb, lob = (math.radians(float(PLACES[k][c])) for k in (a, b) for c in ("lat", "lon"))
    h = math.sin((lb - la) / 2) ** 2 + math.cos(la) * math.cos(lb) * math.sin((lob - lo) / 2) ** 2
    return 2 * 6378140.0 * math.asin(math.sqrt(h)) / 1000


def _degrees(bodies: Iterable[dict[str, Any]]) -> dict[tuple[str, str], int]:
    """How many of the door-openers reach each neighbour: the rarity the score divides by."""
    degree: dict[tuple[str, str], int] = {}
    for body in bodies:
        for n in _neighbours(body):
            degree[n] = degree.get(n, 0) + 1
    return degree


def _nearness(me: dict[str, Any], body: dict[str, Any]) -> tuple[str, float | None]:
    """The place relation of two people and, when in different counties, their distance."""
    homes = [k for k in (me["home_place"], me["work_place"]) if k]
    theirs = [k for k in (body["home_place"], body["work_place"]) if k]
    if set(homes) & set(theirs):
        return "same_municipality", None
    if {PLACES[k]["parent"] for k in homes} & {PLACES[k]["parent"] for k in theirs}:
        return "same_county", None
    if homes and theirs:
        return "other", min(_km(a, b) for a in homes for b in theirs)
    return "other", None


def _expected(
    me: dict[str, Any], door_openers: dict[str, dict[str, Any]], mode: str
) -> dict[str, float]:
    degree = _degrees(door_openers.values())
    mine = _neighbours(me)
    found: dict[str, float] = {}
    for did, body in door_openers.items():
        if mode != "any" and mode not in body["meeting_modes"]:
            continue
        if not set(body["meeting_modes"]) & set(me["meeting_modes"]):
            continue
        shared = [SharedNeighbour(n[0], degree[n]) for n in mine & _neighbours(body)]
        if "sv" in me["languages"]:
            shared.append(SharedNeighbour("language", len(door_openers)))
        if not any(s.kind == "language" for s in shared):
            continue
        place, km = _nearness(me, body)
        found[did] = score(shared, place=place, distance_km=km, weights=W, mode=mode)  # type: ignore[arg-type]
    return found


def test_the_top_candidates_are_exactly_the_best_by_the_scoring_formula(graph: Graph) -> None:
    rng = random.Random(7)
    municipalities = factories.municipality_keys()
    door_openers: dict[str, dict[str, Any]] = {}
    for n in range(45):
        body = factories.random_door_opener(rng, municipalities)
        body["max_active_matches"] = 3
        if n % 9 == 0:
            body["home_place"], body["work_place"] = None, None
        door_openers[sign_up(graph, body)] = body
    participants = {}
    for _ in range(8):
        body = factories.random_participant(rng, municipalities)
        participants[sign_up(graph, body)] = body
    for pid, me in participants.items():
        for mode in ("any", "digital", "in_person"):
            expected = _expected(me, door_openers, mode)
            got = candidates.list_candidates(
                graph, pid, weights=W, principal=STAFF, limit=5, mode=mode
            )
            assert len(got.items) == min(5, len(expected)), (pid, mode)
            for item in got.items:
                assert abs(item.score - expected[item.door_opener.id]) < 1e-3, (pid, mode)
            if got.items:
                cut = got.items[-1].score
                better = {d for d, s in expected.items() if s > cut + 1e-3}
                assert better <= {i.door_opener.id for i in got.items}, (pid, mode)


# --- property: whatever the programme, no excluded door-opener is ever returned ---------------

door_opener_specs = st.fixed_dictionaries(
    {
        "active": st.booleans(),
        "extra_languages": st.lists(st.sampled_from(["en", "ti", "ar"]), max_size=2, unique=True),
        "capacity": st.integers(1, 2),
        "others_matched": st.integers(0, 2),
        "history": st.sampled_from([None, "proposed", "accepted", "decline", "cancel", "met"]),
        "modes": st.sampled_from([["in_person", "digital"], ["in_person"], ["digital"]]),
    }
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    specs=st.lists(door_opener_specs, min_size=1, max_size=5),
    languages=st.lists(
        st.sampled_from(["sv", "en", "ti", "ar", "fa"]), min_size=1, max_size=3, unique=True
    ),
    mode=st.sampled_from(["any", "in_person", "digital"]),
)
def test_no_returned_candidate_is_inactive_full_matched_before_or_without_a_shared_language(
    graph: Graph, settings: Settings, specs: list[dict[str, Any]], languages: list[str], mode: str
) -> None:
    wipe_programme(graph)
    me_body = factories.participant(languages=languages, meeting_modes=["in_person", "digital"])
    me = sign_up(graph, me_body)
    eligible = set()
    for spec in specs:
        body = factories.door_opener(
            languages=["sv", *spec["extra_languages"]],
            max_active_matches=spec["capacity"],
            meeting_modes=spec["modes"],
        )
        did = sign_up(graph, body)
        for _ in range(spec["others_matched"]):
            other = sign_up(graph, factories.participant())
            with contextlib.suppress(Conflict):  # at capacity already: that is the point
                matches.propose(
                    graph, settings, MatchCreate(participant_id=other, door_opener_id=did)
                )
        open_matches = min(spec["others_matched"], spec["capacity"])
        shares = bool(set(languages) & {"sv", *spec["extra_languages"]})
        history = spec["history"]
        if history == "met":
            _met(graph, me, did)
        elif history is not None and open_matches < spec["capacity"] and shares:
            made = matches.propose(
                graph, settings, MatchCreate(participant_id=me, door_opener_id=did)
            )
            if history != "proposed":
                action = {"accepted": "accept"}.get(history, history)
                matches.transition(graph, made.id, action, STAFF)
        else:
            history = None
        if not spec["active"]:
            people.set_active(graph, did, active=False)
        if (
            spec["active"]
            and history is None
            and open_matches < spec["capacity"]
            and shares
            and (mode == "any" or mode in spec["modes"])
        ):
            eligible.add(did)
    got = candidates.list_candidates(graph, me, weights=W, principal=STAFF, limit=50, mode=mode)  # type: ignore[arg-type]
    assert {i.door_opener.id for i in got.items} == eligible
    for item in got.items:
        assert set(item.shared.languages) & set(languages)
