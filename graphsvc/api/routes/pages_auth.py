"""`/ui/login`, `/ui/logout` and the files the pages link to.

Login turns a pasted API token into the session cookie (`graphsvc.web.session`), once, so staff
need not send a header from a browser. Logout clears it. Both are form posts without a session,
so both refuse a post whose `Origin` is another site; every other page is a read whose cookie is
SameSite=Strict, so no other site can make a browser send it (see `graphsvc.web.session`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from graphsvc.api.deps import GraphDep
from graphsvc.services import tokens
from graphsvc.web import render, session
from graphsvc.web.guard import LOGIN_PATH, safe_next
from graphsvc.web.words import Lang, words

router = APIRouter(tags=["pages"])


@router.get(LOGIN_PATH, response_class=HTMLResponse, summary="The form to sign in with a token")
def login_form(request: Request, lang: Lang = "sv", next: str | None = None) -> HTMLResponse:
    """Shows the form; `next` is the page to return to afterwards."""
    return _login_page(request, lang, next_page=safe_next(next), error=None, status_code=200)


@router.post(
    LOGIN_PATH,
    response_class=Response,
    status_code=303,
    responses={
        303: {"description": "Signed in; on to `next`."},
        **{
            status: {"description": why, "content": {"text/html": {}}}
            for status, why in ((401, "Wrong token: the form again."), (403, "Foreign origin."))
        },
    },
    summary="Sign in: token → session cookie",
)
def login(
    request: Request,
    graph: GraphDep,
    token: Annotated[str, Form(max_length=500)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",
    lang: Lang = "sv",
) -> Response:
    """Checks the token like any API call; on success sets the cookie and goes to `next`."""
    t = words(lang)
    if not session.same_origin(request):
        return _login_page(request, lang, safe_next(next), t["login_foreign"], status_code=403)
    principal = tokens.authenticate(graph, token.strip()) if token.strip() else None
    if principal is None:
        return _login_page(request, lang, safe_next(next), t["login_failed"], status_code=401)
    root = request.scope.get("root_path", "")
    response = RedirectResponse(root + safe_next(next), status_code=303)
    session.start(response, request, request.app.state.settings, token.strip())
    return response


@router.post(
    "/ui/logout",
    response_class=Response,
    status_code=303,
    responses={
        303: {"description": "Signed out; on to the login form."},
        403: {"description": "The post came from another site."},
    },
    summary="Sign out: clear the session cookie",
)
def logout(request: Request, lang: Lang = "sv") -> Response:
    """Clears the cookie and shows the login form again."""
    if not session.same_origin(request):
        raise HTTPException(status_code=403, detail="sign-out must come from Dörrnät's own pages")
    query = "?lang=en" if lang == "en" else ""
    response = RedirectResponse(
        f"{request.scope.get('root_path', '')}{LOGIN_PATH}{query}", status_code=303
    )
    session.end(response, request)
    return response


@router.get(
    "/ui/static/{name}",
    response_class=Response,
    responses={
        200: {"content": {"text/javascript": {}, "text/css": {}}},
        404: {"description": "No such file."},
    },
    summary="vis-network and the pages' stylesheet, served locally",
)
def static(name: str) -> Response:
    """The few files the pages link to, so that no page loads anything from another host."""
    found = render.static_response(name)
    if found is None:
        raise HTTPException(status_code=404, detail=f"no static file {name!r}")
    return found


def _login_page(
    request: Request, lang: Lang, next_page: str, error: str | None, *, status_code: int
) -> HTMLResponse:
    return render.page(
        request,
        "login.html.j2",
        lang=lang,
        title=words(lang)["login_title"],
        principal=None,
        status_code=status_code,
        next=next_page,
        error=error,
    )
