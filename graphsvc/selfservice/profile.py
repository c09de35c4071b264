"""A member's own profile through a link: pause, reactivate, export, withdraw consent.

The profile link is mailed to the member's address only (in every mail's footer, or on request
from `/join/profile`), so holding it proves the address. Pausing, reactivating and withdrawing
use the link up; export only reads and leaves it usable.
"""

from __future__ import annotations

import logging
from email.message import EmailMessage
from typing import Literal

from graphsvc.errors import NotFound
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.person import Person, PersonExport
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link, LinkRefused
from graphsvc.selfservice.usage import used_once
from graphsvc.selfservice.wording import MAILS, lang_for
from graphsvc.services import people

log = logging.getLogger(__name__)
ProfileAction = Literal["pause", "reactivate", "withdraw"]


def send_profile_link(ctx: SelfService, graph: Graph, email: str) -> None:
    """Mails a profile link to a known, unerased address; does nothing (silently) otherwise."""
    person_id = repo.find_person_by_email(graph, email=email)
    if person_id is None:
        return
    person = people.get_person(graph, person_id)
    if person.erased:
        return
    days = MAILS[lang_for(person)]["link_days"].format(days=ctx.options.profile_link_days)
    message = mails.person_mail(
        ctx,
        person,
        "profile",
        ref=person.id,
        links={"link": ("profile", person.id)},
        link_days=days,
    )
    try:
        mails.send(ctx, [message])
    except MailError as exc:
        log.warning("profile link for %s not sent: %s", person.id, exc.detail)


def profile_of(graph: Graph, link: Link) -> Person:
    """The member a profile link is for; `gone` once they are erased."""
    if link.person != link.subject:
        raise LinkRefused("invalid")
    try:
        person = people.get_person(graph, link.subject)
    except NotFound:
        raise LinkRefused("gone") from None
    if person.erased:
        raise LinkRefused("gone")
    return person


def export(graph: Graph, link: Link) -> PersonExport:
    """Everything held on the member (a subject access request), for them to download."""
    return people.export_person(graph, profile_of(graph, link).id)


def act(ctx: SelfService, graph: Graph, link: Link, action: ProfileAction) -> Person | None:
    """Carries out one change; returns the person afterwards (None after erasure)."""
    with used_once(ctx, graph, link):
        person = profile_of(graph, link)
        if action == "pause":
            paused = people.set_active(graph, person.id, active=False)
            notice = mails.person_mail(
                ctx, person, "paused", ref=person.id, links={"link": ("profile", person.id)}
            )
            _send(ctx, notice, person.id)
            return paused
        if action == "reactivate":
            # The link came to the member's address, so it confirms a pending sign-up too.
            repo.confirm_sign_up(graph, person_id=person.id, at=ctx.now())
            return people.set_active(graph, person.id, active=True)
        farewell = mails.person_mail(ctx, person, "erased", ref=person.id)
        people.erase_person(graph, person.id)
        _send(ctx, farewell, person.id)
        return None


def _send(ctx: SelfService, message: EmailMessage, person_id: str) -> None:
    try:
        mails.send(ctx, [message])
    except MailError as exc:
        log.warning("profile mail for %s not sent: %s", person_id, exc.detail)
