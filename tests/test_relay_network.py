"""The relay end to end against the real Neo4j, and the network's rules as a pure function."""

from __future__ import annotations

from datetime import datetime, timedelta

from fastapi.testclient import TestClient

from graphsvc import clock
from graphsvc.graph.network import Tree, TreeEdge, TreePerson
from graphsvc.services.network import ERASED_LABEL, build_network
from tests import factories
from tests import relay_steps as steps


def _reach(met: int, introduced: int, total: int, depth: int) -> dict[str, int]:
    return {"met": met, "introduced": introduced, "total": total, "depth": depth}


def test_the_relay_spreads_generation_by_generation(staff: TestClient) -> None:
    participant = steps.participant(staff)
    d1 = steps.door_opener(staff)
    first = steps.match(staff, participant, d1)
    assert first["generation"] == 1
    assert steps.reach(staff, participant) == _reach(0, 0, 1, 0)

    # generation 1: the participant meets D1
    meeting1 = steps.meet(staff, first["id"])
    assert meeting1["generation"] == 1
    assert steps.reach(staff, participant) == _reach(1, 0, 1, 1)

    # D1 opens doors to D2 and to someone new: two generation-2 relay matches
    d2 = steps.door_opener(staff)
    opened = steps.doors(staff, meeting1["id"], d2, factories.door_opener(name="Nils Ny"))
    assert opened.status_code == 201, opened.text
    new_contact = opened.json()["doors"][1]["to_id"]
    relay = {m["door_opener"]["id"]: m for m in opened.json()["matches"]}
    assert set(relay) == {d2, new_contact}
    assert all(m["generation"] == 2 for m in relay.values())
    assert steps.reach(staff, participant) == _reach(1, 2, 3, 1)

    # a third door from the first meeting is refused
    assert steps.doors(staff, meeting1["id"], steps.door_opener(staff)).status_code == 409
    assert steps.reach(staff, participant) == _reach(1, 2, 3, 1)

    # generation 2: the participant meets D2, who opens two doors (generation 3)
    meeting2 = steps.meet(staff, relay[d2]["id"])
    assert meeting2["generation"] == 2
    assert steps.reach(staff, participant) == _reach(2, 2, 3, 2)
    d3, d4 = steps.door_opener(staff), steps.door_opener(staff)
    second = steps.doors(staff, meeting2["id"], d3, d4)
    assert second.status_code == 201, second.text
    assert [d["generation"] for d in second.json()["doors"]] == [3, 3]
    assert [m["generation"] for m in second.json()["matches"]] == [3, 3]
    assert steps.reach(staff, participant) == _reach(2, 4, 5, 2)

    # generation 3: meeting D3 takes the depth to 3
    steps.meet(staff, second.json()["matches"][0]["id"])
    tree = steps.network(staff, participant)
    assert tree["reach"] == _reach(3, 4, 5, 3)
    assert tree["participant_id"] == participant

    nodes = {n["id"]: n for n in tree["nodes"]}
    assert nodes[participant]["status"] == "root" and nodes[participant]["generation"] == 0
    assert [nodes[i]["generation"] for i in (d1, d2, new_contact, d3, d4)] == [1, 2, 2, 3, 3]
    assert [nodes[i]["status"] for i in (d1, d2, new_contact, d3, d4)] == [
        "met", "met", "introduced", "met", "introduced",
    ]
    assert nodes[new_contact]["label"] == "Nils Ny"
    doors = {(e["source"], e["target"], e["generation"]) for e in tree["edges"]
             if e["type"] == "OPENED_DOOR"}
    assert doors == {(d1, d2, 2), (d1, new_contact, 2), (d2, d3, 3), (d2, d4, 3)}
    met = sorted((e["target"], e["generation"]) for e in tree["edges"] if e["type"] == "MET")
    assert met == sorted([(d1, 1), (d2, 2), (d3, 3)])
    assert sum(1 for e in tree["edges"] if e["type"] == "MATCHED") == 5
    assert all(e["at"] for e in tree["edges"])


