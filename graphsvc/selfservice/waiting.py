"""The staff's waiting list (what the relay waits on people for) and resending any of its mails.

Staff watch rather than type: every sign-up not confirmed, invitation not answered, match not
answered, meeting not confirmed and door not opened is listed, oldest first, with its one
automatic reminder, and any of their mails can be sent again.
"""

from __future__ import annotations

from typing import Any

from graphsvc.errors import NotFound
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.models.token import Principal
from graphsvc.privacy import present_person
from graphsvc.selfservice import invitations, mails, relay, repo, signup
from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.matchmail import announce, ask_met
from graphsvc.selfservice.models import (
    ResendResult,
    WaitingItem,
    WaitingKind,
    WaitingPage,
    WaitingPerson,
)
from graphsvc.selfservice.wording import lang_of
from graphsvc.services import people
from graphsvc.services.paging import decode_cursor, encode_cursor


def _people(
    row: dict[str, Any], found: dict[str, Any], principal: Principal
) -> list[WaitingPerson]:
    listed = []
    for role in ("person", "participant", "door_opener"):
        person_id = row.get(f"{role}_id")
        if person_id and person_id in found:
            shown = present_person(found[person_id], principal)
            listed.append(
                WaitingPerson.model_validate(
                    {"id": person_id, "name": shown.name, "email": shown.email, "role": role}
                )
            )
    if row["kind"] == "invitation":
        email = row["invitee_email"] if principal.may("staff") else None
        listed.append(WaitingPerson(id=None, name=row["invitee_name"], email=email, role="invitee"))
    return listed


def list_waiting(
    ctx: SelfService,
    graph: Graph,
    principal: Principal,
    *,
    kind: WaitingKind | None = None,
    limit: int = 50,
    cursor: str | None = None,
) -> WaitingPage:
    """One page of the waiting list, oldest first, with the people as the caller may see them."""
    after = decode_cursor(cursor) if cursor else None
    rows = repo.list_waiting(graph, kind=kind, now=ctx.now(), after=after, limit=limit + 1)
    page, more = rows[:limit], len(rows) > limit
    ids = sorted(
        {r[k] for r in page for k in ("person_id", "participant_id", "door_opener_id") if r[k]}
    )
    found = {p.id: p for p in people_repo.get_people(graph, ids=ids)}
    items = [
        WaitingItem(
            kind=r["kind"],
            id=r["id"],
            since=r["since"],
            reminded_at=r["reminded_at"],
            waiting_for=r["waiting_for"],
            people=_people(r, found, principal),
        )
        for r in page
    ]
    last = page[-1] if page else None
    next_cursor = encode_cursor(last["since"], last["id"]) if more and last else None
    return WaitingPage(items=items, next_cursor=next_cursor)


def _still_waiting(ctx: SelfService, graph: Graph, kind: WaitingKind, item_id: str) -> None:
    """Only what is on the list can be resent: a confirmed sign-up or a met match is not."""
    if not repo.list_waiting(graph, kind=kind, now=ctx.now(), item_id=item_id, after=None, limit=1):
        raise NotFound(f"nothing of kind {kind!r} with id {item_id!r} is waiting")


def resend(ctx: SelfService, graph: Graph, kind: WaitingKind, item_id: str) -> ResendResult:
    """Sends the item's mail again, with fresh links; `sent=0` and `detail` when it failed."""
    _still_waiting(ctx, graph, kind, item_id)
    try:
        if kind == "sign_up":
            record = repo.get_sign_up(graph, person_id=item_id) or {}
            lang = lang_of(record.get("lang"))
            repo.save_sign_up(graph, person_id=item_id, lang=lang, at=ctx.now())
            person = people.get_person(graph, item_id)
            mails.send(ctx, [signup.confirm_mail(ctx, person, lang=lang)])
            sent = 1
        elif kind == "invitation":
            invitations.send_invitation(ctx, graph, item_id)
            sent = 1
        elif kind == "match":
            sent = announce(ctx, graph, item_id, force=True)
        elif kind == "meeting":
            sent = ask_met(ctx, graph, item_id, force=True)
        else:
            sent = relay.ask_contacts_again(ctx, graph, item_id)
    except MailError as exc:
        return ResendResult(kind=kind, id=item_id, sent=0, detail=exc.detail)
    return ResendResult(kind=kind, id=item_id, sent=sent)
