"""The pages behind links: verify the link, hand it to the page for its purpose, explain refusals.

GET only shows a page with a button (a POST form), so mail scanners that fetch every link in a
mail change nothing; the POST verifies the link again, counts against the rate limits (per
address and per subject) and checks the CSRF token before anything happens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from fastapi import Request, Response

from graphsvc.graph.db import Graph
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import FormData
from graphsvc.selfservice.links import Link, LinkRefused, Purpose
from graphsvc.selfservice.matchstate import MatchClosed
from graphsvc.selfservice.pages import account, answers, relay_pages
from graphsvc.selfservice.web import Page, client_ip, message, page_lang, refused_form
from graphsvc.selfservice.wording import PAGES

Show = Callable[[Request, SelfService, Graph, Link], Page]
Act = Callable[[Request, SelfService, Graph, Link, FormData], Page | Response]
STATUS = {"invalid": 404, "expired": 410, "used": 410, "gone": 410}


class Handler(NamedTuple):
    """What a purpose's GET shows and what its POST does."""

    show: Show
    act: Act


HANDLERS: dict[Purpose, Handler] = {
    "confirm": Handler(account.show_confirm, account.confirm),
    "profile": Handler(account.show_profile, account.profile),
    "match-accept": Handler(answers.show_accept, answers.accept),
    "match-decline": Handler(answers.show_decline, answers.decline),
    "match-propose": Handler(answers.show_propose, answers.propose),
    "met": Handler(answers.show_met, answers.met),
    "contacts": Handler(relay_pages.show_contacts, relay_pages.contacts),
    "follow-up": Handler(relay_pages.show_follow_up, relay_pages.follow_up),
    "invitation": Handler(relay_pages.show_invitation, relay_pages.invitation),
    "invitation-decline": Handler(relay_pages.show_no_thanks, relay_pages.no_thanks),
}


def refused(request: Request, reason: str) -> Page:
    """Why a link does not work, in plain words, with the status that says so."""
    t = PAGES[page_lang(request)]
    return message(t[f"refused_{reason}_title"], t[f"refused_{reason}"], status=STATUS[reason])


def closed(request: Request) -> Page:
    """The match the link answers is no longer open."""
    t = PAGES[page_lang(request)]
    return message(t["closed_title"], t["closed"], status=409)


def show_link(request: Request, ctx: SelfService, graph: Graph, purpose: str, token: str) -> Page:
    """GET: the page for the link, or why it cannot be used."""
    try:
        link = ctx.signer.verify(purpose, token)
        return HANDLERS[link.purpose].show(request, ctx, graph, link)
    except LinkRefused as exc:
        return refused(request, exc.reason)
    except MatchClosed:
        return closed(request)


def act_link(
    request: Request, ctx: SelfService, graph: Graph, purpose: str, token: str, form: FormData
) -> Page | Response:
    """POST: carries out what the link is for, once, after the limits and the CSRF check."""
    options = ctx.options
    limits = [("link-ip", client_ip(request), options.link_per_ip)]
    try:
        link = ctx.signer.verify(purpose, token)
    except LinkRefused as exc:
        return refused_form(request, ctx, form, limits) or refused(request, exc.reason)
    limits.append(("link-subject", link.subject, options.link_per_subject))
    stop = refused_form(request, ctx, form, limits)
    if stop is not None:
        return stop
    try:
        return HANDLERS[link.purpose].act(request, ctx, graph, link, form)
    except LinkRefused as exc:
        return refused(request, exc.reason)
    except MatchClosed:
        return closed(request)
