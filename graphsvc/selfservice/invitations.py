"""A named contact answers the invitation: signs up as a door-opener, or says no thanks.

Signing up opens the door through the relay service, with the new person's body as the contact,
so the person, the door and the relay match (the meeting's generation + 1) are written in one
transaction and mailed, answer links included. A contact who is already a
member, and a door-opener, gets the door opened to them as they are. The invitation (their name
and address held before they consented) is deleted as soon as it is answered either way.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

from graphsvc.errors import Conflict, InvalidInput, NotFound
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.meeting import ContactRef, DoorsCreate
from graphsvc.models.person import Person, PersonCreate
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.announcer import LinkAnnouncer
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link, LinkRefused
from graphsvc.selfservice.usage import SELF_SERVICE, used_once
from graphsvc.services import doors

log = logging.getLogger(__name__)
Outcome = Literal["new", "member", "closed"]


@dataclass(frozen=True)
class InvitationState:
    """An invitation with the two people it is about."""

    invitation: dict[str, Any]
    introducer: Person
    participant: Person


def invitation_state(graph: Graph, link: Link) -> InvitationState:
    """The invitation a link is for; `gone` once answered, erased, or its people erased."""
    found = repo.get_invitation(graph, invitation_id=link.subject)
    if found is None:
        raise LinkRefused("gone")
    people = people_repo.get_people(graph, ids=[found["from_id"], found["for_id"]])
    if len(people) != 2 or any(p.erased for p in people):
        raise LinkRefused("gone")
    return InvitationState(found, introducer=people[0], participant=people[1])


def send_invitation(
    ctx: SelfService, graph: Graph, invitation_id: str, *, reminder: bool = False
) -> None:
    """Mails an invitation again (a reminder or a staff resend), without the first mail's note,
    which was never stored. Raises NotFound when it is gone, MailError when not sent."""
    found = repo.get_invitation(graph, invitation_id=invitation_id)
    if found is None:
        raise NotFound(f"no invitation with id {invitation_id!r}")
    introducer, participant = people_repo.get_people(graph, ids=[found["from_id"], found["for_id"]])
    mails.send(
        ctx,
        [
            mails.invitation_mail(
                ctx,
                found,
                introducer=introducer.name or "",
                participant=participant.name or "",
                note=None,
                reminder=reminder,
            )
        ],
    )


def accept(
    ctx: SelfService, graph: Graph, link: Link, body: PersonCreate
) -> tuple[Outcome, InvitationState]:
    """Signs the contact up (as a door-opener, with the invited address) and opens the door."""
    with used_once(ctx, graph, link):
        state = invitation_state(graph, link)
        invited = state.invitation
        person = body.model_copy(update={"email": invited["email"], "roles": ["door_opener"]})
        request = DoorsCreate(opened_by="door_opener", contacts=[person])
        outcome: Outcome = "new"
        try:
            doors.open_doors(
                graph, ctx.settings, invited["meeting_id"], request, SELF_SERVICE,
                LinkAnnouncer(ctx),
            )  # fmt: skip
        except Conflict:
            outcome = _as_member(ctx, graph, invited)
        if outcome != "closed":
            repo.delete_invitation(graph, invitation_id=link.subject)
    return outcome, state


def _as_member(ctx: SelfService, graph: Graph, invited: dict[str, Any]) -> Outcome:
    """The invited address is already a member's: open the door to them when they are an
    active door-opener; otherwise leave the invitation for staff (the waiting list shows it)."""
    member_id = repo.find_person_by_email(graph, email=str(invited["email"]))
    if member_id is None:
        return "closed"
    request = DoorsCreate(opened_by="door_opener", contacts=[ContactRef(person_id=member_id)])
    try:
        doors.open_doors(
            graph, ctx.settings, invited["meeting_id"], request, SELF_SERVICE, LinkAnnouncer(ctx)
        )
    except (Conflict, InvalidInput):
        return "closed"
    return "member"


def decline(ctx: SelfService, graph: Graph, link: Link) -> None:
    """No thanks: the name and address are removed at once."""
    with used_once(ctx, graph, link):
        if not repo.delete_invitation(graph, invitation_id=link.subject):
            raise LinkRefused("gone")


def remind(ctx: SelfService, graph: Graph, invitation_id: str) -> int:
    """The invitation's one reminder; claimed first, given back if the mail fails."""
    if not repo.claim_invitation_reminder(graph, invitation_id=invitation_id, at=ctx.now()):
        return 0
    try:
        send_invitation(ctx, graph, invitation_id, reminder=True)
    except (MailError, NotFound) as exc:
        repo.claim_invitation_reminder(graph, invitation_id=invitation_id, at=None)
        log.warning(
            "invitation reminder %s not sent: %s", invitation_id, getattr(exc, "detail", exc)
        )
        return 0
    return 1
