"""`/api/v1/people`: sign-up, profile changes, the list, pausing and erasure."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from graphsvc.api.deps import Admin, GraphDep, Staff, Viewer
from graphsvc.models.person import Person, PersonCreate, PersonExport, PersonPage, PersonUpdate
from graphsvc.privacy import present_person, sees_contact_details
from graphsvc.services import people

router = APIRouter(prefix="/api/v1/people", tags=["people"])
PERSON: dict[str, Any] = {"response_model": Person, "response_model_exclude_unset": True}


@router.post("", status_code=201, **PERSON)
def create_person(body: PersonCreate, graph: GraphDep, _: Staff) -> Person:
    """Signs up a door-opener, a participant, or someone who is both."""
    return people.create_person(graph, body)


@router.get("", response_model=PersonPage, response_model_exclude_unset=True)
def list_people(
    graph: GraphDep,
    who: Viewer,
    role: Literal["door_opener", "participant"] | None = None,
    industry: Annotated[str | None, Query(max_length=2)] = None,
    place: Annotated[str | None, Query(max_length=4)] = None,
    language: Annotated[str | None, Query(max_length=2)] = None,
    active: bool | None = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> PersonPage:
    """People filtered by role, industry, place (municipality or county), language, activity,
    or a search in name (and, for staff, e-mail); paged by cursor."""
    page = people.list_people(
        graph,
        role=role,
        active=active,
        language=language,
        industry=industry,
        place=place,
        q=q,
        search_email=sees_contact_details(who),
        limit=limit,
        cursor=cursor,
    )
    return PersonPage(
        items=[present_person(p, who) for p in page.items], next_cursor=page.next_cursor
    )


@router.get("/{person_id}", **PERSON)
async def get_person(person_id: str, graph: GraphDep, who: Viewer) -> Person:
    """One person, as the caller's role may see them.

    The API's busiest read, so `async` with only the database read in a thread: for a plain
    `def` route FastAPI hands the route and then the check of its answer to the thread pool,
    two hand-overs where one will do.
    """
    return present_person(await run_in_threadpool(people.get_person, graph, person_id), who)


@router.get("/{person_id}/export", response_model=PersonExport)
def export(person_id: str, graph: GraphDep, _: Staff) -> PersonExport:
    """Everything held on the person (a subject access request), for staff to hand over."""
    return people.export_person(graph, person_id)


@router.patch("/{person_id}", **PERSON)
def update_person(person_id: str, body: PersonUpdate, graph: GraphDep, _: Staff) -> Person:
    """Changes some fields; the programme's rules hold for the result."""
    return people.update_person(graph, person_id, body)


@router.post("/{person_id}/deactivate", **PERSON)
def deactivate(person_id: str, graph: GraphDep, _: Staff) -> Person:
    """Pauses the profile: no new matches until reactivated."""
    return people.set_active(graph, person_id, active=False)


@router.post("/{person_id}/reactivate", **PERSON)
def reactivate(person_id: str, graph: GraphDep, _: Staff) -> Person:
    """Opens the profile for new matches again."""
    return people.set_active(graph, person_id, active=True)


@router.delete("/{person_id}", status_code=204, response_class=Response)
def erase(person_id: str, graph: GraphDep, _: Admin) -> Response:
    """Erasure: personal data removed for good, the anonymous member kept for counts."""
    people.erase_person(graph, person_id)
    return Response(status_code=204)
