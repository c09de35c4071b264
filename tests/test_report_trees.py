"""The relay tree walk of the impact report (`graphsvc.reporting.trees`) without a database:
who is a member, who is whose parent, and the 32-door bound of the network query."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from graphsvc.reporting.trees import MAX_HOPS, relay_tree


def members(tree_links: list[tuple[str | None, str]]) -> set[str]:
    return {member for _, member in tree_links}


def test_a_relay_hangs_each_contact_from_whoever_opened_the_door() -> None:
    # p met D, D opened doors to K1 and K2 for p, K1 opened one to K3 for p.
    tree = relay_tree("p", ["D", "K1"], [["K1", "D"], ["K2", "D"], ["K3", "K1"]])
    assert sorted(tree.links, key=lambda link: link[1]) == [
        (None, "D"), ("D", "K1"), ("D", "K2"), ("K1", "K3"),
    ]
    assert tree.reach == 4


def test_the_earliest_door_names_the_parent_even_when_its_opener_is_no_member() -> None:
    # Two doors to K for p: the earlier one by X, who is not in p's tree, the later one by D.
    tree = relay_tree("p", ["D"], [["K", "X", "D"]])
    assert dict((member, parent) for parent, member in tree.links) == {"D": None, "K": "X"}


def test_doors_from_outside_the_tree_bring_no_one_in() -> None:
    tree = relay_tree("p", ["D"], [["K", "X"]])
    assert tree.links == [(None, "D")]


def test_the_participant_is_walked_through_but_is_no_member() -> None:
    tree = relay_tree("p", ["D"], [["p", "D"], ["K", "p"]])
    assert members(tree.links) == {"D", "K"}


def test_people_met_and_matched_count_once_and_alone_is_zero() -> None:
    assert relay_tree("p", ["D", "D"], []).reach == 1
    assert relay_tree("p", [], []).reach == 0


def test_the_walk_stops_thirty_two_doors_from_a_first_contact() -> None:
    chain = [[f"n{i + 1}", f"n{i}"] for i in range(40)]
    tree = relay_tree("p", ["n0"], chain)
    assert members(tree.links) == {f"n{i}" for i in range(MAX_HOPS + 1)}
    # A later first contact starts its own 32 doors.
    assert relay_tree("p", ["n0", "n5"], chain).reach == 5 + MAX_HOPS + 1


def _reached_by_relaxing(firsts: list[str], doors: list[list[str]]) -> set[str]:
    """Everyone at most MAX_HOPS doors from a first contact, by repeated relaxation of
    distances over every door (no search order at all)."""
    edges = [(opener, door[0]) for door in doors for opener in door[1:]]
    distance = dict.fromkeys(firsts, 0)
    for _ in range(MAX_HOPS + 1):
        for opener, contact in edges:
            if opener in distance and distance[opener] < MAX_HOPS:
                distance[contact] = min(distance.get(contact, MAX_HOPS), distance[opener] + 1)
    return set(distance)


people = st.sampled_from(["p", *(f"n{i}" for i in range(12))])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(people, max_size=5),
    st.dictionaries(people, st.lists(people, min_size=1, max_size=3), max_size=12),
)
def test_members_are_everyone_within_reach_and_parents_the_first_opener(
    firsts: list[str], opened_to: dict[str, list[str]]
) -> None:
    doors = [[contact, *openers] for contact, openers in opened_to.items()]
    tree = relay_tree("p", firsts, doors)
    assert members(tree.links) == _reached_by_relaxing(firsts, doors) - {"p"}
    assert len(tree.links) == len(members(tree.links))
    for parent, member in tree.links:
        assert parent == (opened_to[member][0] if member in opened_to else None)
