"""The confirmation link of a sign-up, and the member's profile page."""

from __future__ import annotations

import json

from fastapi import Request, Response

from graphsvc.graph.db import Graph
from graphsvc.selfservice import profile as profiles
from graphsvc.selfservice import signup
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import FormData
from graphsvc.selfservice.links import Link
from graphsvc.selfservice.usage import ensure_unused
from graphsvc.selfservice.web import Page, action, message, page_lang
from graphsvc.selfservice.wording import PAGES


def show_confirm(request: Request, ctx: SelfService, graph: Graph, link: Link) -> Page:
    """ "Confirm your address" with one button."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    person = signup.signed_up(graph, link)
    return action(
        t["confirm_title"],
        t["confirm_text"].format(name=person.name or ""),
        button=t["confirm_button"],
    )


def confirm(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Confirms the address; the profile becomes active."""
    t = PAGES[page_lang(request)]
    signup.confirm(ctx, graph, link)
    return message(t["confirmed_title"], t["confirmed_text"])


def show_profile(
    request: Request, ctx: SelfService, graph: Graph, link: Link, *, error: str | None = None
) -> Page:
    """The member's status and what they can do: pause or reactivate, export, withdraw."""
    t = PAGES[page_lang(request)]
    ensure_unused(graph, link)
    person = profiles.profile_of(graph, link)
    return Page(
        "profile.html.j2",
        {
            "title": t["profile_title"],
            "person": person,
            "errors": {"confirm": error} if error else {},
        },
        status=422 if error else 200,
    )


def profile(
    request: Request, ctx: SelfService, graph: Graph, link: Link, form: FormData
) -> Page | Response:
    """Carries out the button pressed; export answers with a JSON file to download."""
    t = PAGES[page_lang(request)]
    intent = form.get("intent")
    if intent == "export":
        ensure_unused(graph, link)
        data = profiles.export(graph, link).model_dump(mode="json")
        return Response(
            json.dumps(data, ensure_ascii=False, indent=2),
            media_type="application/json",
            headers={
                "Content-Disposition": 'attachment; filename="dorrnat-mina-uppgifter.json"',
                "Cache-Control": "no-store",
            },
        )
    if intent == "withdraw":
        if form.get("confirm") != "yes":
            return show_profile(request, ctx, graph, link, error="err_withdraw_confirm")
        profiles.act(ctx, graph, link, "withdraw")
        return message(t["profile_erased_title"], t["profile_erased_text"])
    if intent == "pause":
        profiles.act(ctx, graph, link, "pause")
        return message(t["profile_paused_title"], t["profile_paused_text"])
    if intent == "reactivate":
        profiles.act(ctx, graph, link, "reactivate")
        return message(t["profile_reactivated_title"], t["profile_reactivated_text"])
    return show_profile(request, ctx, graph, link)
