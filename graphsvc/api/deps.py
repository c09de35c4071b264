"""What routes receive by injection: the graph and the calling principal.

Both are `async` so that FastAPI runs them on the event loop: a plain `def` dependency runs in
the thread pool, and each hand-over to a thread and back cost a busy worker more CPU than
checking a remembered token does. Only a token not checked recently goes to a thread, for its
database read.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.concurrency import run_in_threadpool

from graphsvc.graph.db import Graph
from graphsvc.models.token import Principal, Role
from graphsvc.services import tokens

_bearer = HTTPBearer(auto_error=False, description="A token from `graphsvc token create`.")


async def get_graph(request: Request) -> Graph:
    """The process's one `Graph`, opened in the app's lifespan."""
    graph: Graph = request.app.state.graph
    return graph


GraphDep = Annotated[Graph, Depends(get_graph)]


def principal_from(request: Request, graph: Graph, header: str | None) -> Principal | None:
    """The caller from a bearer token or, for pages, from the signed session cookie."""
    if header:
        return tokens.authenticate(graph, header)
    reader = getattr(request.app.state, "session_reader", None)
    if reader is not None:
        token = reader(request)
        if token:
            return tokens.authenticate(graph, token)
    return None


def _require(role: Role):  # type: ignore[no-untyped-def]
    async def dependency(
        request: Request,
        graph: GraphDep,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Principal:
        header = credentials.credentials if credentials else None
        principal = tokens.recall(header) if header else None
        if principal is None:
            principal = await run_in_threadpool(principal_from, request, graph, header)
        if principal is None:
            raise HTTPException(
                status_code=401,
                detail="missing or invalid token: send `Authorization: Bearer <token>`",
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not principal.may(role):
            raise HTTPException(
                status_code=403,
                detail=f"this needs the {role} role; your token is {principal.role}",
            )
        request.state.principal = principal
        return principal

    return dependency


Viewer = Annotated[Principal, Depends(_require("viewer"))]
Staff = Annotated[Principal, Depends(_require("staff"))]
Admin = Annotated[Principal, Depends(_require("admin"))]
