"""The FastAPI application: one driver per process, opened and checked in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from graphsvc.api import access_log, audit, errors
from graphsvc.api.routes import audit as audit_routes
from graphsvc.api.routes import health, people, reference
from graphsvc.api.routes import imports as import_routes
from graphsvc.api.routes import join as join_routes
from graphsvc.api.routes import links as link_routes
from graphsvc.api.routes import matches as match_routes
from graphsvc.api.routes import meetings as meeting_routes
from graphsvc.api.routes import pages as page_routes
from graphsvc.api.routes import relays as relay_routes
from graphsvc.api.routes import reports as report_routes
from graphsvc.api.routes import waiting as waiting_routes
from graphsvc.connection import open_graph
from graphsvc.errors import Unavailable
from graphsvc.graph.db import Graph
from graphsvc.services import tokens
from graphsvc.services.bootstrap import prepare_database
from graphsvc.settings import Settings, get_settings

log = logging.getLogger("graphsvc")


class BodyLimit:
    """Refuses a request whose declared body is over `max_bytes` with a 413, before it is read.

    Plain ASGI, not `@app.middleware("http")`, whose extra tasks and streams cost every request.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope["headers"]:
                if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                    refusal = JSONResponse(
                        {"detail": f"request body over {self.max_bytes} bytes"}, status_code=413
                    )
                    await refusal(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def create_app(settings: Settings | None = None, graph: Graph | None = None) -> FastAPI:
    """Builds the app; tests pass their own `graph`, the server opens one from settings."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # A graph given here, or attached to the app beforehand (tests), is the caller's to close.
        given: Graph | None = graph or getattr(app.state, "graph", None)
        opened = None if given else open_graph(settings)
        app.state.graph = given or opened
        try:
            app.state.graph.verify()
            prepare_database(app.state.graph)
        except Unavailable:
            log.warning("Neo4j is not reachable at start-up; /health reports it until it is")
        yield
        if opened is not None:
            opened.close()

    app = FastAPI(
        title="Dörrnät",
        version="1",
        summary="Matching door-openers with participants, and following every relay of doors.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    access_log.install()
    tokens.RECENT.seconds = settings.token_cache_seconds
    errors.install(app)
    audit.install(app)
    page_routes.install_session(app, settings)

    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)

    for module in (
        health,
        reference,
        people,
        match_routes,
        audit_routes,
        page_routes,
        import_routes,
        report_routes,
        meeting_routes,
        relay_routes,
        join_routes,
        link_routes,
        waiting_routes,
    ):
        app.include_router(module.router)
    return app
