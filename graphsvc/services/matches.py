"""Proposing matches, telling both people, and moving a match through its statuses.

A proposal runs in one transaction that locks both people's nodes first (in ascending id order,
like every transaction that locks several people, so none waits on another crosswise) and only
then reads and checks: two staff proposing the same door-opener at once run one after the other,
so capacity holds, and no two open matches of one person get the same suggested hour. Mail goes
out after the commit: a mail server that is down must never cost the match, so its outcome is
recorded on the match and staff can resend.
"""

from __future__ import annotations

import logging
from datetime import datetime

from graphsvc import clock
from graphsvc.errors import Conflict, InvalidInput, NotEligible, NotFound
from graphsvc.graph import matches as repo
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph, Tx
from graphsvc.mail import MailError, deliver, match_mails
from graphsvc.models.match import (
    OPEN_STATUSES,
    Match,
    MatchAction,
    MatchCreate,
    MatchStatus,
)
from graphsvc.models.person import MeetingMode
from graphsvc.models.token import Principal
from graphsvc.privacy import present_person
from graphsvc.services.announce import Announcer
from graphsvc.services.people import new_id
from graphsvc.services.slots import suggest_slot
from graphsvc.settings import MatchWeights, Settings, get_settings

log = logging.getLogger(__name__)
DURATION_MINUTES = 60
TRANSITIONS: dict[MatchAction, tuple[tuple[MatchStatus, ...], MatchStatus]] = {
    "accept": (("proposed",), "accepted"),
    "decline": (("proposed",), "declined"),
    "cancel": (("proposed", "accepted"), "cancelled"),
}


def pick_mode(
    participant: list[str], door_opener: list[str], *, same_county: bool
) -> MeetingMode | None:
    """In person when both can and they live in the same county, else digital when both can,
    else whatever they have in common; None when they share no way of meeting."""
    common = set(participant) & set(door_opener)
    if "in_person" in common and same_county:
        return "in_person"
    if "digital" in common:
        return "digital"
    return "in_person" if "in_person" in common else None


def propose_in_tx(
    tx: Tx,
    *,
    participant_id: str,
    door_opener_id: str,
    generation: int,
    relay: bool,
    at: datetime,
    weights: MatchWeights | None = None,
    score: float | None = None,
) -> str:
    """Checks and creates one match inside the caller's transaction; returns its id.

    Locks both people in the global order (ascending id, see `lock_people`). A relay match
    (`relay=True`) is an introduction the door-opener made personally, so it is made beyond
    capacity and without a shared language or meeting mode; every match needs the two roles,
    two active people and a pair never matched or met before. `score` may be passed when it was
    just computed with the candidate query's numbers (the batch); otherwise the pair is scored
    here by that query.
    """
    if participant_id == door_opener_id:
        raise InvalidInput(
            "a person cannot be matched with themself", field="door_opener_id", value=door_opener_id
        )
    locked = people_repo.lock_people(tx, person_ids=[participant_id, door_opener_id])
    for field, person_id in (
        ("door_opener_id", door_opener_id),
        ("participant_id", participant_id),
    ):
        if person_id not in locked:
            raise InvalidInput(f"no person with id {person_id!r}", field=field, value=person_id)
    facts = repo.pair_facts(tx, participant_id=participant_id, door_opener_id=door_opener_id)
    if facts is None:  # both locked above, so both exist
        raise NotFound(f"no pair {participant_id!r} / {door_opener_id!r}")
    for field, person_id, holds, rule in (
        ("participant_id", participant_id, facts.is_participant, "is not a participant"),
        ("door_opener_id", door_opener_id, facts.is_door_opener, "is not a door-opener"),
        ("participant_id", participant_id, facts.participant_active, "is inactive"),
        ("door_opener_id", door_opener_id, facts.door_opener_active, "is inactive"),
    ):
        if not holds:
            raise NotEligible(f"person {person_id!r} {rule}", field=field, value=person_id)
    if facts.matched_or_met:
        raise Conflict(
            f"participant {participant_id!r} and door-opener {door_opener_id!r} have been "
            "matched or have met before"
        )
    if not relay and facts.open_matches >= facts.max_active_matches:
        raise Conflict(
            f"door-opener {door_opener_id!r} has no free capacity "
            f"({facts.open_matches} open of {facts.max_active_matches})"
        )
    if not relay and not set(facts.participant_languages) & set(facts.door_opener_languages):
        raise NotEligible(
            f"the two share no language (participant: {', '.join(facts.participant_languages)}; "
            f"door-opener: {', '.join(facts.door_opener_languages)})",
            field="door_opener_id",
            value=door_opener_id,
        )
    same_county = bool(set(facts.participant_counties) & set(facts.door_opener_counties))
    mode = pick_mode(facts.participant_modes, facts.door_opener_modes, same_county=same_county)
    if mode is None and not relay:
        raise NotEligible(
            f"the two share no way of meeting (participant: {facts.participant_modes}; "
            f"door-opener: {facts.door_opener_modes})",
            field="door_opener_id",
            value=door_opener_id,
        )
    if score is None:
        scored = repo.score_pair(
            tx,
            participant_id=participant_id,
            door_opener_id=door_opener_id,
            weights=weights or get_settings().weights,
        )
        score = scored.score if scored else 0.0
    match_id = new_id("m")
    repo.create_match(
        tx,
        match_id=match_id,
        participant_id=participant_id,
        door_opener_id=door_opener_id,
        score=score,
        suggested_time=suggest_slot(
            participant=facts.participant_availability,
            door_opener=facts.door_opener_availability,
            busy=facts.busy,
            now=at,
            duration_minutes=DURATION_MINUTES,
        ),
        mode=mode or "digital",
        created_at=at,
        generation=generation,
        relay=relay,
        duration_minutes=DURATION_MINUTES,
    )
    return match_id


