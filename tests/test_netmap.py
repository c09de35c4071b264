"""The network map's data: `cypher/viz/map_graph.cypher` through its service, on the real graph,
and its JSON twin `/ui/map.json`, which must be exactly what `/ui/` draws."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from graphsvc.models.netmap import MapFilters, NetworkMap
from graphsvc.services.netmap import network_map
from graphsvc.services.people import erase_person
from graphsvc.settings import Settings
from tests.relay_data import at, held, match, meet, relay, sign_up


def drawn(found: NetworkMap) -> set[tuple[str, str, str]]:
    """The connections of a map as (source, target, type)."""
    return {(e.source, e.target, e.type) for e in found.edges}


def labels(found: NetworkMap) -> set[str]:
    return {n.label for n in found.nodes}


def whole(graph: Graph, **filters: Any) -> NetworkMap:
    return network_map(graph, MapFilters.model_validate(filters), full_names=True)


def test_map_holds_everyone_with_their_matches_meetings_and_doors(
    graph: Graph, settings: Settings
) -> None:
    tree = relay(graph, settings)
    found = whole(graph)

    assert [n.id for n in found.nodes] == [p.id for p in tree.people], "oldest sign-up first"
    amira = found.nodes[0]
    assert amira.label == "Amira Haddad" and amira.roles == ["participant"]
    assert (amira.municipality, amira.county) == ("1480", "14")
    assert amira.languages == ["ar", "en", "sv"] and amira.industries == ["86"]
    assert amira.fields == ["0913"] and amira.joined == date(2025, 1, 2) and amira.active
    p, d1, d2, d4 = tree.participant.id, tree.first.id, tree.second.id, tree.fourth.id
    assert (p, d1, "MET") in drawn(found) and (p, d1, "MATCHED") in drawn(found)
    assert (d1, d2, "OPENED_DOOR") in drawn(found) and (d2, d4, "OPENED_DOOR") in drawn(found)
    assert len(found.edges) == 9 and not found.truncated
    door = next(e for e in found.edges if (e.source, e.target) == (d2, d4))
    assert door.generation == 3 and door.at == at(2025, 4, 7)


def test_declined_and_cancelled_matches_are_no_connection(graph: Graph, settings: Settings) -> None:
    amira = sign_up(graph, "participant")
    openers = [sign_up(graph, "door_opener") for _ in range(3)]
    for opener, action in zip(openers, ["decline", "cancel", "accept"], strict=True):
        match(graph, settings, amira, opener, when=at(2025, 5, 1), then=action)  # type: ignore[arg-type]

    assert drawn(whole(graph)) == {(amira.id, openers[2].id, "MATCHED")}


def test_place_is_a_municipality_or_its_county_at_home_or_work(graph: Graph) -> None:
    sign_up(graph, "participant", name="Göteborg Hem", home_place="1480")
    sign_up(graph, "participant", name="Mölndal Hem", home_place="1481")
    sign_up(graph, "door_opener", name="Stockholm Hem", home_place="0180", work_place="1480")
    sign_up(graph, "door_opener", name="Solna Hem", home_place="0184")

    assert labels(whole(graph, place="1480")) == {"Göteborg Hem", "Stockholm Hem"}
    assert labels(whole(graph, place="14")) == {"Göteborg Hem", "Mölndal Hem", "Stockholm Hem"}
    assert labels(whole(graph, place="01")) == {"Stockholm Hem", "Solna Hem"}


def test_industry_is_a_division_or_its_whole_section(graph: Graph) -> None:
    sign_up(graph, "participant", name="Sjukhus", industries=["86"])
    sign_up(graph, "participant", name="Omsorg", industries=["87"])
    sign_up(graph, "participant", name="Program", industries=["62"])

    assert labels(whole(graph, industry="86")) == {"Sjukhus"}
    assert labels(whole(graph, industry="Q")) == {"Sjukhus", "Omsorg"}


def test_field_matches_at_any_level_of_isced(graph: Graph) -> None:
    sign_up(
        graph,
        "participant",
        name="Sjuksköterska",
        education={"level": "bachelor", "fields": ["0913"]},
    )
    sign_up(
        graph, "participant", name="Tandvård", education={"level": "bachelor", "fields": ["0911"]}
    )
    sign_up(
        graph, "participant", name="Ingenjör", education={"level": "bachelor", "fields": ["0714"]}
    )

    assert labels(whole(graph, field="0913")) == {"Sjuksköterska"}
    assert labels(whole(graph, field="091")) == {"Sjuksköterska", "Tandvård"}
    assert labels(whole(graph, field="09")) == {"Sjuksköterska", "Tandvård"}
    assert labels(whole(graph, field="07")) == {"Ingenjör"}


def test_language_keeps_who_speaks_it_and_the_connections_among_them(
    graph: Graph, settings: Settings
) -> None:
    amira = sign_up(graph, "participant", name="Amira", languages=["ar", "sv"])
    karin = sign_up(graph, "door_opener", name="Karin", languages=["sv"])
    lena = sign_up(graph, "door_opener", name="Lena", languages=["sv", "ar"])
    meet(graph, settings, amira, karin, when=at(2025, 3, 1))
    match(graph, settings, amira, lena, when=at(2025, 3, 2))

    found = whole(graph, language="ar")
    assert labels(found) == {"Amira", "Lena"}
    assert drawn(found) == {(amira.id, lena.id, "MATCHED")}, "no edge to someone off the map"


def test_period_keeps_who_joined_or_connected_in_it_and_only_its_connections(
    graph: Graph, settings: Settings
) -> None:
    amira = sign_up(graph, "participant", name="Amira", joined=date(2024, 3, 1))
    karin = sign_up(graph, "door_opener", name="Karin", joined=date(2024, 3, 1))
    new = sign_up(graph, "door_opener", name="Ny", joined=date(2025, 2, 10))
    sign_up(graph, "door_opener", name="Vilande", joined=date(2024, 5, 1))
    matched = match(graph, settings, amira, karin, when=at(2024, 12, 31, 23))
    # They meet just after midnight in Stockholm: 2025 there, still 2024 in UTC.
    held(graph, matched, when=at(2025, 1, 1, 0))

    found = whole(graph, **{"from": "2025-01-01", "to": "2025-02-28"})
    assert labels(found) == {"Amira", "Karin", "Ny"}
    assert [(e.type, e.at) for e in found.edges] == [("MET", at(2025, 1, 1, 0))]
    december = whole(graph, **{"from": "2024-12-01", "to": "2024-12-31"})
    assert [(e.type, e.at) for e in december.edges] == [("MATCHED", at(2024, 12, 31, 23))]
    assert labels(december) == {"Amira", "Karin"}
    assert new.id not in {n.id for n in december.nodes}


def test_cap_keeps_the_first_to_sign_up_and_says_so(graph: Graph) -> None:
    people = [sign_up(graph, "participant", joined=date(2025, 1, day)) for day in (3, 1, 2)]

    found = whole(graph, limit=2)
    assert [n.id for n in found.nodes] == [people[1].id, people[2].id]
    assert found.truncated
    assert not whole(graph, limit=3).truncated


def test_viewers_get_initials_and_erased_people_stay_anonymous(
    graph: Graph, settings: Settings
) -> None:
    tree = relay(graph, settings)
    erase_person(graph, tree.third.id)

    found = network_map(graph, MapFilters(), full_names=False)
    assert {n.id: n.label for n in found.nodes}[tree.participant.id] == "A. H."
    assert {n.id: n.label for n in found.nodes}[tree.third.id] == "anonym"
    assert not any("Haddad" in n.label or "Lund" in n.label for n in found.nodes)


@pytest.mark.parametrize(
    "query",
    [
        "place=148",
        "industry=QQ",
        "language=arabic",
        "field=9",
        "limit=0",
        "limit=20001",
        "from=2025-02-01&to=2025-01-01",
        "from=yesterday",
        "from=1899-01-01",
        "to=9999-12-31",
        "colour=red",
    ],
)
def test_map_refuses_filters_it_cannot_use(staff: TestClient, query: str) -> None:
    assert staff.get(f"/ui/map.json?{query}").status_code == 422


def test_map_json_is_exactly_what_the_page_draws(
    graph: Graph, settings: Settings, staff: TestClient
) -> None:
    relay(graph, settings)
    query = "place=14&from=2025-01-01&to=2025-03-31&limit=3"

    twin = staff.get(f"/ui/map.json?{query}").json()
    page = staff.get(f"/ui/?{query}")
    block = re.search(r'<script type="application/json" id="map-data">(.*?)</script>', page.text)
    assert page.status_code == 200 and block
    assert json.loads(block.group(1))["graph"] == twin
    assert len(twin["nodes"]) == 3 and twin["truncated"] is True, "four pass; Olof joined in April"


def test_map_json_gives_viewers_initials(
    graph: Graph, settings: Settings, viewer: TestClient
) -> None:
    relay(graph, settings)
    nodes = viewer.get("/ui/map.json").json()["nodes"]
    assert {n["label"] for n in nodes} == {"A. H.", "K. L.", "E. B.", "S. E.", "O. S."}


def test_map_json_needs_a_token_like_the_api(app_client: TestClient) -> None:
    response = app_client.get("/ui/map.json")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
