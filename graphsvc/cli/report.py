"""`graphsvc report`: the impact report written to a file, for staff who send it on.

The same service as `GET /api/v1/reports/impact` and `/ui/reports` computes it, so a file made
here holds exactly the figures the API and the page show for the same period and filters.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import typer
from pydantic import ValidationError

from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.models.report import ReportFilters, ReportFormat
from graphsvc.reporting.words import Lang
from graphsvc.services.reports_page import render_report

_DATE = ["%Y-%m-%d"]


def report(
    from_: datetime | None = typer.Option(
        None, "--from", formats=_DATE, help="First day (default: 1 January of --to's year)."
    ),
    to: datetime | None = typer.Option(
        None, "--to", formats=_DATE, help="Last day (default: today)."
    ),
    place: str | None = typer.Option(None, help="Municipality (1480) or county (14) key."),
    industry: str | None = typer.Option(None, help="SNI section (Q) or division (86)."),
    fmt: str = typer.Option("json", "--format", help="json, csv or html."),
    lang: str = typer.Option("sv", help="Language of the HTML page: sv or en."),
    output: Path = typer.Option(..., "-o", "--output", help="File to write; - for stdout."),
) -> None:
    """Writes the impact report for a period, place and industry as JSON, CSV or HTML."""
    if fmt not in ("json", "csv", "html"):
        raise fail(f"--format must be json, csv or html, not {fmt!r}")
    if lang not in ("sv", "en"):
        raise fail(f"--lang must be sv or en, not {lang!r}")
    try:
        filters = ReportFilters.model_validate(
            {
                "from": from_.date() if from_ else None,
                "to": to.date() if to else None,
                "place": place,
                "industry": industry,
            }
        )
    except ValidationError as exc:
        problems = "; ".join(f"--{e['loc'][0]}: {e['msg']}" for e in exc.errors())
        raise fail(problems.replace("--from_", "--from")) from None
    chosen_format: ReportFormat = fmt  # type: ignore[assignment]
    chosen_lang: Lang = lang  # type: ignore[assignment]
    with graph_session() as graph, cli_errors():
        text = render_report(graph, filters, fmt=chosen_format, lang=chosen_lang)
    if str(output) == "-":
        sys.stdout.write(text)
        return
    output.write_text(text, encoding="utf-8")
    console.print(f"Wrote the impact report ({fmt}) to {output}")