def test_viewer_sees_the_network_with_initials(staff: TestClient, viewer: TestClient) -> None:
    participant = steps.participant(staff, name="Amira Haddad")
    door_opener = steps.door_opener(staff, name="Dag Öberg")
    steps.meet(staff, steps.match(staff, participant, door_opener)["id"])
    labels = {n["id"]: n["label"] for n in steps.network(viewer, participant)["nodes"]}
    assert labels == {participant: "A. H.", door_opener: "D. Ö."}
    full = {n["id"]: n["label"] for n in steps.network(staff, participant)["nodes"]}
    assert full[door_opener] == "Dag Öberg"


def test_erased_members_stay_in_the_reach_without_a_name(
    admin: TestClient, staff: TestClient
) -> None:
    participant = steps.participant(staff)
    door_opener = steps.door_opener(staff)
    steps.meet(staff, steps.match(staff, participant, door_opener)["id"])
    admin.delete(f"/api/v1/people/{door_opener}")
    tree = steps.network(staff, participant)
    assert tree["reach"] == _reach(1, 0, 1, 1)
    assert next(n for n in tree["nodes"] if n["id"] == door_opener)["label"] == ERASED_LABEL


def test_network_of_an_unknown_or_non_participant_is_404(staff: TestClient) -> None:
    assert staff.get("/api/v1/participants/p_nope/network").status_code == 404
    door_opener = steps.door_opener(staff)
    response = staff.get(f"/api/v1/participants/{door_opener}/network")
    assert response.status_code == 404 and door_opener in response.json()["detail"]


def test_a_lone_participant_has_an_empty_tree(staff: TestClient) -> None:
    participant = steps.participant(staff)
    tree = steps.network(staff, participant)
    assert [n["id"] for n in tree["nodes"]] == [participant]
    assert tree["edges"] == [] and tree["reach"] == _reach(0, 0, 0, 0)


# --- the pure rules --------------------------------------------------------------------------

_AT = datetime(2026, 3, 2, 14, 0, tzinfo=clock.STOCKHOLM)


def _edge(generation: int, source: str = "root", days: int = 0) -> TreeEdge:
    return TreeEdge(generation=generation, at=_AT + timedelta(days=days), source=source)


def _person(pid: str, **edges: list[TreeEdge]) -> TreePerson:
    return TreePerson(id=pid, name=f"Person {pid.upper()}", roles=["door_opener"], erased=False,
                      **edges)


def test_build_network_statuses_generations_and_reach() -> None:
    tree = Tree(
        root=TreePerson(id="root", name="Rut Rot", roles=["participant"], erased=False),
        members=[
            _person("a", matches=[_edge(1)], meetings=[_edge(1, days=1)]),
            _person("b", matches=[_edge(2, days=2)], doors=[_edge(2, "a", days=2)]),
            _person("c", matches=[_edge(1, days=3)]),
            _person("d", doors=[_edge(2, "a", days=2)], meetings=[_edge(2, days=9)],
                    matches=[_edge(2, days=2)]),
        ],
    )
    network = build_network(tree, full_names=False)
    status = {n.id: (n.status, n.generation) for n in network.nodes}
    assert status == {
        "root": ("root", 0), "a": ("met", 1), "b": ("introduced", 2), "c": ("proposed", 1),
        "d": ("met", 2),
    }
    assert network.reach.model_dump() == _reach(2, 2, 4, 2)
    assert network.nodes[0].label == "R. R." and network.nodes[0].id == "root"
    assert [(e.generation, e.type) for e in network.edges][:3] == [
        (1, "MATCHED"), (1, "MET"), (1, "MATCHED"),
    ]


def test_build_network_drops_doors_from_outside_the_tree() -> None:
    tree = Tree(
        root=TreePerson(id="root", name=None, roles=["participant"], erased=True),
        members=[_person("a", doors=[_edge(2, "stranger")])],
    )
    network = build_network(tree, full_names=True)
    assert network.edges == [] and network.nodes[0].label == ERASED_LABEL
    assert network.reach.model_dump() == _reach(0, 1, 1, 0)
