"""The pages after a meeting: naming contacts (or none), the follow-up, and the invitation."""

from __future__ import annotations

from typing import Any

from fastapi import Request, Response
from pydantic import EmailStr, TypeAdapter, ValidationError

from graphsvc.errors import InvalidInput
from graphsvc.graph.db import Graph
from graphsvc.models.meeting import FollowUpCreate
from graphsvc.selfservice import invitations, relay
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import FormData, read_sign_up, reference_error
from graphsvc.selfservice.links import Link
from graphsvc.selfservice.pages.join import join_page
from graphsvc.selfservice.relay import ContactsRefused, NamedContact
from graphsvc.selfservice.usage import ensure_unused
from graphsvc.selfservice.web import Page, action, honeypot_filled, message, page_lang
from graphsvc.selfservice.wording import PAGES

_EMAIL: TypeAdapter[str] = TypeAdapter(EmailStr)
QUESTIONS = ("understood_market_better", "integration_helped", "kept_in_contact")
OUTCOMES = ("none", "job", "internship", "education", "other")


def show_contacts(
    request: Request,
    ctx: SelfService,
    graph: Graph,
    link: Link,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
) -> Page:
    """Up to the doors left for the meeting, each a name, an address and an optional note;
    and a separate form for "we found no door"."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    state = relay.meeting_state(graph, link, "door_opener")
    room = ctx.settings.max_doors_per_meeting - state.doors - state.invitations
    if room <= 0 or state.no_doors:
        return message(t["refused_gone_title"], t["refused_gone"], status=410)
    other = state.participant.name or ""
    return Page(
        "contacts.html.j2",
        {
            "title": t["contacts_title"].format(other=other),
            "text": t["contacts_text"].format(other=other, max=room),
            "no_doors_reason": t["no_doors_reason"].format(other=other),
            "slots": range(1, room + 1),
            "errors": {k: t[v].format(max=room) for k, v in (errors or {}).items()},
            "values": values or {},
        },
        status=422 if errors else 200,
    )


def _read_contacts(form: FormData) -> tuple[list[NamedContact], dict[str, str], dict[str, str]]:
    contacts, errors, values = [], {}, {}
    for n in range(1, 11):
        name, email, note = (form.get(f"contact-{n}-{k}") for k in ("name", "email", "note"))
        values.update({f"contact-{n}-name": name, f"contact-{n}-email": email})
        values[f"contact-{n}-note"] = note
        if not (name or email or note):
            continue
        if not name or len(name) > 200 or "\n" in name:
            errors[f"contact-{n}-name"] = "err_contact_name"
        try:
            _EMAIL.validate_python(email)
        except ValidationError:
            errors[f"contact-{n}-email"] = "err_contact_email"
        if len(note) > 500:
            errors[f"contact-{n}-note"] = "err_contact_note"
        contacts.append(NamedContact(name=name, email=email, note=note or None))
    return contacts, errors, values


def contacts(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Invites the named contacts, or (the other form) records that there was no door."""
    t = PAGES[page_lang(request)]
    if form.get("intent") == "no_doors":
        reason = form.get("reason")
        if not reason or len(reason) > 1000:
            return show_contacts(
                request, ctx, graph, link, errors={"reason": "err_no_doors_reason"}
            )
        state = relay.no_doors(ctx, graph, link, reason)
        text = t["no_doors_done_text"].format(other=state.participant.name or "")
        return message(t["no_doors_done_title"], text)
    named, errors, values = _read_contacts(form)
    if errors:
        return show_contacts(request, ctx, graph, link, errors=errors, values=values)
    try:
        count = relay.name_contacts(ctx, graph, link, named)
    except ContactsRefused as exc:
        errors = {"contacts": exc.reason}
        return show_contacts(request, ctx, graph, link, errors=errors, values=values)
    state = relay.meeting_state(graph, link, "door_opener")
    text = t["contacts_done_text"].format(n=count, other=state.participant.name or "")
    return message(t["contacts_done_title"], text)


