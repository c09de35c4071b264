"""`graphsvc viz`: the staff pages' pictures as self-contained HTML files.

The files are the same pictures the service draws (the same services, the same renderers), but
standalone: vis-network is inlined and nothing is fetched, so a file can be mailed or opened
offline. `--initials` makes a file fit for people who may not see names (the viewer role).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Literal

import typer
from pydantic import ValidationError

from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.cli.meeting import OPERATOR
from graphsvc.models.netmap import MAP_DEFAULT_LIMIT, MapFilters
from graphsvc.models.token import Principal
from graphsvc.services.netmap import network_map
from graphsvc.services.network import get_network
from viz.netmap import render_map
from viz.spread import render_spread

app = typer.Typer(help="Pictures of the network as offline HTML files.", no_args_is_help=True)

VIEWER = Principal(token_id="cli", name="cli", role="viewer")  # noqa: S106 - an id, no secret
"""Who the command line acts as with `--initials`: names shortened, as for the viewer role."""

Lang = Literal["sv", "en"]
OUTPUT = typer.Option(..., "--output", "-o", help="The HTML file to write.", dir_okay=False)
LANG = typer.Option("sv", "--lang", help="Labels in sv (Swedish) or en (English).")
INITIALS = typer.Option(False, "--initials", help="Initials instead of names, as viewers see.")


@app.command()
def participant(
    participant_id: str = typer.Argument(..., help="The participant at the root."),
    output: Path = OUTPUT,
    lang: Lang = LANG,
    initials: bool = INITIALS,
) -> None:
    """One participant's relay spread, with reach, as `/ui/participants/ID` shows it."""
    with graph_session() as graph, cli_errors():
        found = get_network(graph, participant_id, VIEWER if initials else OPERATOR)
    _write(output, render_spread(found, lang=lang, viewer=initials))
    console.print(f"Wrote {len(found.nodes)} people to {output}")


@app.command("map")
def map_(
    output: Path = OUTPUT,
    language: str | None = typer.Option(None, help="Only people who speak this (ISO 639-1)."),
    place: str | None = typer.Option(None, help="A municipality (1480) or county (14)."),
    industry: str | None = typer.Option(None, help="An SNI division (86) or section (Q)."),
    field: str | None = typer.Option(None, help="An ISCED-F education field (09, 091, 0913)."),
    from_: datetime | None = typer.Option(
        None, "--from", formats=["%Y-%m-%d"], help="First day of the period."
    ),
    to: datetime | None = typer.Option(None, formats=["%Y-%m-%d"], help="Last day of the period."),
    limit: int = typer.Option(MAP_DEFAULT_LIMIT, help="At most this many people."),
    lang: Lang = LANG,
    initials: bool = INITIALS,
) -> None:
    """The network map, filtered as `/ui/` is, with search, filters and the time slider."""
    try:
        filters = MapFilters(
            language=language,
            place=place,
            industry=industry,
            field=field,
            from_date=_day(from_),
            to_date=_day(to),
            limit=limit,
        )
    except ValidationError as exc:
        raise fail("; ".join(_problem(e) for e in exc.errors())) from None
    with graph_session() as graph, cli_errors():
        found = network_map(graph, filters, full_names=not initials)
    _write(output, render_map(found, lang=lang))
    note = " (capped: narrow the filters or raise --limit)" if found.truncated else ""
    console.print(f"Wrote {len(found.nodes)} people, {len(found.edges)} connections{note}")


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def _problem(error: object) -> str:
    found = error if isinstance(error, dict) else {}
    where = ".".join(str(part) for part in found.get("loc", ())) or "filters"
    return f"{where}: {found.get('msg', 'invalid')}"


def _write(output: Path, html: str) -> None:
    try:
        output.write_text(html, encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror or exc}") from None
