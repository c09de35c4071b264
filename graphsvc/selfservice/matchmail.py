"""The mails of a match's self-service: answer links, "did you meet?", and their sending.

Mails the service sends on its own (first answer links, reminders) claim their step in the
match's record first and give it back when the mail fails, so an hourly run never mails twice
and never gives up on a mail server that was down. Staff resends pass `force` and skip the claim.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage

from graphsvc.errors import NotFound
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.person import Role
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.matchstate import MatchState, load_as
from graphsvc.selfservice.wording import lang_for

log = logging.getLogger(__name__)
ROLES: tuple[Role, Role] = ("participant", "door_opener")


def send_quietly(ctx: SelfService, messages: list[EmailMessage], ref: str) -> bool:
    """Sends; a failure is logged (ids only) and reported, never raised, because the answer
    it follows is already saved and staff can resend from the waiting list."""
    try:
        mails.send(ctx, messages)
    except MailError as exc:
        log.warning("self-service mail for %s not sent: %s", ref, exc.detail)
        return False
    return True


def answer_mail(
    ctx: SelfService, state: MatchState, key: str, *, reminder: bool = False
) -> EmailMessage:
    """The mail with accept / propose / decline links for `state.me` (`match` or `proposed`)."""
    mid = state.match.id
    return mails.person_mail(
        ctx,
        state.me,
        key,
        ref=mid,
        reminder=reminder,
        links={
            "accept": ("match-accept", mid),
            "propose": ("match-propose", mid),
            "decline": ("match-decline", mid),
        },
        other=state.other.name or "",
        when=mails.when(state.time, lang_for(state.me)),
    )


def met_mail(ctx: SelfService, state: MatchState, *, reminder: bool = False) -> EmailMessage:
    """ "Did you meet?" with the link that records the meeting."""
    mid = state.match.id
    return mails.person_mail(
        ctx,
        state.me,
        "met",
        ref=mid,
        reminder=reminder,
        links={"link": ("met", mid)},
        other=state.other.name or "",
    )


def agreed_mail(ctx: SelfService, state: MatchState) -> EmailMessage:
    """The time is agreed; the link to say "we met" comes with it."""
    mid = state.match.id
    return mails.person_mail(
        ctx,
        state.me,
        "agreed",
        ref=mid,
        links={"met": ("met", mid)},
        other=state.other.name or "",
        when=mails.when(state.time, lang_for(state.me)),
    )


def _claimed(
    ctx: SelfService, graph: Graph, match_id: str, step: repo.MatchStep, force: bool
) -> bool:
    return force or repo.claim_match_step(graph, match_id=match_id, step=step, at=ctx.now())


def announce(
    ctx: SelfService,
    graph: Graph,
    match_id: str,
    *,
    reminder: bool = False,
    force: bool = False,
) -> int:
    """Mails both people their answer links (a reminder: those who have not said yes), once.
    Returns the mails sent."""
    step: repo.MatchStep = "reminded_at" if reminder else "links_sent_at"
    if not _claimed(ctx, graph, match_id, step, force):
        return 0
    try:
        states = [load_as(graph, match_id, role) for role in ROLES]
        waiting = [s for s in states if not reminder or s.flow.get(f"{s.role}_answer") != "accept"]
        messages = [answer_mail(ctx, s, "match", reminder=reminder) for s in waiting]
        mails.send(ctx, messages)
    except (MailError, NotFound) as exc:
        if not force:
            repo.claim_match_step(graph, match_id=match_id, step=step, at=None)
        log.warning("answer links for %s not sent: %s", match_id, getattr(exc, "detail", exc))
        if force:
            raise
        return 0
    return len(messages)


def ask_met(
    ctx: SelfService,
    graph: Graph,
    match_id: str,
    *,
    reminder: bool = False,
    force: bool = False,
) -> int:
    """Asks both people "did you meet?", once when the time has passed and once more later."""
    step: repo.MatchStep = "met_reminded_at" if reminder else "met_asked_at"
    if not _claimed(ctx, graph, match_id, step, force):
        return 0
    try:
        messages = [met_mail(ctx, load_as(graph, match_id, r), reminder=reminder) for r in ROLES]
        mails.send(ctx, messages)
    except (MailError, NotFound) as exc:
        if not force:
            repo.claim_match_step(graph, match_id=match_id, step=step, at=None)
        log.warning("meeting question for %s not sent: %s", match_id, getattr(exc, "detail", exc))
        if force:
            raise
        return 0
    return len(messages)
