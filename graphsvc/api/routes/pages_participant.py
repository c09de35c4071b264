"""`/ui/participants/{id}`: one participant's relay spread, and `/ui/people/{id}`: one person.

Each page has a `.json` twin holding exactly the data the page shows. The spread comes from the
relay service's `get_network`, the same answer as `GET /api/v1/participants/{id}/network`, and
names are shortened there for viewers; the person page goes through `graphsvc.privacy`.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from graphsvc.api.deps import GraphDep, Viewer
from graphsvc.models.network import Network
from graphsvc.models.person import Person
from graphsvc.privacy import present_person, sees_contact_details
from graphsvc.services import network, people
from graphsvc.web import render
from graphsvc.web.guard import NOT_FOUND, PAGE_RESPONSES, TWIN_RESPONSES, PageViewer
from graphsvc.web.names import named
from graphsvc.web.relay_lists import rows
from graphsvc.web.words import Lang, words
from viz.spread import render_spread

router = APIRouter(tags=["pages"])
PERSON: dict[str, Any] = {"response_model": Person, "response_model_exclude_unset": True}


# The `.json` twins come first: `{participant_id}` alone would also match `p_1.json`.
@router.get(
    "/ui/participants/{participant_id}.json",
    response_model=Network,
    responses={**TWIN_RESPONSES, **NOT_FOUND},
    summary="A participant's relay spread (JSON twin)",
)
def spread_json(participant_id: str, graph: GraphDep, who: Viewer) -> Network:
    """The relay tree and reach that the spread page draws and lists."""
    return network.get_network(graph, participant_id, who)


@router.get(
    "/ui/participants/{participant_id}",
    response_class=HTMLResponse,
    responses={**PAGE_RESPONSES, **NOT_FOUND},
    summary="A participant's relay spread (page)",
)
def spread_page(
    participant_id: str, request: Request, graph: GraphDep, who: PageViewer, lang: Lang = "sv"
) -> HTMLResponse:
    """The spread with its reach, and the meetings, doors and people listed under it."""
    tree = network.get_network(graph, participant_id, who)
    root = next((n.label for n in tree.nodes if n.id == tree.participant_id), participant_id)
    picture = render_spread(tree, lang=lang, viewer=not sees_contact_details(who), standalone=False)
    return render.page(
        request,
        "participant.html.j2",
        lang=lang,
        title=f"{words(lang)['spread_title']} – {root}",
        principal=who,
        picture_script="spread.js",
        picture=render.fragment(picture),
        network=tree,
        meetings=rows(tree, "MET"),
        doors=rows(tree, "OPENED_DOOR"),
    )


@router.get(
    "/ui/people/{person_id}.json",
    summary="One person (JSON twin)",
    responses={**TWIN_RESPONSES, **NOT_FOUND},
    **PERSON,
)
def person_json(person_id: str, graph: GraphDep, who: Viewer) -> Person:
    """The person as the page shows them: contact details for staff only."""
    return present_person(people.get_person(graph, person_id), who)


@router.get(
    "/ui/people/{person_id}",
    response_class=HTMLResponse,
    responses={**PAGE_RESPONSES, **NOT_FOUND},
    summary="One person (page)",
)
def person_page(
    person_id: str, request: Request, graph: GraphDep, who: PageViewer, lang: Lang = "sv"
) -> HTMLResponse:
    """Who the person is in the programme; e-mail and phone only for staff."""
    person = present_person(people.get_person(graph, person_id), who)
    t = words(lang)
    return render.page(
        request,
        "person.html.j2",
        lang=lang,
        title=person.name or t["erased"],
        principal=who,
        person=person,
        contact=sees_contact_details(who),
        named=named,
    )
