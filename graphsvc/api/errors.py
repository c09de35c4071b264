"""Domain errors to HTTP, in one place, with one JSON shape.

422s use FastAPI's own shape (`detail` is a list of `loc`/`msg`/`type`) so clients parse one
format whether pydantic or a programme rule refused the input; 404, 409 and 503 carry a readable
`detail` string. Values are echoed only as the caller sent them, never from storage.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graphsvc.errors import Busy, Conflict, DomainError, InvalidInput, NotFound, Unavailable

log = logging.getLogger("graphsvc.api")
RETRY_AFTER_SECONDS = "5"
UNAVAILABLE = (
    "the graph database is not reachable just now; try again in a few seconds "
    "(operators: check that Neo4j is running, e.g. `graphsvc db status`)"
)
BUSY = (
    "the graph database is busy with concurrent changes just now and nothing was written; "
    "try again in a few seconds"
)


def invalid_body(exc: InvalidInput) -> dict[str, object]:
    """The FastAPI-shaped 422 body for a rule the service checked itself."""
    return {
        "detail": [
            {
                "loc": [exc.location, *exc.field.split(".")],
                "msg": exc.detail,
                "type": "value_error",
                "input": exc.value,
            }
        ]
    }


def install(app: FastAPI) -> None:
    """Registers the handlers on the app."""

    @app.exception_handler(InvalidInput)
    async def _invalid(_: Request, exc: InvalidInput) -> JSONResponse:
        return JSONResponse(invalid_body(exc), status_code=422)

    @app.exception_handler(NotFound)
    async def _not_found(_: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=404)

    @app.exception_handler(Conflict)
    async def _conflict(_: Request, exc: Conflict) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=409)

    @app.exception_handler(Unavailable)
    async def _unavailable(_: Request, exc: DomainError) -> JSONResponse:
        log.warning("neo4j unavailable: %s", type(exc).__name__)
        return JSONResponse(
            {"detail": UNAVAILABLE}, status_code=503, headers={"Retry-After": RETRY_AFTER_SECONDS}
        )

    @app.exception_handler(Busy)
    async def _busy(_: Request, exc: DomainError) -> JSONResponse:
        log.warning("neo4j busy after retries: %s", exc.detail)
        return JSONResponse(
            {"detail": BUSY}, status_code=503, headers={"Retry-After": RETRY_AFTER_SECONDS}
        )

    @app.exception_handler(ServiceUnavailable)
    async def _driver_unavailable(_: Request, exc: ServiceUnavailable) -> JSONResponse:
        log.warning("neo4j unavailable: %s", type(exc).__name__)
        return JSONResponse(
            {"detail": UNAVAILABLE}, status_code=503, headers={"Retry-After": RETRY_AFTER_SECONDS}
        )

    @app.exception_handler(SessionExpired)
    async def _session_expired(_: Request, exc: SessionExpired) -> JSONResponse:
        return JSONResponse(
            {"detail": UNAVAILABLE}, status_code=503, headers={"Retry-After": RETRY_AFTER_SECONDS}
        )
