"""The staff's waiting list as a page: one table per kind, each row with a resend button."""

from __future__ import annotations

from datetime import datetime

from fastapi import Request

from graphsvc.clock import STOCKHOLM
from graphsvc.graph.db import Graph
from graphsvc.models.token import Principal
from graphsvc.selfservice import waiting
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.forms import FormData
from graphsvc.selfservice.models import ResendResult, WaitingKind
from graphsvc.selfservice.web import Page, page_lang, refused_form
from graphsvc.selfservice.wording import PAGES

KINDS: tuple[WaitingKind, ...] = ("sign_up", "invitation", "match", "meeting", "doors")


def _when(moment: datetime | None) -> str:
    return moment.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") if moment else "–"


def waiting_page(
    request: Request,
    ctx: SelfService,
    graph: Graph,
    principal: Principal,
    *,
    notice: str | None = None,
) -> Page:
    """Everything waiting, grouped by kind, oldest first (up to 500 items)."""
    t = PAGES[page_lang(request)]
    items = waiting.list_waiting(ctx, graph, principal, limit=500).items
    groups = [(kind, t[f"waiting_{kind}"], [i for i in items if i.kind == kind]) for kind in KINDS]
    return Page(
        "waiting.html.j2",
        {"title": t["waiting_title"], "groups": groups, "when": _when, "notice": notice},
    )


def resend(
    request: Request,
    ctx: SelfService,
    graph: Graph,
    kind: WaitingKind,
    item_id: str,
    form: FormData,
) -> Page | ResendResult:
    """Checks the form's CSRF token, then resends; a refusal comes back as a page."""
    refused = refused_form(request, ctx, form, [])
    if refused is not None:
        return refused
    return waiting.resend(ctx, graph, kind, item_id)
