"""The self-service repository: the package's own nodes, through `cypher/selfservice/`.

Once-only steps (a mail sent, a reminder sent) are claimed with a conditional write under the
record's lock before the mail goes out, so overlapping runs or retries never mail twice; a
failed mail gives its claim back so the next run tries again.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from typing import Any, Literal

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph, Tx
from graphsvc.graph.queries import queries

Q = queries.selfservice
MatchStep = Literal["links_sent_at", "reminded_at", "met_asked_at", "met_reminded_at"]
MeetingStep = Literal["contacts_sent_at", "follow_up_sent_at", "doors_reminded_at"]


def claim_link(graph: Graph, *, link_id: str, purpose: str, at: datetime) -> str | None:
    """Records the link as used; returns the claim (to give it back on failure), or None when
    it had been used already."""
    claim = secrets.token_hex(8)
    rows = graph.write(Q.claim_link, id=link_id, claim=claim, purpose=purpose, at=at)
    return claim if rows and rows[0]["claimed"] else None


def release_link(graph: Graph, *, link_id: str, claim: str) -> None:
    """Gives a claimed link back after its action failed."""
    graph.write(Q.release_link, id=link_id, claim=claim)


def link_used(graph: Graph, *, link_id: str) -> bool:
    """Whether the link has been used."""
    return bool(graph.read(Q.link_used, id=link_id)[0]["used"])


def save_sign_up(graph: Graph, *, person_id: str, lang: str, at: datetime) -> None:
    """Notes a sign-up that waits for its address to be confirmed (or a resent mail)."""
    graph.write(Q.save_sign_up, person_id=person_id, lang=lang, at=at)


def get_sign_up(graph: Graph, *, person_id: str) -> dict[str, Any] | None:
    """The sign-up record, with `person_exists` and `erased`; None when there is none."""
    rows = graph.read(Q.get_sign_up, person_id=person_id)
    return native(rows[0]["sign_up"]) if rows else None


def confirm_sign_up(graph: Graph, *, person_id: str, at: datetime) -> bool:
    """Marks the address confirmed; False when there is no such sign-up."""
    return bool(graph.write(Q.confirm_sign_up, person_id=person_id, at=at))


def find_person_by_email(graph: Graph, *, email: str) -> str | None:
    """The id of the person with exactly this address (case-insensitive), if any."""
    rows = graph.read(Q.find_person_by_email, email_norm=email.strip().casefold())
    return str(rows[0]["id"]) if rows else None


def save_invitations(
    graph: Graph, *, meeting_id: str, rows: list[dict[str, str]], limit: int, at: datetime
) -> list[str]:
    """Stores the named contacts (id, name, email, email_norm, lang each) under the meeting's
    lock; returns their ids, or [] when doors and invitations would pass `limit`."""

    def work(tx: Tx) -> list[str]:
        if not tx.run(Q.lock_meeting_flow, meeting_id=meeting_id):
            return []
        found = tx.run(Q.save_invitations, meeting_id=meeting_id, rows=rows, max=limit, at=at)
        return [str(r["id"]) for r in found]

    return graph.transaction(work)


def get_invitation(graph: Graph, *, invitation_id: str) -> dict[str, Any] | None:
    """One invitation, or None when it was answered, declined or erased."""
    rows = graph.read(Q.get_invitation, id=invitation_id)
    return native(rows[0]["invitation"]) if rows else None


def delete_invitation(graph: Graph, *, invitation_id: str) -> bool:
    """Removes an invitation; False when it was gone already."""
    return bool(graph.write(Q.delete_invitation, id=invitation_id)[0]["deleted"])


def erase_stale_invitations(graph: Graph, *, before: datetime) -> int:
    """Erases invitations made before `before` (or whose people were erased); returns how many."""
    return int(graph.write(Q.erase_stale_invitations, before=before)[0]["erased"])


def meeting_contacts(graph: Graph, *, meeting_id: str) -> dict[str, Any] | None:
    """The meeting's people, doors opened, invitations waiting, no-doors and follow-up flags."""
    rows = graph.read(Q.meeting_contacts, meeting_id=meeting_id)
    return native(rows[0]) if rows else None


