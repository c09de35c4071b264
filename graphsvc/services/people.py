"""Signing people up, changing them, listing them, pausing them and erasing them."""

from __future__ import annotations

import secrets
from datetime import datetime

from graphsvc import clock
from graphsvc.errors import InvalidInput, NotEligible, NotFound
from graphsvc.graph import people as repo
from graphsvc.graph import reference
from graphsvc.graph.db import Graph, Tx
from graphsvc.models.person import Person, PersonCreate, PersonExport, PersonPage, PersonUpdate
from graphsvc.services.eligibility import breaches
from graphsvc.services.paging import decode_cursor, encode_cursor


def new_id(prefix: str) -> str:
    """An opaque id: a short kind prefix and 16 random bytes."""
    return f"{prefix}_{secrets.token_hex(16)}"


def check_person(graph: Graph, person: PersonCreate) -> None:
    """Raises for the first broken rule or unknown reference key, naming field and value."""
    found = breaches(person)
    if found:
        first = found[0]
        raise NotEligible(first.rule, field=first.field, value=first.value)
    if person.signed_up_at is not None and person.signed_up_at > clock.today():
        raise InvalidInput(
            f"signed_up_at {person.signed_up_at} lies in the future",
            field="signed_up_at",
            value=str(person.signed_up_at),
        )
    places = [p for p in (person.home_place, person.work_place) if p]
    unknown = reference.unknown_keys(
        graph,
        languages=list(person.languages),
        places=places,
        industries=list(person.industries),
        fields=list(person.education.fields),
    )
    field_names = {
        "languages": "languages",
        "industries": "industries",
        "fields": "education.fields",
    }
    for kind, keys in unknown.items():
        if keys:
            field = field_names.get(kind) or (
                "home_place" if keys[0] == person.home_place else "work_place"
            )
            raise InvalidInput(f"unknown {kind} key {keys[0]!r}", field=field, value=keys[0])


def create_person(graph: Graph, body: PersonCreate, *, active: bool = True) -> Person:
    """Signs a person up in one transaction; a duplicate e-mail is a `Conflict`."""
    check_person(graph, body)
    person_id = new_id("p")
    at = clock.now()

    def work(tx: Tx) -> Person:
        repo.save_person(
            tx, person_id=person_id, person=body, created_at=at, consent_at=at, active=active
        )
        return repo.get_people_tx(tx, ids=[person_id])[0]

    return graph.transaction(work)


def get_person(graph: Graph, person_id: str) -> Person:
    """One person; `NotFound` names the id."""
    found = repo.get_people(graph, ids=[person_id])
    if not found:
        raise NotFound(f"no person with id {person_id!r}")
    return found[0]


def as_create(person: Person) -> PersonCreate:
    """A stored person as a full body, so an update can be validated like a sign-up."""
    return PersonCreate.model_validate(
        {
            **person.model_dump(
                exclude={"id", "active", "erased", "created_at"}, exclude_none=False
            ),
            "name": person.name or "",
            "email": person.email or "erased@example.invalid",
        }
    )


def update_person(graph: Graph, person_id: str, patch: PersonUpdate) -> Person:
    """Applies a partial change under the same rules as a sign-up, in one transaction.

    Withdrawing consent (`consent: false`) is an erasure request: the person is erased.
    """
    current = get_person(graph, person_id)
    if current.erased:
        raise NotFound(f"person {person_id!r} has been erased")
    changes = patch.model_dump(exclude_unset=True)
    if changes.get("consent") is False:
        erase_person(graph, person_id)
        return get_person(graph, person_id)
    merged = PersonCreate.model_validate({**as_create(current).model_dump(), **changes})
    check_person(graph, merged)

    def work(tx: Tx) -> Person:
        if repo.lock_person(tx, person_id=person_id) is None:
            raise NotFound(f"no person with id {person_id!r}")
        repo.save_person(
            tx,
            person_id=person_id,
            person=merged,
            created_at=current.created_at,
            consent_at=clock.now() if "consent" in changes else current.created_at,
            active=current.active,
        )
        return repo.get_people_tx(tx, ids=[person_id])[0]

    return graph.transaction(work)


def list_people(
    graph: Graph,
    *,
    role: str | None = None,
    active: bool | None = None,
    language: str | None = None,
    industry: str | None = None,
    place: str | None = None,
    q: str | None = None,
    search_email: bool = True,
    limit: int = 50,
    cursor: str | None = None,
) -> PersonPage:
    """One page of people, oldest sign-up first; `next_cursor` continues it."""
    after = decode_cursor(cursor) if cursor else None
    rows = repo.list_people_ids(
        graph,
        role=role,
        active=active,
        language=language,
        industry=industry,
        place=place,
        q=q,
        q_email=search_email,
        after=after,
        limit=limit + 1,
    )
    page, more = rows[:limit], len(rows) > limit
    items = repo.get_people(graph, ids=[pid for pid, _ in page])
    next_cursor = encode_cursor(page[-1][1], page[-1][0]) if more and page else None
    return PersonPage(items=items, next_cursor=next_cursor)


def set_active(graph: Graph, person_id: str, *, active: bool) -> Person:
    """Pauses or resumes a person's profile; an erased person stays inactive for good."""
    if not repo.set_active(graph, person_id=person_id, active=active):
        get_person(graph, person_id)
        raise InvalidInput(
            f"person {person_id!r} has been erased and cannot be reactivated",
            field="person_id",
            value=person_id,
            location="path",
        )
    return get_person(graph, person_id)


def erase_person(graph: Graph, person_id: str) -> None:
    """Removes the person's personal data for good; counts and reach stay true."""
    at: datetime = clock.now()

    def work(tx: Tx) -> None:
        if not repo.erase_person(tx, person_id=person_id, erased_at=at):
            raise NotFound(f"no person with id {person_id!r}")

    graph.transaction(work)


def export_person(graph: Graph, person_id: str) -> PersonExport:
    """Everything held on the person, for a subject access request."""
    profile = get_person(graph, person_id)
    edges = repo.export_edges(graph, person_id=person_id)
    return PersonExport(exported_at=clock.now(), profile=profile, **edges)
