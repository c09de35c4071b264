"""The mails of a match's self-service: answer links, "did you meet?", and their sending.

The first mail of a match is the matching service's own mail (contact details, suggested time,
calendar invitation) with each person's answer links in it, sent right after the match is
committed; reminders are short mails with the links alone. Mails the service sends on its own
claim their step in the match's record first and give it back when the mail fails, so the hourly
run never mails twice and resends what a mail server that was down refused. Staff resends pass
`force` and skip the claim.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage

from graphsvc.errors import NotFound
from graphsvc.graph import matches as match_repo
from graphsvc.graph.db import Graph
from graphsvc.mail.compose import Extra, attach_invitation, match_mails
from graphsvc.mail.errors import MailError
from graphsvc.models.match import OPEN_STATUSES, Match
from graphsvc.models.person import Role
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Purpose
from graphsvc.selfservice.matchstate import MatchState, load_as
from graphsvc.selfservice.wording import MAILS, lang_for
from graphsvc.services import matches

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
    """The time is agreed; the link to say "we met" comes with it, and the calendar invitation
    updated to that time (same event, next SEQUENCE, CONFIRMED)."""
    mid = state.match.id
    message = mails.person_mail(
        ctx,
        state.me,
        "agreed",
        ref=mid,
        links={"met": ("met", mid)},
        other=state.other.name or "",
        when=mails.when(state.time, lang_for(state.me)),
    )
    revision = state.flow.get("time_revision")
    attach_invitation(
        message,
        state.match,
        state.me,
        state.other,
        ctx.settings.mail_from,
        sequence=revision if isinstance(revision, int) else 1,
        agreed=True,
    )
    return message


def _claimed(
    ctx: SelfService, graph: Graph, match_id: str, step: repo.MatchStep, force: bool
) -> bool:
    return force or repo.claim_match_step(graph, match_id=match_id, step=step, at=ctx.now())


def links_in_match_mail(ctx: SelfService, match: Match, role: Role) -> Extra:
    """One person's answer links (and profile link) for the match mail."""
    me = match.participant if role == "participant" else match.door_opener
    lang = lang_for(me)
    texts = MAILS[lang]
    answers: tuple[tuple[str, Purpose], ...] = (
        ("accept", "match-accept"), ("propose", "match-propose"), ("decline", "match-decline")
    )  # fmt: skip
    urls = {name: ctx.signer.url(purpose, match.id, me.id, lang=lang) for name, purpose in answers}
    return Extra(
        before_closing=texts["match_links"].format(**urls),
        after_closing=texts["footer"].format(
            profile=ctx.signer.url("profile", me.id, me.id, lang=lang)
        ),
    )


def first_mails(ctx: SelfService, graph: Graph, match_id: str) -> list[EmailMessage]:
    """The match mail to both people, links included; none once the match is closed."""
    match = matches.load_match(graph, match_id)
    if match.status not in OPEN_STATUSES:
        return []
    extra = {role: links_in_match_mail(ctx, match, role) for role in ROLES}
    return match_mails(match, sender=ctx.settings.mail_from, extra=extra)


def _noted(ctx: SelfService, graph: Graph, match_id: str, error: str | None) -> None:
    """Records on the match how telling both people went, as the matching service does."""
    match_repo.set_notification(
        graph,
        match_id=match_id,
        state="failed" if error else "sent",
        error=error,
        at=ctx.now(),
    )


def announce(
    ctx: SelfService,
    graph: Graph,
    match_id: str,
    *,
    reminder: bool = False,
    force: bool = False,
) -> int:
    """Mails both people the match with their answer links, once (a reminder: the links alone,
    to those who have not said yes). Returns the mails sent."""
    step: repo.MatchStep = "reminded_at" if reminder else "links_sent_at"
    if not _claimed(ctx, graph, match_id, step, force):
        return 0
    try:
        if reminder:
            states = [load_as(graph, match_id, role) for role in ROLES]
            waiting = [s for s in states if s.flow.get(f"{s.role}_answer") != "accept"]
            messages = [answer_mail(ctx, s, "match", reminder=True) for s in waiting]
        else:
            messages = first_mails(ctx, graph, match_id)
        mails.send(ctx, messages)
    except (MailError, NotFound) as exc:
        detail = getattr(exc, "detail", str(exc))
        if not force:
            repo.claim_match_step(graph, match_id=match_id, step=step, at=None)
        if not reminder and isinstance(exc, MailError):
            _noted(ctx, graph, match_id, detail)
        log.warning("answer links for %s not sent: %s", match_id, detail)
        if force:
            raise
        return 0
    if not reminder and messages:
        _noted(ctx, graph, match_id, None)
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
