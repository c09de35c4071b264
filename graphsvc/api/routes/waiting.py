"""The staff's waiting list: `GET /api/v1/waiting` (JSON), `/ui/waiting` (its page), and
resending any of its mails (`POST /api/v1/waiting/{kind}/{id}/resend`, and the page's button)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import GraphDep, Staff
from graphsvc.selfservice import waiting
from graphsvc.selfservice.context import SelfServiceDep
from graphsvc.selfservice.models import ResendResult, WaitingKind, WaitingPage
from graphsvc.selfservice.pages import waiting_page
from graphsvc.selfservice.web import Page, page_lang, read_form, render
from graphsvc.selfservice.wording import PAGES
from graphsvc.web.guard import PAGE_RESPONSES, PageStaff

router = APIRouter(tags=["waiting"])
ItemId = Annotated[str, Path(min_length=1, max_length=100)]


@router.get("/api/v1/waiting", response_model=WaitingPage)
def list_waiting(
    graph: GraphDep,
    who: Staff,
    ctx: SelfServiceDep,
    kind: WaitingKind | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> WaitingPage:
    """What the relay waits on people for, oldest first: unconfirmed sign-ups (`sign_up`),
    unanswered invitations, unanswered matches, meetings not confirmed, doors not opened."""
    return waiting.list_waiting(ctx, graph, who, kind=kind, limit=limit, cursor=cursor)


@router.post("/api/v1/waiting/{kind}/{item_id}/resend", response_model=ResendResult)
def resend(
    kind: WaitingKind, item_id: ItemId, graph: GraphDep, _: Staff, ctx: SelfServiceDep
) -> ResendResult:
    """Sends the item's mail again with fresh links (404 when it is no longer waiting);
    `sent: 0` with a `detail` naming the setting to check when the mail server refused."""
    return waiting.resend(ctx, graph, kind, item_id)


@router.get(
    "/ui/waiting",
    response_class=HTMLResponse,
    summary="The waiting list as a page",
    responses=PAGE_RESPONSES,
)
def page(
    request: Request,
    graph: GraphDep,
    who: PageStaff,
    ctx: SelfServiceDep,
    done: str | None = None,
) -> HTMLResponse:
    """One table per kind, each row with a button that sends its mail again; a browser that
    is not signed in is sent to the login form, as on the other staff pages."""
    t = PAGES[page_lang(request)]
    notice = {"sent": t["waiting_resent"], "failed": t["waiting_failed"].format(detail="")}
    shown = waiting_page.waiting_page(request, ctx, graph, who, notice=notice.get(done or ""))
    return render(request, ctx, shown)


@router.post(
    "/ui/waiting/{kind}/{item_id}/resend",
    response_class=HTMLResponse,
    summary="Resend an item's mail from the waiting page",
    responses={
        303: {
            "description": "Back to the waiting list, saying how it went (or, signed out, "
            "on to the login form)."
        }
    },
)
async def page_resend(
    kind: WaitingKind,
    item_id: ItemId,
    request: Request,
    graph: GraphDep,
    _: PageStaff,
    ctx: SelfServiceDep,
) -> Response:
    """Resends after the form's CSRF check, then returns to the list."""
    form = await read_form(request)
    result = await run_in_threadpool(waiting_page.resend, request, ctx, graph, kind, item_id, form)
    if isinstance(result, Page):
        return render(request, ctx, result)
    query = f"?done={'sent' if result.sent else 'failed'}"
    query += "&lang=en" if page_lang(request) == "en" else ""
    return RedirectResponse(f"/ui/waiting{query}", status_code=303)
