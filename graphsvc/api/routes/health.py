"""`/health`: open to all, says whether the graph database answers."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from graphsvc.api.deps import GraphDep
from graphsvc.errors import Unavailable

router = APIRouter(tags=["health"])


@router.get("/health", summary="Whether the service and its Neo4j answer")
def health(graph: GraphDep) -> JSONResponse:
    """200 `{"status": "ok"}` when Neo4j answers, else 503 with `Retry-After`."""
    try:
        graph.verify()
    except Unavailable:
        return JSONResponse(
            {"status": "unavailable", "neo4j": "down"},
            status_code=503,
            headers={"Retry-After": "5"},
        )
    return JSONResponse({"status": "ok", "neo4j": "up"})
