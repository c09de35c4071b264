"""`/api/v1/audit`: the audit trail, for admins."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graphsvc.api.deps import Admin, GraphDep
from graphsvc.models.audit import AuditPage
from graphsvc.services import audit

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get("", response_model=AuditPage)
def list_audit(
    graph: GraphDep,
    _: Admin,
    target_id: Annotated[str | None, Query(max_length=100)] = None,
    token_name: Annotated[str | None, Query(max_length=100)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
) -> AuditPage:
    """Who wrote what, and who read contact details, newest first."""
    return audit.list_events(
        graph, target_id=target_id, token_name=token_name, limit=limit, cursor=cursor
    )
