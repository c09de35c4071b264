"""`/join/...`: the public sign-up pages, the privacy page and the profile-link request.

No token: these are for people who are not members yet. Each POST reads the form and hands it to
one page handler, which rate-limits, checks the CSRF token and the honeypot, and calls one
service; the handler's `Page` is rendered here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import GraphDep
from graphsvc.selfservice.context import SelfServiceDep
from graphsvc.selfservice.forms import FormRole
from graphsvc.selfservice.pages import join
from graphsvc.selfservice.web import read_form, render

router = APIRouter(tags=["self-service pages"])
HTML: dict[str, Any] = {"response_class": HTMLResponse}
FORM_RESPONSES: dict[int | str, dict[str, object]] = {
    403: {"description": "The form's CSRF token was missing or did not match its cookie."},
    422: {"description": "The form needs correcting; it is shown again with what to fix."},
    429: {"description": "Too many attempts from this address or for this e-mail."},
}


def _form_page(
    request: Request, graph: GraphDep, ctx: SelfServiceDep, role: FormRole
) -> HTMLResponse:
    return render(request, ctx, join.join_page(request, graph, role))


async def _submit(
    request: Request, graph: GraphDep, ctx: SelfServiceDep, role: FormRole
) -> HTMLResponse:
    form = await read_form(request)
    page = await run_in_threadpool(join.join_submit, request, ctx, graph, role, form)
    return render(request, ctx, page)


@router.get("/join/door-opener", summary="Sign-up form for door-openers", **HTML)
def door_opener_form(request: Request, graph: GraphDep, ctx: SelfServiceDep) -> HTMLResponse:
    """The rules in plain words, then the form (Swedish; English with `?lang=en`)."""
    return _form_page(request, graph, ctx, "door-opener")


@router.post(
    "/join/door-opener", summary="Sign up as a door-opener", responses=FORM_RESPONSES, **HTML
)
async def door_opener_submit(
    request: Request, graph: GraphDep, ctx: SelfServiceDep
) -> HTMLResponse:
    """Creates an inactive door-opener and mails a confirmation link."""
    return await _submit(request, graph, ctx, "door-opener")


@router.get("/join/participant", summary="Sign-up form for participants", **HTML)
def participant_form(request: Request, graph: GraphDep, ctx: SelfServiceDep) -> HTMLResponse:
    """The rules in plain words, then the form (Swedish; English with `?lang=en`)."""
    return _form_page(request, graph, ctx, "participant")


@router.post(
    "/join/participant", summary="Sign up as a participant", responses=FORM_RESPONSES, **HTML
)
async def participant_submit(
    request: Request, graph: GraphDep, ctx: SelfServiceDep
) -> HTMLResponse:
    """Creates an inactive participant and mails a confirmation link."""
    return await _submit(request, graph, ctx, "participant")


@router.get("/join/privacy", summary="What is stored about members, and why", **HTML)
def privacy(request: Request, ctx: SelfServiceDep) -> HTMLResponse:
    """The privacy notice the consent text links to."""
    return render(request, ctx, join.privacy_page(request, ctx))


@router.get("/join/profile", summary="Ask for a link to one's own profile", **HTML)
def profile_request(request: Request, ctx: SelfServiceDep) -> HTMLResponse:
    """A form for an e-mail address."""
    return render(request, ctx, join.request_page(request))


@router.post(
    "/join/profile",
    summary="Mail a profile link to a known address",
    responses=FORM_RESPONSES,
    **HTML,
)
async def profile_request_submit(
    request: Request, graph: GraphDep, ctx: SelfServiceDep
) -> HTMLResponse:
    """Mails the link when the address is known; says the same thing either way."""
    form = await read_form(request)
    page = await run_in_threadpool(join.request_submit, request, ctx, graph, form)
    return render(request, ctx, page)
