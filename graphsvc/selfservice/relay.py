"""After the meeting: the door-opener names contacts (or says there are none), the participant
answers the follow-up. The baton is passed on by mail, not by staff.

Named contacts become `:Invitation`s holding only a name and an address until they consent;
the note about why they were named goes into the invitation mail and is never stored.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from graphsvc.errors import Conflict, NotFound
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.meeting import FollowUpCreate, NoDoorsCreate
from graphsvc.models.person import Person, Role
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link, LinkRefused, Purpose
from graphsvc.selfservice.usage import SELF_SERVICE, used_once
from graphsvc.selfservice.wording import lang_for
from graphsvc.services import meetings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NamedContact:
    """A contact as the door-opener typed it; `note` is mailed, never stored."""

    name: str
    email: str
    note: str | None = None


class ContactsRefused(Exception):
    """The contacts cannot be taken: `reason` is a wording key, `limit` the doors still open."""

    def __init__(self, reason: str, limit: int = 0) -> None:
        super().__init__(reason)
        self.reason = reason
        self.limit = limit


@dataclass(frozen=True)
class MeetingState:
    """A meeting seen from one of its two people."""

    meeting_id: str
    participant: Person
    door_opener: Person
    doors: int
    invitations: int
    no_doors: bool
    followed_up: bool


def meeting_state(graph: Graph, link: Link, role: Role) -> MeetingState:
    """The meeting a link is about; the link must be for its `role` person."""
    info = repo.meeting_contacts(graph, meeting_id=link.subject)
    if info is None:
        raise LinkRefused("gone")
    if link.person != info[f"{role}_id"]:
        raise LinkRefused("invalid")
    participant, door_opener = people_repo.get_people(
        graph, ids=[info["participant_id"], info["door_opener_id"]]
    )
    if participant.erased or door_opener.erased:
        raise LinkRefused("gone")
    return MeetingState(
        meeting_id=link.subject,
        participant=participant,
        door_opener=door_opener,
        doors=info["doors"],
        invitations=info["invitations"],
        no_doors=info["no_doors"],
        followed_up=info["followed_up"],
    )


def after_meeting(
    ctx: SelfService, graph: Graph, meeting_id: str, *, reminder: bool = False
) -> int:
    """Asks the door-opener for contacts and the participant for the follow-up, each once (a
    reminder: the door-opener again, once). Returns the mails sent."""
    info = repo.meeting_contacts(graph, meeting_id=meeting_id)
    if info is None:
        return 0
    participant, door_opener = people_repo.get_people(
        graph, ids=[info["participant_id"], info["door_opener_id"]]
    )
    contacts_step: repo.MeetingStep = "doors_reminded_at" if reminder else "contacts_sent_at"
    sent = _ask(
        ctx, graph, meeting_id, contacts_step, door_opener, participant,
        needed=not (info["doors"] or info["no_doors"]), reminder=reminder,
    )  # fmt: skip
    if not reminder:
        sent += _ask(
            ctx, graph, meeting_id, "follow_up_sent_at", participant, door_opener,
            needed=not info["followed_up"], reminder=False,
        )  # fmt: skip
    return sent


def _ask(
    ctx: SelfService,
    graph: Graph,
    meeting_id: str,
    step: repo.MeetingStep,
    me: Person,
    other: Person,
    *,
    needed: bool,
    reminder: bool,
    force: bool = False,
) -> int:
    """One once-only mail of the meeting: claimed first, given back if it cannot be sent.
    `force` (a staff resend) skips the claim and lets a mail failure reach the caller."""
    if not force and not repo.claim_meeting_step(
        graph, meeting_id=meeting_id, step=step, at=ctx.now()
    ):
        return 0
    if not needed or me.erased:
        return 0
    purpose: Purpose = "follow-up" if step == "follow_up_sent_at" else "contacts"
    try:
        message = mails.person_mail(
            ctx,
            me,
            purpose.replace("-", "_"),
            ref=meeting_id,
            reminder=reminder,
            links={"link": (purpose, meeting_id)},
            other=other.name or "",
            max=ctx.settings.max_doors_per_meeting,
        )
        mails.send(ctx, [message])
    except MailError as exc:
        if force:
            raise
        repo.claim_meeting_step(graph, meeting_id=meeting_id, step=step, at=None)
        log.warning("%s mail for meeting %s not sent: %s", purpose, meeting_id, exc.detail)
        return 0
    return 1


def ask_contacts_again(ctx: SelfService, graph: Graph, meeting_id: str) -> int:
    """A staff resend of the contacts mail; raises NotFound or MailError."""
    info = repo.meeting_contacts(graph, meeting_id=meeting_id)
    if info is None:
        raise NotFound(f"no meeting with id {meeting_id!r}")
    participant, door_opener = people_repo.get_people(
        graph, ids=[info["participant_id"], info["door_opener_id"]]
    )
    return _ask(
        ctx, graph, meeting_id, "contacts_sent_at", door_opener, participant,
        needed=True, reminder=False, force=True,
    )  # fmt: skip


def _checked(state: MeetingState, contacts: list[NamedContact], room: int) -> None:
    if not contacts:
        raise ContactsRefused("err_contacts_none")
    if len(contacts) > room:
        raise ContactsRefused("err_contacts_limit", limit=room)
    own = {(p.email or "").casefold() for p in (state.participant, state.door_opener)}
    seen: set[str] = set()
    for contact in contacts:
        address = contact.email.strip().casefold()
        if address in own:
            raise ContactsRefused("err_contact_self")
        if address in seen:
            raise ContactsRefused("err_contact_twice")
        seen.add(address)


def name_contacts(ctx: SelfService, graph: Graph, link: Link, contacts: list[NamedContact]) -> int:
    """Stores one invitation per contact and mails each; the link works once."""
    limit = ctx.settings.max_doors_per_meeting
    with used_once(ctx, graph, link):
        state = meeting_state(graph, link, "door_opener")
        _checked(state, contacts, max(0, limit - state.doors - state.invitations))
        lang = lang_for(state.door_opener)
        rows = [
            {
                "id": f"inv_{secrets.token_hex(16)}",
                "name": c.name.strip(),
                "email": c.email.strip(),
                "email_norm": c.email.strip().casefold(),
                "lang": lang,
            }
            for c in contacts
        ]
        if not repo.save_invitations(
            graph, meeting_id=state.meeting_id, rows=rows, limit=limit, at=ctx.now()
        ):
            raise ContactsRefused("err_contacts_limit", limit=0)
    for row, contact in zip(rows, contacts, strict=True):
        try:
            mails.send(
                ctx,
                [
                    mails.invitation_mail(
                        ctx,
                        row,
                        introducer=state.door_opener.name or "",
                        participant=state.participant.name or "",
                        note=contact.note,
                    )
                ],
            )
        except MailError as exc:
            log.warning("invitation %s not sent: %s", row["id"], exc.detail)
    return len(rows)


def no_doors(ctx: SelfService, graph: Graph, link: Link, reason: str) -> MeetingState:
    """The door-opener found no door: the participant goes to staff's rematch queue."""
    with used_once(ctx, graph, link):
        state = meeting_state(graph, link, "door_opener")
        try:
            meetings.record_no_doors(graph, state.meeting_id, NoDoorsCreate(reason=reason))
        except Conflict:
            raise LinkRefused("gone") from None
    return state


def follow_up(ctx: SelfService, graph: Graph, link: Link, answers: FollowUpCreate) -> MeetingState:
    """Stores the participant's four answers (and comment) on the meeting; once per link."""
    with used_once(ctx, graph, link):
        state = meeting_state(graph, link, "participant")
        meetings.record_follow_up(graph, state.meeting_id, answers, SELF_SERVICE)
    return state
