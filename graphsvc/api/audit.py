"""The audit trail as middleware: one place sees every request after its route has run.

The guarantee: no audited answer leaves the service unless its event is committed. The event is
stored when the route's response starts, before any of it is sent; when it cannot be stored the
caller gets a 503 (with `Retry-After`) instead of the answer. For a read that means nothing was
shown; for a write it means the change may have been made while its answer was withheld, the
same as an answer lost on the network, and the caller should read again before retrying.

It is plain ASGI rather than `@app.middleware("http")`: Starlette's `BaseHTTPMiddleware` runs
each request through extra tasks and streams, which cost every request, audited or not, time
that the service's own work does not.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graphsvc.api.errors import RETRY_AFTER_SECONDS
from graphsvc.models.token import Principal
from graphsvc.services import audit

log = logging.getLogger("graphsvc.audit")
NOT_RECORDED = (
    "the audit trail could not record this request, so its answer is withheld; "
    "try again in a few seconds"
)


class AuditTrail:
    """Records each audited request's event before its response is let through."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        withheld = False

        async def send_once_recorded(message: Message) -> None:
            nonlocal withheld
            if withheld:  # the route's answer after a refusal: dropped, never sent
                return
            if message["type"] == "http.response.start" and not await _recorded(
                scope, message["status"]
            ):
                withheld = True
                await _refuse(send)
                return
            await send(message)

        await self.app(scope, receive, send_once_recorded)


async def _recorded(scope: Scope, status: int) -> bool:
    """True when the request needs no event or its event is committed."""
    state: dict[str, Any] = scope.get("state") or {}
    principal: Principal | None = state.get("principal")
    route = getattr(scope.get("route"), "path", None)
    method: str = scope["method"]
    if principal is None or route is None:
        return True
    if not audit.is_audited(method=method, route=route, principal=principal):
        return True
    try:
        await audit.record(
            scope["app"].state.graph,
            principal=principal,
            method=method,
            route=route,
            path_params=dict(scope.get("path_params") or {}),
            status=status,
        )
    except Exception as exc:  # whatever stopped the write, the answer must not go out
        log.error("audit event not recorded for %s %s: %s", method, route, type(exc).__name__)
        return False
    return True


async def _refuse(send: Send) -> None:
    """A 503 in the API's error shape, in place of the answer."""
    body = json.dumps({"detail": NOT_RECORDED}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 503,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"retry-after", RETRY_AFTER_SECONDS.encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def install(app: FastAPI) -> None:
    """Adds the audit trail to the app's middleware."""
    app.add_middleware(AuditTrail)
