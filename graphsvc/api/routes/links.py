"""`/links/{purpose}/{token}`: the signed links in every mail the programme sends.

GET shows what the link is for with a button; POST (the button, with its CSRF token) does it,
once. No token header: the signed link is the key, and it carries ids only.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request, Response
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import GraphDep
from graphsvc.selfservice.context import SelfServiceDep
from graphsvc.selfservice.pages import links
from graphsvc.selfservice.web import Page, read_form, render

router = APIRouter(tags=["self-service pages"])
Purpose = Annotated[str, Path(max_length=40)]
Token = Annotated[str, Path(max_length=400)]
RESPONSES: dict[int | str, dict[str, object]] = {
    404: {"description": "The link is unknown or was tampered with.", "content": {"text/html": {}}},
    409: {"description": "The match the link answers is closed.", "content": {"text/html": {}}},
    410: {
        "description": "The link expired, was used, or what it was about is gone.",
        "content": {"text/html": {}},
    },
}
POST_RESPONSES: dict[int | str, dict[str, object]] = {
    **RESPONSES,
    403: {
        "description": "The form's CSRF token was missing or did not match its cookie.",
        "content": {"text/html": {}},
    },
    422: {
        "description": "The form needs correcting; it is shown again.",
        "content": {"text/html": {}},
    },
    429: {
        "description": "Too many attempts from this address or for this link's subject.",
        "content": {"text/html": {}},
    },
}


@router.get(
    "/links/{purpose}/{token}",
    response_class=HTMLResponse,
    responses=RESPONSES,
    summary="The page behind a link in a mail",
)
def show(
    purpose: Purpose, token: Token, request: Request, graph: GraphDep, ctx: SelfServiceDep
) -> HTMLResponse:
    """What the link is for, and a button; changes nothing (mail scanners fetch links)."""
    return render(request, ctx, links.show_link(request, ctx, graph, purpose, token))


@router.post(
    "/links/{purpose}/{token}",
    response_class=HTMLResponse,
    responses=POST_RESPONSES,
    summary="Do what a link in a mail is for",
)
async def act(
    purpose: Purpose, token: Token, request: Request, graph: GraphDep, ctx: SelfServiceDep
) -> Response:
    """Verifies the link, the limits and the CSRF token, then acts once."""
    form = await read_form(request)
    result = await run_in_threadpool(links.act_link, request, ctx, graph, purpose, token, form)
    return render(request, ctx, result) if isinstance(result, Page) else result