def propose(
    graph: Graph, settings: Settings, body: MatchCreate, announcer: Announcer | None = None
) -> Match:
    """Staff's proposal (generation 1): one transaction, then both people are told."""
    at = clock.now()

    def work(tx: Tx) -> str:
        return propose_in_tx(
            tx,
            participant_id=body.participant_id,
            door_opener_id=body.door_opener_id,
            generation=1,
            relay=False,
            at=at,
            weights=settings.weights,
        )

    match_id = graph.transaction(work)
    notify(graph, settings, [match_id], announcer)
    return load_match(graph, match_id)


def get_match(graph: Graph, match_id: str, principal: Principal) -> Match:
    """One match with both people as the caller may see them; `NotFound` names the id."""
    match = load_match(graph, match_id)
    return match.model_copy(
        update={
            "participant": present_person(match.participant, principal),
            "door_opener": present_person(match.door_opener, principal),
        }
    )


def load_match(graph: Graph, match_id: str) -> Match:
    """One match with both people in full (for staff and for the mails)."""
    stored = repo.get_matches(graph, ids=[match_id])
    if not stored:
        raise NotFound(f"no match with id {match_id!r}")
    m = stored[0]
    people = {
        p.id: p for p in people_repo.get_people(graph, ids=[m.participant_id, m.door_opener_id])
    }
    props = m.props
    return Match(
        id=props["id"],
        status=props["status"],
        participant=people[m.participant_id],
        door_opener=people[m.door_opener_id],
        score=props.get("score") or 0.0,
        suggested_time=props.get("suggested_time"),
        duration_minutes=props.get("duration_minutes") or DURATION_MINUTES,
        mode=props.get("mode") or "digital",
        created_at=props["created_at"],
        generation=props.get("generation") or 1,
        notification=props.get("notification") or "pending",
        relay=bool(props.get("relay")),
    )


def notify(
    graph: Graph,
    settings: Settings,
    match_ids: list[str],
    announcer: Announcer | None = None,
    *,
    again: bool = False,
) -> None:
    """Mails both people of each open match and records `sent` or `failed` on it; never raises
    for a mail problem (the match stands and staff can resend). An `announcer` (self-service)
    sends that one mail with the answer links in it instead."""
    if announcer is not None:
        announcer.matches_proposed(graph, match_ids, again=again)
        return
    for match_id in match_ids:
        match = load_match(graph, match_id)
        if match.status not in OPEN_STATUSES:
            log.info("match %s is %s; not notifying", match_id, match.status)
            continue
        try:
            deliver(match_mails(match, sender=settings.mail_from), settings)
        except MailError as exc:
            log.warning("notifying match %s failed: %s", match_id, exc.detail)
            repo.set_notification(
                graph, match_id=match_id, state="failed", error=exc.detail, at=clock.now()
            )
        else:
            repo.set_notification(
                graph, match_id=match_id, state="sent", error=None, at=clock.now()
            )


def resend(
    graph: Graph, settings: Settings, match_id: str, announcer: Announcer | None = None
) -> Match:
    """`POST /matches/{id}/notify`: tells both people again; only while the match is open."""
    match = load_match(graph, match_id)
    if match.status not in OPEN_STATUSES:
        raise Conflict(f"match {match_id!r} is {match.status}; only open matches are notified")
    notify(graph, settings, [match_id], announcer, again=True)
    return load_match(graph, match_id)


def transition(graph: Graph, match_id: str, action: MatchAction, principal: Principal) -> Match:
    """Accept, decline or cancel; any other move is a `Conflict` naming the current status.
    Declined and cancelled matches stop counting against capacity; the pair stays excluded."""
    allowed, status = TRANSITIONS[action]
    before = repo.set_status(
        graph, match_id=match_id, allowed=allowed, status=status, at=clock.now()
    )
    if before is None:
        raise NotFound(f"no match with id {match_id!r}")
    if before not in allowed:
        raise Conflict(
            f"match {match_id!r} is {before}; it can be {status} only when {' or '.join(allowed)}"
        )
    return get_match(graph, match_id, principal)
