"""A participant's relay tree, walked in Python from the doors opened for them.

The report needs every participant's tree at once. Walking each one in Cypher (a
variable-length expand from every person the participant met) reads every door of every person
on the way, whoever it was opened for, and walks each subtree again from each of its members;
at 100k people that was most of the report's time. The report's query hands over instead, per
participant, the people they were matched with or met and only the doors opened *for them*
(one index seek on `for_id`), and the walk happens here, once per tree.

The tree is the one `cypher/relay/participant_network.cypher` walks: everyone the participant
was matched with or met, and everyone reached from them along doors opened for the participant,
at most `MAX_HOPS` doors away; the participant is never a member of their own tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

MAX_HOPS = 32
"""The walk's bound, the same as the network query's `*0..32`: far beyond any real relay."""


@dataclass(frozen=True)
class RelayTree:
    """One participant's tree as parent links: `(parent, member)`, parent None when matched
    directly (the opener of the earliest door opened to the member for the participant)."""

    root: str
    links: list[tuple[str | None, str]]

    @property
    def reach(self) -> int:
        """Members of the tree: the network endpoint's `reach.total`."""
        return len(self.links)


def relay_tree(root: str, firsts: Sequence[str], doors: Sequence[Sequence[str]]) -> RelayTree:
    """The tree of `root` from its first contacts and the doors opened for it.

    `firsts` are the people `root` was matched with or met; each entry of `doors` is a contact
    followed by everyone who opened a door to that contact for `root`, earliest door first (by
    time, then id), so its first opener is the contact's parent.
    """
    opened: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    for contact, *openers in doors:
        parent[contact] = openers[0]
        for opener in openers:
            opened.setdefault(opener, []).append(contact)
    seen = dict.fromkeys(firsts)
    frontier = list(seen)
    for _ in range(MAX_HOPS):
        reached = [
            contact
            for person in frontier
            for contact in opened.get(person, ())
            if contact not in seen
        ]
        if not reached:
            break
        frontier = list(dict.fromkeys(reached))
        seen.update(dict.fromkeys(frontier))
    return RelayTree(
        root=root,
        links=[(parent.get(member), member) for member in seen if member != root],
    )
