"""`/ui/`: the staff network map, and `/ui/map.json`, its JSON twin with the same filters.

Both go through `services.netmap.network_map` with the same `MapFilters`, so the page always
draws exactly what its twin returns; the page then filters, searches and replays in the browser.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import ValidationInfo, field_validator

from graphsvc.api.deps import GraphDep, Viewer
from graphsvc.models.netmap import MAP_MAX_LIMIT, MapFilters, NetworkMap
from graphsvc.privacy import sees_contact_details
from graphsvc.services.netmap import network_map
from graphsvc.web import render
from graphsvc.web.guard import PAGE_RESPONSES, TWIN_RESPONSES, PageViewer
from graphsvc.web.words import Lang, words
from viz.netmap import render_map

router = APIRouter(tags=["pages"])


class MapQuery(MapFilters):
    """The map's filters plus the page language, so an unknown parameter is still a 422."""

    lang: Lang = "sv"

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_left_out(cls, value: object, info: ValidationInfo) -> object:
        """A form sends its empty fields as `name=`; empty means the same as left out."""
        if value == "" and info.field_name is not None:
            return cls.model_fields[info.field_name].default
        return value


Filters = Annotated[MapQuery, Query()]


@router.get(
    "/ui/",
    response_class=HTMLResponse,
    responses=PAGE_RESPONSES,
    summary="The network map (page)",
)
def map_page(request: Request, graph: GraphDep, who: PageViewer, filters: Filters) -> HTMLResponse:
    """Everyone passing the filters and their connections, explored in the browser."""
    lang = filters.lang
    found = network_map(graph, filters, full_names=sees_contact_details(who))
    selected = filters.model_dump(
        exclude_defaults=True, exclude={"lang"}, by_alias=True, mode="json"
    )
    twin = urlencode({**selected, **({"lang": "en"} if lang == "en" else {})})
    return render.page(
        request,
        "map.html.j2",
        lang=lang,
        title=words(lang)["map_title"],
        principal=who,
        picture_script="map.js",
        picture=render.fragment(render_map(found, lang=lang, standalone=False)),
        filters=filters,
        selected=bool(selected),
        max_limit=MAP_MAX_LIMIT,
        truncated=found.truncated,
        shown=len(found.nodes),
        json_url=f"{request.scope.get('root_path', '')}/ui/map.json" + (f"?{twin}" if twin else ""),
    )


@router.get(
    "/ui/map.json",
    response_model=NetworkMap,
    responses=TWIN_RESPONSES,
    summary="The network map (JSON twin)",
)
def map_json(graph: GraphDep, who: Viewer, filters: Filters) -> NetworkMap:
    """The data `/ui/` draws for the same filters; viewers get initials instead of names."""
    return network_map(graph, filters, full_names=sees_contact_details(who))
