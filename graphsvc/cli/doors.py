"""`graphsvc doors`: open doors after a meeting, for staff who script the relay."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from pydantic import ValidationError
from rich.table import Table

from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.cli.meeting import OPERATOR
from graphsvc.models.meeting import DoorsCreate
from graphsvc.selfservice.announcer import LinkAnnouncer
from graphsvc.selfservice.context import SelfService
from graphsvc.services import doors as doors_service
from graphsvc.settings import get_settings


def doors(
    meeting_id: str = typer.Argument(..., help="The meeting after which the doors are opened."),
    contact: list[str] = typer.Option(
        [], "--contact", help="An existing person's id (repeatable)."
    ),
    new_contact: list[Path] = typer.Option(
        [],
        "--new-contact",
        exists=True,
        dir_okay=False,
        help="A JSON file with a full new-person body (repeatable); they are signed up.",
    ),
    opened_by: str = typer.Option("door_opener", help="door_opener or participant"),
) -> None:
    """Opens doors; a door-opener's doors make relay matches (mailed after the commit).

    Prints the doors and matches as JSON on stdout.
    """
    try:
        bodies = [json.loads(p.read_text(encoding="utf-8")) for p in new_contact]
        body = DoorsCreate.model_validate(
            {"opened_by": opened_by, "contacts": [{"person_id": c} for c in contact] + bodies}
        )
    except (OSError, ValueError, ValidationError) as exc:
        raise fail(f"the doors cannot be read: {exc}") from None
    with graph_session() as graph, cli_errors():
        settings = get_settings()
        announcer = LinkAnnouncer(SelfService.build(settings))
        result = doors_service.open_doors(graph, settings, meeting_id, body, OPERATOR, announcer)
    table = Table("door", "to", "generation", "relay match")
    match_for = {m.door_opener.id: m.id for m in result.matches}
    for door in result.doors:
        table.add_row(door.id, door.to_id, str(door.generation), match_for.get(door.to_id, ""))
    console.print(table)
    print(result.model_dump_json())
