"""The impact report as one self-contained, printable HTML page.

A pure function of the report (and the reference lists for the filter form): it never queries.
jinja2 autoescapes everything; the only markup let through unescaped is the charts' SVG, which
matplotlib drew from numbers and fixed labels, never from anything a person typed. The page has
no script and loads nothing, and its Content-Security-Policy (`CSP`, sent by the route) says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlencode

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from graphsvc.models.reference import ReferenceItem
from graphsvc.models.report import ImpactReport
from graphsvc.reporting import charts
from graphsvc.reporting.words import PUBLISHED_2020, Lang, number, percent, words

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@dataclass(frozen=True)
class FormChoices:
    """What the filter form offers: places and industries from the reference data."""

    places: list[ReferenceItem] = field(default_factory=list)
    industries: list[ReferenceItem] = field(default_factory=list)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("graphsvc", "reporting/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def query_string(report: ImpactReport, lang: Lang, **extra: str) -> str:
    """The report's own parameters as a query string, for the CSV and language links."""
    params = {"from": report.period.from_.isoformat(), "to": report.period.to.isoformat()}
    if report.filters.industry:
        params["industry"] = report.filters.industry
    if report.filters.place:
        params["place"] = report.filters.place
    if lang != "sv":
        params["lang"] = lang
    params.update(extra)
    return urlencode(params)


def render_page(
    report: ImpactReport,
    *,
    lang: Lang = "sv",
    choices: FormChoices | None = None,
    root: str | None = "",
) -> str:
    """The HTML page. `root` is the app's root path; None (a file from the CLI) leaves out the
    form, the links and the navigation, which would lead nowhere outside the service."""
    choices = choices or FormChoices()
    name_key = "name_sv" if lang == "sv" else "name_en"
    other: Lang = "en" if lang == "sv" else "sv"
    here = f"{root}/ui/reports" if root is not None else None
    svgs = {k: Markup(v) for k, v in charts.all_charts(report, lang).items()}  # noqa: S704
    return _environment().get_template("report.html.j2").render(
        r=report,
        w=words(lang),
        lang=lang,
        num=lambda v, digits=1: number(v, lang, digits=digits),
        pct=lambda v: percent(v, lang),
        published=PUBLISHED_2020,
        charts=svgs,
        places=[(p.key, getattr(p, name_key), p.kind) for p in choices.places],
        industries=[(i.key, getattr(i, name_key), i.kind) for i in choices.industries],
        place_name=_name(choices.places, report.filters.place, name_key),
        industry_name=_name(choices.industries, report.filters.industry, name_key),
        root=root,
        here=here,
        csv_href=f"{here}?{query_string(report, lang, format='csv')}" if here else None,
        json_href=f"{root}/api/v1/reports/impact?{query_string(report, 'sv')}" if here else None,
        other_lang=other,
        other_lang_href=f"{here}?{query_string(report, other)}" if here else None,
        lang_query="?lang=en" if lang == "en" else "",
        csp=CSP,
    )


def _name(items: list[ReferenceItem], key: str | None, name_key: str) -> str | None:
    """The filter's name for the heading; the bare key when the list was not given."""
    if key is None:
        return None
    return next((f"{getattr(i, name_key)} ({key})" for i in items if i.key == key), key)
