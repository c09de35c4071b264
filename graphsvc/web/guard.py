"""Who may see a page: the API's tokens and roles, but a browser without a session is sent to
the login form instead of being shown the API's 401 JSON."""

from __future__ import annotations

from typing import Annotated, Any, Final
from urllib.parse import urlencode

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from graphsvc.api.deps import GraphDep, principal_from
from graphsvc.models.token import Principal

LOGIN_PATH: Final = "/ui/login"
HOME_PATH: Final = "/ui/"
_bearer = HTTPBearer(auto_error=False, description="A token, or the session cookie of /ui/login.")


def safe_next(target: str | None) -> str:
    """Where to go after login: a page of ours, never another site (no open redirect)."""
    if (
        not target
        or not target.startswith("/ui/")
        or target.startswith(LOGIN_PATH)
        or "\\" in target
        or any(ord(c) < 0x20 for c in target)
    ):
        return HOME_PATH
    return target


def login_url(request: Request) -> str:
    """The login form, remembering this page (and its language) to come back to."""
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    query = {"next": here}
    if request.query_params.get("lang") == "en":
        query = {"lang": "en", **query}
    return f"{request.scope.get('root_path', '')}{LOGIN_PATH}?{urlencode(query)}"


def _page_principal(
    request: Request,
    graph: GraphDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    principal = principal_from(request, graph, credentials.credentials if credentials else None)
    if principal is None:
        # A redirect rather than 401: a browser follows it to the form and comes back after.
        raise HTTPException(
            status_code=303, detail="sign in first", headers={"Location": login_url(request)}
        )
    request.state.principal = principal  # for the audit trail, as the API's dependency does
    return principal


PageViewer = Annotated[Principal, Depends(_page_principal)]
"""Every page needs at least the viewer role, which every valid token has."""


def _page_staff(principal: PageViewer) -> Principal:
    if not principal.may("staff"):
        raise HTTPException(
            status_code=403, detail=f"this needs the staff role; your token is {principal.role}"
        )
    return principal


PageStaff = Annotated[Principal, Depends(_page_staff)]
"""Pages for staff only (the waiting list): signed out → the login form; a viewer → 403."""


# What the OpenAPI document says pages and their twins may answer besides 200 and 422.
PAGE_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    303: {"description": "Not signed in: on to the login form, and back here afterwards."}
}
TWIN_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    401: {"description": "Missing or invalid token or session, as for the API."}
}
NOT_FOUND: Final[dict[int | str, dict[str, Any]]] = {404: {"description": "No such id."}}
