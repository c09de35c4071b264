"""The hourly run (`graphsvc reminders run`): first mails that are due, reminders, erasure.

Safe from cron every hour, and idempotent: every mail is a once-only step claimed in the graph
before it is sent (and given back if it fails), so a second run, or two runs overlapping, send
nothing twice. What it does, in order:
- erases invitations unanswered for `invitation_days` (and those whose people were erased);
- mails answer links for matches staff made through the API (recent ones only: `catch_up_hours`);
- reminds people who have not answered a match after `remind_match_days`;
- asks "did you meet?" once the time has passed, and again after `remind_meeting_days`;
- mails the contacts and follow-up links for meetings staff recorded (recent ones only);
- reminds door-openers who named no contacts after `remind_doors_days`;
- reminds invitees after `remind_invitation_days` and unconfirmed sign-ups after
  `remind_confirm_days`;
- deletes the rate limits' counters whose window has ended.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.selfservice import invitations, mails, relay, repo, signup
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.matchmail import announce, ask_met
from graphsvc.selfservice.wording import lang_of
from graphsvc.services import people

log = logging.getLogger(__name__)
UNSCHEDULED_DAYS = 14
"""With no time ever suggested or agreed, "did you meet?" is asked this long after the links."""
BATCH = 500


def _remind_sign_up(ctx: SelfService, graph: Graph, person_id: str) -> int:
    if not repo.claim_sign_up_reminder(graph, person_id=person_id, at=ctx.now()):
        return 0
    record = repo.get_sign_up(graph, person_id=person_id) or {}
    try:
        person = people.get_person(graph, person_id)
        message = signup.confirm_mail(ctx, person, lang=lang_of(record.get("lang")), reminder=True)
        mails.send(ctx, [message])
    except MailError as exc:
        repo.claim_sign_up_reminder(graph, person_id=person_id, at=None)
        log.warning("confirmation reminder for %s not sent: %s", person_id, exc.detail)
        return 0
    return 1


def run(ctx: SelfService, graph: Graph) -> dict[str, int]:
    """One pass; returns how many invitations (and rate counters) were erased and mails sent,
    per kind."""
    now, o = ctx.now(), ctx.options
    days = timedelta(days=1)
    since = now - timedelta(hours=o.catch_up_hours)

    def due(name: str, **params: object) -> list[str]:
        return repo.due(graph, name, limit=BATCH, **params)

    counts = {
        "invitations_erased": repo.erase_stale_invitations(
            graph, before=now - o.invitation_days * days
        )
    }
    counts["match_links"] = sum(announce(ctx, graph, m) for m in due("match_links", since=since))
    counts["match_reminders"] = sum(
        announce(ctx, graph, m, reminder=True)
        for m in due("match_reminders", before=now - o.remind_match_days * days)
    )
    counts["meeting_questions"] = sum(
        ask_met(ctx, graph, m)
        for m in due("met_asks", now=now, unscheduled_before=now - UNSCHEDULED_DAYS * days)
    )
    counts["meeting_reminders"] = sum(
        ask_met(ctx, graph, m, reminder=True)
        for m in due("met_reminders", before=now - o.remind_meeting_days * days)
    )
    counts["after_meeting"] = sum(
        relay.after_meeting(ctx, graph, m) for m in due("meeting_mails", since=since)
    )
    counts["doors_reminders"] = sum(
        relay.after_meeting(ctx, graph, m, reminder=True)
        for m in due("doors_reminders", before=now - o.remind_doors_days * days)
    )
    counts["invitation_reminders"] = sum(
        invitations.remind(ctx, graph, i)
        for i in due("invitation_reminders", before=now - o.remind_invitation_days * days)
    )
    counts["confirm_reminders"] = sum(
        _remind_sign_up(ctx, graph, p)
        for p in due("confirm_reminders", before=now - o.remind_confirm_days * days)
    )
    counts["rate_counters_erased"] = repo.erase_rate_counters(graph, now=now)
    return counts
