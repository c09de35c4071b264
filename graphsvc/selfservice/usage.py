"""Use-once for links that change state: claimed before the action, given back if it fails.

The claim is a `:UsedLink` node written before anything else happens, so of two clicks (or a
click and a mail scanner's replay) only one acts. If the action then fails for any reason, the
claim is given back, so the person can simply try the same link again.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from graphsvc.graph.db import Graph
from graphsvc.models.token import Principal
from graphsvc.selfservice import repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link, LinkRefused

SELF_SERVICE = Principal(token_id="selfservice", name="self-service link", role="staff")  # noqa: S106
"""Who acts when a person uses a link: recorded as `by` (e.g. on a follow-up) and in audits; it
sees contact details because the services it calls return them to the person's own pages."""


def ensure_unused(graph: Graph, link: Link) -> None:
    """Refuses a used link before its page offers a button that would be refused anyway."""
    if repo.link_used(graph, link_id=link.link_id):
        raise LinkRefused("used")


@contextmanager
def used_once(ctx: SelfService, graph: Graph, link: Link) -> Iterator[None]:
    """Claims the link for the block; refuses a used one, gives the claim back on failure."""
    claim = repo.claim_link(graph, link_id=link.link_id, purpose=link.purpose, at=ctx.now())
    if claim is None:
        raise LinkRefused("used")
    try:
        yield
    except BaseException:
        repo.release_link(graph, link_id=link.link_id, claim=claim)
        raise
