"""`graphsvc meeting record`: record a match's meeting from a script or the shell."""

from __future__ import annotations

from datetime import datetime

import typer
from pydantic import ValidationError

from graphsvc.cli.common import cli_errors, console, fail, graph_session
from graphsvc.errors import InvalidInput
from graphsvc.models.meeting import MeetingCreate
from graphsvc.models.token import Principal
from graphsvc.selfservice.announcer import LinkAnnouncer
from graphsvc.selfservice.context import SelfService
from graphsvc.services import meetings
from graphsvc.settings import get_settings

app = typer.Typer(help="Meetings between participants and door-openers.", no_args_is_help=True)

OPERATOR = Principal(token_id="cli", name="cli", role="staff")  # noqa: S106 - an id, no secret
"""Who the command line acts as: staff, who see contact details (the operator holds the DB)."""


@app.command()
def record(
    match_id: str = typer.Argument(..., help="The match whose two people met."),
    held_at: str = typer.Option(
        ..., help="When they met, ISO 8601 (e.g. 2026-03-02T14:00); no offset = Stockholm time."
    ),
    mode: str = typer.Option("in_person", help="in_person or digital"),
) -> None:
    """Records the meeting (the match becomes `met`) and mails the two their links for contacts
    and the follow-up; prints the meeting as JSON on stdout."""
    try:
        body = MeetingCreate(held_at=datetime.fromisoformat(held_at), mode=mode)
    except (ValueError, ValidationError) as exc:
        raise fail(
            f"--held-at must be an ISO 8601 time and --mode in_person or digital ({exc})"
        ) from None
    with graph_session() as graph, cli_errors():
        try:
            announcer = LinkAnnouncer(SelfService.build(get_settings()))
            meeting, created = meetings.record_meeting(graph, match_id, body, announcer)
        except InvalidInput as exc:
            raise fail(exc.detail) from None
    verb = "Recorded" if created else "Already recorded:"
    console.print(f"{verb} meeting {meeting.id} (generation {meeting.generation}).")
    print(meeting.model_dump_json())
