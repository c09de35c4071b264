"""`/api/v1/reference/{kind}`: the public standards people refer to."""

from __future__ import annotations

from fastapi import APIRouter

from graphsvc.api.deps import GraphDep, Viewer
from graphsvc.graph import reference
from graphsvc.models.reference import ReferenceKind, ReferenceList

router = APIRouter(prefix="/api/v1/reference", tags=["reference"])


@router.get("/{kind}", response_model=ReferenceList)
def list_reference(kind: ReferenceKind, graph: GraphDep, _: Viewer) -> ReferenceList:
    """Every code of one standard: languages, places, industries or fields."""
    return ReferenceList(items=reference.list_reference(graph, kind=kind))
