"""The audit trail as middleware: one place sees every request after its route has run."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from starlette.concurrency import run_in_threadpool

from graphsvc.errors import DomainError
from graphsvc.models.token import Principal
from graphsvc.services import audit

log = logging.getLogger("graphsvc.audit")


def install(app: FastAPI) -> None:
    """Records audited requests after they are answered (the principal is known by then)."""

    @app.middleware("http")
    async def audit_trail(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        principal: Principal | None = getattr(request.state, "principal", None)
        route = getattr(request.scope.get("route"), "path", None)
        if principal is None or route is None:
            return response
        if not audit.is_audited(method=request.method, route=route, principal=principal):
            return response
        try:
            await run_in_threadpool(
                audit.record,
                request.app.state.graph,
                principal=principal,
                method=request.method,
                route=route,
                path_params=dict(request.path_params),
                status=response.status_code,
            )
        except DomainError:
            log.warning("audit event not recorded for %s %s", request.method, route)
        return response
