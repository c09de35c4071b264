"""Signing up on the public pages, and confirming the address.

A new sign-up is inactive until the address is confirmed through the link mailed to it, so
nobody can sign up somebody else. When the address is already registered the page says exactly
what it says on success, and the mail goes to the existing member instead: the page never tells
a stranger whether an address is known (no account enumeration).
"""

from __future__ import annotations

import logging
from email.message import EmailMessage

from graphsvc.errors import Conflict
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.person import Person, PersonCreate
from graphsvc.selfservice import mails, repo
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.links import Link, LinkRefused
from graphsvc.selfservice.usage import used_once
from graphsvc.selfservice.wording import MAILS, Lang
from graphsvc.services import people

log = logging.getLogger(__name__)


def sign_up(ctx: SelfService, graph: Graph, body: PersonCreate, *, lang: Lang) -> None:
    """Creates the inactive person and mails the confirmation link; for a known address, mails
    its owner instead. Eligibility and reference errors are raised for the form to show."""
    try:
        person = people.create_person(graph, body, active=False)
    except Conflict:
        existing = repo.find_person_by_email(graph, email=str(body.email))
        if existing is not None:
            mail_existing(ctx, graph, existing, lang=lang)
        return
    repo.save_sign_up(graph, person_id=person.id, lang=lang, at=ctx.now())
    try:
        mails.send(ctx, [confirm_mail(ctx, person, lang=lang)])
    except MailError as exc:
        # The person stays on the staff's waiting list, where the mail can be resent.
        log.warning("confirmation mail for %s not sent: %s", person.id, exc.detail)


def confirm_mail(
    ctx: SelfService, person: Person, *, lang: Lang | None = None, reminder: bool = False
) -> EmailMessage:
    """The mail with the confirmation link."""
    texts = MAILS[lang or "sv"]
    role = person.roles[0] if len(person.roles) == 1 else "door_opener"
    return mails.person_mail(
        ctx,
        person,
        "confirm",
        ref=person.id,
        lang=lang,
        reminder=reminder,
        links={"link": ("confirm", person.id)},
        role=texts[f"role_{role}"],
        link_days=texts["link_days"].format(days=ctx.options.confirm_link_days),
    )


def mail_existing(ctx: SelfService, graph: Graph, person_id: str, *, lang: Lang) -> None:
    """Someone signed up with a registered address: its owner gets a fresh confirmation link
    when still unconfirmed, else a link to their profile. Nothing is said on the page."""
    person = people.get_person(graph, person_id)
    if person.erased:
        return
    sign_up_record = repo.get_sign_up(graph, person_id=person_id)
    waiting = sign_up_record is not None and sign_up_record.get("confirmed_at") is None
    if waiting:
        repo.save_sign_up(graph, person_id=person_id, lang=lang, at=ctx.now())
        message = confirm_mail(ctx, person, lang=lang)
    else:
        message = mails.person_mail(
            ctx, person, "already", ref=person.id, links={"link": ("profile", person.id)}
        )
    try:
        mails.send(ctx, [message])
    except MailError as exc:
        log.warning("mail to existing member %s not sent: %s", person_id, exc.detail)


def confirm(ctx: SelfService, graph: Graph, link: Link) -> Person:
    """Confirms the address and makes the profile active; the link works once."""
    with used_once(ctx, graph, link):
        record = repo.get_sign_up(graph, person_id=link.subject)
        if record is None or not record["person_exists"] or record["erased"]:
            raise LinkRefused("gone")
        if record.get("confirmed_at") is None:
            people.set_active(graph, link.subject, active=True)
            repo.confirm_sign_up(graph, person_id=link.subject, at=ctx.now())
        return people.get_person(graph, link.subject)


def signed_up(graph: Graph, link: Link) -> Person:
    """The person a confirmation link is for (for its page), or `gone`."""
    record = repo.get_sign_up(graph, person_id=link.subject)
    if record is None or not record["person_exists"] or record["erased"]:
        raise LinkRefused("gone")
    return people.get_person(graph, link.subject)
