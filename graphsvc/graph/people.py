"""The people repository: reads and writes person nodes through named Cypher."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from graphsvc.graph.convert import date_from_text, datetime_from_text, native
from graphsvc.graph.db import Graph, Tx
from graphsvc.graph.queries import queries
from graphsvc.models.person import EDUCATION_RANK, Education, Person, PersonCreate

Q = queries.people


def _props(person: PersonCreate, *, created_at: datetime, consent_at: datetime) -> dict[str, Any]:
    """The node's own properties; edges carry the reference keys."""
    return {
        "name": person.name,
        "name_lower": person.name.casefold(),
        "email": str(person.email),
        "email_norm": str(person.email).strip().casefold(),
        "phone": person.phone,
        "education_level": person.education.level,
        "education_rank": EDUCATION_RANK[person.education.level],
        "work_years": person.work_years,
        "years_in_sweden": person.years_in_sweden,
        "foreign_background": person.foreign_background,
        "residence_permit": person.residence_permit,
        "established_in_sweden": person.established_in_sweden,
        "retired": person.retired,
        "meeting_modes": list(person.meeting_modes),
        "max_active_matches": person.max_active_matches,
        "availability_json": json.dumps([s.model_dump() for s in person.availability]),
        "notes": person.notes,
        "consent": person.consent,
        "consent_at": consent_at,
        "created_at": created_at,
        "signed_up_at": person.signed_up_at or created_at.date(),
    }


def person_row(
    *,
    person_id: str,
    person: PersonCreate,
    created_at: datetime,
    consent_at: datetime,
    active: bool,
) -> dict[str, Any]:
    """One row of `save_person`: the node's properties and the keys its edges point to."""
    props = _props(person, created_at=created_at, consent_at=consent_at)
    props["active"] = active
    return {
        "id": person_id,
        "props": props,
        "roles": list(person.roles),
        "languages": list(person.languages),
        "industries": list(person.industries),
        "fields": list(person.education.fields),
        "home_place": person.home_place,
        "work_place": person.work_place,
    }


def save_people(tx: Tx, *, rows: list[dict[str, Any]]) -> None:
    """Writes a batch of `person_row`s inside the caller's transaction (UNWIND)."""
    tx.run(Q.save_person, rows=rows)
    keep_neighbour_keys(tx, person_ids=[row["id"] for row in rows])


def keep_neighbour_keys(tx: Tx, *, person_ids: list[str]) -> None:
    """Stores on these people the keys their edges reach, which the candidate query scores by;
    every writer of those edges calls it in the transaction that wrote them."""
    tx.run(Q.keep_neighbour_keys, ids=person_ids)


def save_person(
    tx: Tx,
    *,
    person_id: str,
    person: PersonCreate,
    created_at: datetime,
    consent_at: datetime,
    active: bool,
) -> None:
    """Writes the whole person inside the caller's transaction."""
    row = person_row(
        person_id=person_id,
        person=person,
        created_at=created_at,
        consent_at=consent_at,
        active=active,
    )
    save_people(tx, rows=[row])


def to_person(p: dict[str, Any]) -> Person:
    """A `get_people` row as a `Person` (its temporals come as text)."""
    return Person(
        id=p["id"],
        name=p.get("name"),
        email=p.get("email"),
        phone=p.get("phone"),
        roles=p["roles"],
        languages=p["languages"],
        home_place=p.get("home_place"),
        work_place=p.get("work_place"),
        industries=p["industries"],
        education=Education(level=p["education_level"], fields=p["fields"]),
        work_years=p["work_years"],
        years_in_sweden=p.get("years_in_sweden"),
        foreign_background=p["foreign_background"],
        residence_permit=p["residence_permit"],
        established_in_sweden=p["established_in_sweden"],
        retired=p["retired"],
        meeting_modes=p["meeting_modes"],
        max_active_matches=p["max_active_matches"],
        availability=json.loads(p.get("availability_json") or "[]"),
        notes=p.get("notes"),
        consent=p["consent"],
        active=p["active"],
        erased=bool(p.get("erased", False)),
        created_at=datetime_from_text(p["created_at"]),
        signed_up_at=date_from_text(p.get("signed_up_at")),
    )


def get_people_tx(tx: Tx, *, ids: list[str]) -> list[Person]:
    """People by id inside a transaction, in the order given; unknown ids are left out."""
    return [to_person(r["person"]) for r in tx.run(Q.get_people, ids=ids)]


def get_people(graph: Graph, *, ids: list[str]) -> list[Person]:
    """People by id, in the order given; unknown ids are left out (one round trip)."""
    return [to_person(r["person"]) for r in graph.lookup(Q.get_people, ids=ids)]


def list_people_ids(
    graph: Graph,
    *,
    role: str | None,
    active: bool | None,
    language: str | None,
    industry: str | None,
    place: str | None,
    q: str | None,
    q_email: bool,
    after: tuple[datetime, str] | None,
    limit: int,
) -> list[tuple[str, datetime]]:
    """One page of (id, created_at), `limit` long at most."""
    rows = graph.read(
        Q.list_people,
        role=role,
        active=active,
        language=language,
        industry=industry,
        place=place,
        q=q.casefold() if q else None,
        q_email=q_email,
        after_created=after[0] if after else None,
        after_id=after[1] if after else None,
        limit=limit,
    )
    return [(r["id"], native(r["created_at"])) for r in rows]


def lock_people(tx: Tx, *, person_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Takes the write locks of these people in ascending id order, in one statement; returns
    the people found by id (an unknown id is left out).

    Every transaction that locks more than one person locks them all here, before it writes to
    any of them or adds an edge between them (an edge locks both ends too), so that two
    transactions always want their people in the same order and never deadlock on each other.
    Locks already held by the transaction are taken again at no cost.
    """
    rows = tx.run(Q.lock_people, ids=sorted(set(person_ids)))
    return {row["id"]: row for row in rows}


def lock_person(tx: Tx, *, person_id: str) -> dict[str, Any] | None:
    """Takes one person's write lock; None when there is no such person."""
    return lock_people(tx, person_ids=[person_id]).get(person_id)


def set_active(graph: Graph, *, person_id: str, active: bool) -> bool:
    """Sets `active`; False when the person does not exist or is erased (reactivation)."""
    return bool(graph.write(Q.set_active, id=person_id, active=active))


def erase_person(tx: Tx, *, person_id: str, erased_at: datetime) -> bool:
    """Removes the person's personal data for good, keeping the anonymous node."""
    return bool(tx.run(Q.erase_person, id=person_id, erased_at=erased_at))


def export_edges(graph: Graph, *, person_id: str) -> dict[str, list[dict[str, Any]]]:
    """The person's matches, meetings and doors, as stored."""
    rows = graph.read(Q.export_person, id=person_id)
    return native(rows[0]) if rows else {"matches": [], "meetings": [], "doors": []}
