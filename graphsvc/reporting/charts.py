"""The report's charts, drawn server-side by matplotlib as inline SVG.

SVG keeps the page self-contained and printable at any size, with no script and no request.
Figures are built with matplotlib's object API (no pyplot), which keeps no global state and so
is safe in the server's worker threads. Text stays text (`svg.fonttype: none`) so the browser's
own fonts show å, ä and ö; ids are salted with a fixed string so the same report gives the same
SVG; and the XML prologue, DOCTYPE and metadata (which name outside URLs) are dropped, because
the SVG is inlined into an HTML page that must reference no outside host.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from graphsvc.models.report import ImpactReport
from graphsvc.reporting.words import PUBLISHED_2020, Lang, percent, words

_INK = "#1f2a44"
_COLOURS = ("#2b6cb0", "#dd8a1d", "#2f855a", "#805ad5")
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_STYLE: dict[Any, Any] = {
    "svg.fonttype": "none",
    "svg.hashsalt": "dorrnat-report",
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.edgecolor": "#8a93a6",
    "axes.labelcolor": _INK,
    "xtick.color": _INK,
    "ytick.color": _INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    with mpl.rc_context(_STYLE):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1))
    # Inline SVG in HTML needs no namespace declarations; dropping them leaves no URL behind.
    return re.sub(r'\s+xmlns(:xlink)?="[^"]*"', "", text, count=2)


def _figure(width: float = 6.4, height: float = 2.6) -> Figure:
    with mpl.rc_context(_STYLE):
        return Figure(figsize=(width, height), layout="constrained")


def growth(report: ImpactReport, lang: Lang) -> str:
    """Meetings, doors and new participants per month, with mean reach on its own axis."""
    w = words(lang)
    months = [m.month for m in report.monthly]
    x = list(range(len(months)))
    with mpl.rc_context(_STYLE):
        figure = _figure(9.0, 3.2)
        axes = figure.add_subplot()
        series = (
            (w["meetings"], [m.meetings for m in report.monthly]),
            (w["doors"], [m.doors for m in report.monthly]),
            (w["new_participants"], [m.new_participants for m in report.monthly]),
        )
        width = 0.8 / len(series)
        for i, (label, values) in enumerate(series):
            offset = (i - 1) * width
            axes.bar([v + offset for v in x], values, width, label=label, color=_COLOURS[i])
        axes.set_xticks(x, [_short_month(m) for m in months], rotation=45 if len(x) > 8 else 0)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        reach_axes = axes.twinx()
        reach_axes.plot(
            x,
            [m.mean_reach if m.mean_reach is not None else float("nan") for m in report.monthly],
            marker="o",
            color=_COLOURS[3],
            label=w["mean_reach"],
        )
        reach_axes.set_ylabel(w["mean_reach"])
        reach_axes.set_ylim(bottom=0)
        handles = axes.get_legend_handles_labels()
        extra = reach_axes.get_legend_handles_labels()
        axes.legend(
            handles[0] + extra[0],
            handles[1] + extra[1],
            loc="lower left",
            bbox_to_anchor=(0, 1.01),
            ncols=4,
            frameon=False,
            fontsize=8,
        )
        return _svg(figure)


def bars(
    labels: Sequence[str], values: Sequence[float], *, xlabel: str, ylabel: str, colour: int = 0
) -> str:
    """A plain bar chart of counts (reach distribution, relay depth)."""
    with mpl.rc_context(_STYLE):
        figure = _figure(4.4, 2.8)
        axes = figure.add_subplot()
        x = list(range(len(labels)))
        axes.bar(x, list(values), 0.6, color=_COLOURS[colour])
        # A lone bar would otherwise fill the whole width; keep room for about four.
        pad = max(0.0, (4 - len(x)) / 2)
        axes.set_xlim(-0.6 - pad, len(x) - 0.4 + pad)
        axes.set_xticks(x, list(labels))
        axes.set_xlabel(xlabel)
        axes.set_ylabel(ylabel)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        return _svg(figure)


def reach_distribution(report: ImpactReport, lang: Lang) -> str:
    """Participants per reach.total."""
    w = words(lang)
    dist = report.reach_distribution
    return bars(
        list(dist), list(dist.values()), xlabel=w["chart_reach_x"], ylabel=w["chart_reach_y"]
    )


def relay_depth(report: ImpactReport, lang: Lang) -> str:
    """Meetings per generation."""
    w = words(lang)
    depth = report.relay_depth
    return bars(
        list(depth), list(depth.values()), xlabel=w["generation"], ylabel=w["meetings"], colour=1
    )


def shares(report: ImpactReport, lang: Lang) -> str:
    """The three follow-up shares as bars, with the programme's published 2020 shares marked."""
    w = words(lang)
    keys = ("understood_market_better", "integration_helped", "kept_in_contact")
    values = [getattr(report, key) for key in keys]
    with mpl.rc_context(_STYLE):
        figure = _figure(9.0, 2.2)
        axes = figure.add_subplot()
        y = list(range(len(keys)))[::-1]
        axes.barh(y, [100 * (v or 0) for v in values], color=_COLOURS[2], height=0.55)
        for row, value in zip(y, values, strict=True):
            axes.annotate(
                percent(value, lang),
                (100 * (value or 0), row),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=8,
            )
        axes.scatter(
            [100 * PUBLISHED_2020[k] for k in keys],
            y,
            marker="|",
            s=300,
            color=_INK,
            label=w["published_2020"],
            zorder=3,
        )
        axes.set_yticks(y, [w[k] for k in keys])
        axes.set_xlim(0, 100)
        axes.set_xlabel("%")
        axes.legend(loc="lower right", bbox_to_anchor=(1, 1), frameon=False, fontsize=8)
        return _svg(figure)


def _short_month(month: str) -> str:
    """`2026-03` → `26-03`: short enough for a year of ticks."""
    return month[2:]


def all_charts(report: ImpactReport, lang: Lang) -> dict[str, str]:
    """Every chart of the page, by name."""
    return {
        "growth": growth(report, lang),
        "reach": reach_distribution(report, lang),
        "depth": relay_depth(report, lang),
        "shares": shares(report, lang),
    }