def get_match_flow(graph: Graph, *, match_id: str) -> dict[str, Any] | None:
    """The match with its people, meeting id and self-service record (`flow`), or None."""
    rows = graph.read(Q.get_match_flow, match_id=match_id)
    return native(rows[0]) if rows else None


def set_match_flow(graph: Graph, *, match_id: str, props: dict[str, Any]) -> dict[str, Any]:
    """Writes part of a match's self-service record under its lock; returns the whole record."""
    rows = graph.write(Q.set_match_flow, match_id=match_id, props=props)
    flow: dict[str, Any] = native(rows[0]["flow"])
    return flow


def agree_time(graph: Graph, *, match_id: str, at: datetime | None) -> dict[str, Any]:
    """Writes the agreed time on the record and as the match's `suggested_time`, under both
    people's locks; returns the whole record (with `time_revision`)."""
    rows = graph.write(Q.agree_time, match_id=match_id, at=at)
    flow: dict[str, Any] = native(rows[0]["flow"]) if rows else {}
    return flow


def busy_times(graph: Graph, *, match_id: str, person_ids: list[str]) -> list[datetime]:
    """Start times of the people's other open matches."""
    rows = graph.read(Q.busy_times, match_id=match_id, person_ids=person_ids)
    return [native(t) for t in rows[0]["busy"]] if rows else []


def claim_match_step(graph: Graph, *, match_id: str, step: MatchStep, at: datetime | None) -> bool:
    """Sets a once-only step; True only for the caller that set it. `at=None` gives it back."""
    rows = graph.write(
        Q.claim_match_step, match_id=match_id, step=step, props={step: at}, release=at is None
    )
    return bool(rows)


def set_meeting_flow(graph: Graph, *, meeting_id: str, props: dict[str, Any]) -> None:
    """Writes part of a meeting's self-service record."""
    graph.write(Q.set_meeting_flow, meeting_id=meeting_id, props=props)


def claim_meeting_step(
    graph: Graph, *, meeting_id: str, step: MeetingStep, at: datetime | None
) -> bool:
    """Sets a once-only step of a meeting; True only for the caller that set it."""
    rows = graph.write(
        Q.claim_meeting_step,
        meeting_id=meeting_id,
        step=step,
        props={step: at},
        release=at is None,
    )
    return bool(rows)


def claim_sign_up_reminder(graph: Graph, *, person_id: str, at: datetime | None) -> bool:
    """Claims (or with `at=None` gives back) the sign-up's one reminder."""
    rows = graph.write(
        Q.claim_sign_up_step,
        person_id=person_id,
        step="reminded_at",
        props={"reminded_at": at},
        release=at is None,
    )
    return bool(rows)


def claim_invitation_reminder(graph: Graph, *, invitation_id: str, at: datetime | None) -> bool:
    """Claims (or with `at=None` gives back) the invitation's one reminder."""
    rows = graph.write(
        Q.claim_invitation_step,
        id=invitation_id,
        step="reminded_at",
        props={"reminded_at": at},
        release=at is None,
    )
    return bool(rows)


def count_attempts(
    graph: Graph, *, counters: list[dict[str, Any]], expires_at: datetime
) -> list[bool]:
    """Counts one attempt on each rate counter (`id`, `limit`); whether each was allowed."""
    rows = graph.write(Q.count_attempts, counters=counters, expires_at=expires_at)
    return [bool(a) for a in rows[0]["allowed"]] if rows else [False]


def erase_rate_counters(graph: Graph, *, now: datetime) -> int:
    """Deletes the rate counters whose window has ended; returns how many."""
    return int(graph.write(Q.erase_rate_counters, now=now)[0]["erased"])


def due(graph: Graph, name: str, **params: Any) -> list[str]:
    """Ids from one of the `due_*` queries (the reminders run's work lists)."""
    return [str(r["id"]) for r in graph.read(getattr(Q, f"due_{name}"), **params)]


def list_waiting(
    graph: Graph,
    *,
    kind: str | None,
    now: datetime,
    item_id: str | None = None,
    after: tuple[datetime, str] | None,
    limit: int,
) -> list[dict[str, Any]]:
    """One page of the waiting list, oldest first."""
    rows = graph.read(
        Q.list_waiting,
        kind=kind,
        id=item_id,
        now=now,
        after_since=after[0] if after else None,
        after_id=after[1] if after else None,
        limit=limit,
    )
    return [native(r) for r in rows]
