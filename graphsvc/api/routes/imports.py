"""`/api/v1/import/{kind}`: staff send one CSV file as the request body.

The body limit (`GRAPHSVC_MAX_BODY_BYTES`, 1 MB by default) bounds a request to a few thousand
rows; larger histories go through `graphsvc import`, which reads files of any size. A file with
bad rows is a 422 in FastAPI's own error shape, one entry per bad row and column, with `loc`
`["body", line, column]`, so clients parse one error format everywhere.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from graphsvc.api.deps import GraphDep, Staff
from graphsvc.importing.report import ImportKind, ImportReport, RowsRejected
from graphsvc.importing.service import import_text

router = APIRouter(prefix="/api/v1/import", tags=["import"])

_CSV_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "The CSV file, UTF-8, with a header line; columns as in the README.",
    }
}
_REJECTED: dict[int | str, dict[str, Any]] = {
    422: {"description": 'Bad rows: nothing was written. `loc` is `["body", line, column]`.'}
}


def rejected_body(report: ImportReport) -> dict[str, Any]:
    """The FastAPI-shaped 422 body: every bad row and column, by line."""
    return {
        "detail": [
            {
                "loc": ["body", e.line, *([e.field] if e.field else [])],
                "msg": e.reason,
                "type": "value_error",
                "input": e.value if e.value is None else str(e.value),
            }
            for e in report.rejected
        ]
    }


@router.post("/{kind}", response_model=ImportReport, openapi_extra=_CSV_BODY, responses=_REJECTED)
async def import_csv(
    kind: ImportKind,
    request: Request,
    graph: GraphDep,
    _: Staff,
    skip_bad: Annotated[
        bool, Query(description="Write the good rows; the bad ones are listed in `rejected`.")
    ] = False,
) -> ImportReport | JSONResponse:
    """Imports one file of people, matches, meetings, doors or follow-ups; idempotent."""
    raw = await request.body()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return JSONResponse(
            {
                "detail": [
                    {
                        "loc": ["body"],
                        "msg": "the file is not UTF-8 text",
                        "type": "value_error",
                        "input": None,
                    }
                ]
            },
            status_code=422,
        )
    try:
        result = await run_in_threadpool(import_text, graph, kind, text, skip_bad=skip_bad)
    except RowsRejected as exc:
        return JSONResponse(rejected_body(exc.report), status_code=422)
    return result.report