def show_follow_up(
    request: Request,
    ctx: SelfService,
    graph: Graph,
    link: Link,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
) -> Page:
    """The contract's four questions (three yes/no, one outcome) and an optional comment."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    state = relay.meeting_state(graph, link, "participant")
    return Page(
        "follow_up.html.j2",
        {
            "title": t["follow_up_title"].format(other=state.door_opener.name or ""),
            "questions": QUESTIONS,
            "outcomes": OUTCOMES,
            "errors": errors or {},
            "values": values or {},
        },
        status=422 if errors else 200,
    )


def follow_up(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Stores the answers on the meeting."""
    t = PAGES[page_lang(request)]
    values: dict[str, Any] = {k: form.get(k) for k in (*QUESTIONS, "outcome", "comment")}
    errors = {q: "err_answer" for q in QUESTIONS if values[q] not in ("yes", "no")}
    if values["outcome"] not in OUTCOMES:
        errors["outcome"] = "err_answer"
    try:
        body = FollowUpCreate(
            **{q: values[q] == "yes" for q in QUESTIONS},
            outcome=values["outcome"] if values["outcome"] in OUTCOMES else "none",
            comment=values["comment"] or None,
        )
    except ValidationError:
        errors["comment"] = "err_no_doors_reason"
    if errors:
        return show_follow_up(request, ctx, graph, link, errors=errors, values=values)
    relay.follow_up(ctx, graph, link, body)
    return message(t["follow_up_done_title"], t["follow_up_done_text"])


def show_invitation(request: Request, ctx: SelfService, graph: Graph, link: Link) -> Page:
    """The door-opener sign-up form, with who suggested them and for whom, address fixed."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    state = invitations.invitation_state(graph, link)
    intro = t["invitation_intro"].format(
        introducer=state.introducer.name or "", participant=state.participant.name or ""
    )
    page = join_page(
        request, graph, "door-opener", invitation=intro, email=state.invitation["email"]
    )
    page.context["values"]["name"] = page.context["values"]["name"] or state.invitation["name"]
    return page


def invitation(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Signs the contact up and opens the door (the relay match is proposed and mailed)."""
    t = PAGES[page_lang(request)]
    state = invitations.invitation_state(graph, link)
    if honeypot_filled(form):
        return message(t["invitation_done_title"], t["done_text"])
    result = read_sign_up(form, "door-opener", email=state.invitation["email"])
    intro = t["invitation_intro"].format(
        introducer=state.introducer.name or "", participant=state.participant.name or ""
    )
    if result.person is None:
        return join_page(
            request,
            graph,
            "door-opener",
            result=result,
            invitation=intro,
            email=state.invitation["email"],
        )
    try:
        outcome, state = invitations.accept(ctx, graph, link, result.person)
    except InvalidInput as exc:
        exc.field = exc.field.removeprefix("contacts.0.")
        result = reference_error(result, exc)
        return join_page(
            request,
            graph,
            "door-opener",
            result=result,
            invitation=intro,
            email=state.invitation["email"],
        )
    participant = state.participant.name or ""
    if outcome == "closed":
        return message(t["invitation_title"], t["invitation_closed_text"])
    key = "invitation_done_text" if outcome == "new" else "invitation_member_text"
    return message(t["invitation_done_title"], t[key].format(participant=participant))


def show_no_thanks(request: Request, ctx: SelfService, graph: Graph, link: Link) -> Page:
    """ "No thanks" and its button."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    invitations.invitation_state(graph, link)
    return action(
        t["invitation_decline_title"],
        t["invitation_decline_text"],
        button=t["invitation_decline_button"],
    )


def no_thanks(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Removes the invitation at once."""
    t = PAGES[page_lang(request)]
    invitations.decline(ctx, graph, link)
    return message(t["invitation_declined_title"], t["invitation_declined_text"])
