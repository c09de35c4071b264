"""The impact report in the formats people take away: CSV, and the HTML page with charts.

The figures come from `reports.impact_report` once; rendering is pure (`graphsvc.reporting`), so
the API, the staff page and the command line give the same numbers in every format.
"""

from __future__ import annotations

from datetime import date

from graphsvc.graph import reference
from graphsvc.graph.db import Graph
from graphsvc.models.reference import ReferenceItem
from graphsvc.models.report import ImpactReport, ReportFilters, ReportFormat
from graphsvc.reporting.page import FormChoices, render_page
from graphsvc.reporting.table import to_csv
from graphsvc.reporting.words import Lang
from graphsvc.services.reports import impact_report


def form_choices(graph: Graph) -> FormChoices:
    """Counties with their municipalities, sections with their divisions, for the filter form."""
    return FormChoices(
        places=_nested(reference.list_reference(graph, kind="places"), by_name=True),
        industries=_nested(reference.list_reference(graph, kind="industries"), by_name=False),
    )


def _nested(items: list[ReferenceItem], *, by_name: bool) -> list[ReferenceItem]:
    """Each top-level item followed by its children, so a select reads as a hierarchy;
    municipalities by name (how staff look for them), divisions by code (how SNI lists them)."""
    children: dict[str | None, list[ReferenceItem]] = {}
    for item in items:
        children.setdefault(item.parent, []).append(item)
    ordered = []
    for top in sorted(children.get(None, []), key=lambda i: i.key):
        ordered.append(top)
        kids = children.get(top.key, [])
        ordered.extend(sorted(kids, key=lambda i: i.name_sv if by_name else i.key))
    return ordered


def report_page(graph: Graph, filters: ReportFilters, *, lang: Lang, root: str) -> str:
    """The staff page: the report, its charts and the filter form (`root`: the app's root path)."""
    report = impact_report(graph, filters)
    return render_page(report, lang=lang, choices=form_choices(graph), root=root)


def report_csv(graph: Graph, filters: ReportFilters) -> tuple[ImpactReport, str]:
    """The report and its CSV text (the report names the download)."""
    report = impact_report(graph, filters)
    return report, to_csv(report)


def render_report(
    graph: Graph, filters: ReportFilters, *, fmt: ReportFormat, lang: Lang = "sv"
) -> str:
    """The report as a file (CLI): JSON, CSV, or a standalone HTML page without the form."""
    report = impact_report(graph, filters)
    if fmt == "csv":
        return to_csv(report)
    if fmt == "html":
        return render_page(report, lang=lang, choices=form_choices(graph), root=None)
    return report.model_dump_json(indent=2, by_alias=True) + "\n"


def csv_filename(report: ImpactReport) -> str:
    """`dorrnat-impact-2026-01-01-2026-12-31.csv`: safe ASCII, says what it holds."""
    return f"dorrnat-impact-{_day(report.period.from_)}-{_day(report.period.to)}.csv"


def _day(value: date) -> str:
    return value.isoformat()
