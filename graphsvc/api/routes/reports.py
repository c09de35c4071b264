"""`/api/v1/reports/impact` and the staff page `/ui/reports`: the programme's impact.

The report holds counts and shares only, never a person, so the viewer role may read it. The
page takes its caller from `PageViewer`, the staff pages' guard: the same tokens, roles and
session cookie as the API's `Viewer` (both go through `deps.principal_from`), except that a
browser without a session is sent to the login form rather than shown a 401.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from graphsvc.api.deps import GraphDep, Viewer
from graphsvc.models.report import ImpactReport, ReportFilters
from graphsvc.reporting.page import CSP
from graphsvc.services import reports, reports_page
from graphsvc.web.guard import PageViewer

router = APIRouter(tags=["reports"])
Filters = Annotated[ReportFilters, Query()]
CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with format=csv"}
}


def _csv(graph: GraphDep, filters: ReportFilters) -> Response:
    report, text = reports_page.report_csv(graph, filters)
    name = reports_page.csv_filename(report)
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/api/v1/reports/impact", response_model=ImpactReport, responses=CSV_RESPONSE)
def impact(
    filters: Filters,
    graph: GraphDep,
    _: Viewer,
    format: Literal["json", "csv"] = "json",
) -> ImpactReport | Response:
    """The contract's figures for the period and filters, and the additions beyond it
    (branching factor, completion per generation, structural virality, shares of retired
    door-openers and digital meetings, reach distribution, a monthly series). A share with
    nothing to divide by is null."""
    if format == "csv":
        return _csv(graph, filters)
    return reports.impact_report(graph, filters)


@router.get("/ui/reports", response_class=HTMLResponse, responses=CSV_RESPONSE)
def page(
    request: Request,
    filters: Filters,
    graph: GraphDep,
    _: PageViewer,
    lang: Literal["sv", "en"] = "sv",
    format: Literal["html", "csv"] = "html",
) -> Response:
    """The impact report for staff: figures, charts (SVG), the period and filters as a form."""
    if format == "csv":
        return _csv(graph, filters)
    root = str(request.scope.get("root_path", ""))
    html = reports_page.report_page(graph, filters, lang=lang, root=root)
    return HTMLResponse(
        html,
        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-store"},
    )
