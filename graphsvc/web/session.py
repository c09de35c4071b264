"""The staff pages' session: the API token, signed into an expiring HttpOnly cookie.

The cookie holds the token itself (signed with `settings.session_secret`, never stored
server-side) rather than who it belonged to, so every page request checks the token again: a
revoked token ends its sessions at once in the process that revokes it and within
`GRAPHSVC_TOKEN_CACHE_SECONDS` everywhere else (see `graphsvc.services.tokens`), and the service
keeps no session state, which is what lets it run as many replicas as needed. The signature also
carries the time it was made, so a stolen or forgotten cookie stops working after
`SESSION_SECONDS` even if the browser keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final
from urllib.parse import urlsplit

from fastapi import FastAPI, Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from graphsvc.settings import Settings

COOKIE: Final = "dorrnat_session"
SESSION_SECONDS: Final = 8 * 60 * 60  # one working day
_SALT: Final = "dorrnat.ui.session"

SessionReader = Callable[[Request], str | None]


def _serializer(settings: Settings) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.session_secret.get_secret_value(), salt=_SALT)


def session_reader(settings: Settings) -> SessionReader:
    """Request → the token in its valid session cookie, or None (missing, forged or expired)."""
    serializer = _serializer(settings)

    def read(request: Request) -> str | None:
        value = request.cookies.get(COOKIE)
        if not value:
            return None
        try:
            token = serializer.loads(value, max_age=SESSION_SECONDS)
        except BadSignature:  # also SignatureExpired, its subclass
            return None
        return token if isinstance(token, str) else None

    return read


def install(app: FastAPI, settings: Settings) -> None:
    """Lets `graphsvc.api.deps` accept the session cookie wherever it accepts a bearer token."""
    app.state.session_reader = session_reader(settings)


def start(response: Response, request: Request, settings: Settings, token: str) -> None:
    """Sets the session cookie for `token` on `response`.

    HttpOnly keeps it from page scripts; SameSite=Strict keeps browsers from sending it with any
    request another site starts, which is the pages' defence against cross-site request forgery;
    Secure whenever the page came over https, so it is never sent in the clear after that.
    """
    response.set_cookie(
        COOKIE,
        _serializer(settings).dumps(token),
        max_age=SESSION_SECONDS,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def end(response: Response, request: Request) -> None:
    """Removes the session cookie (same attributes, so the browser matches and drops it)."""
    response.delete_cookie(
        COOKIE,
        path="/",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def same_origin(request: Request) -> bool:
    """Whether a form post came from our own pages (or from no browser page at all).

    Login and logout work without a session, so SameSite does not cover them: a foreign page
    could post a form to log staff out, or in under someone else's token. Browsers send `Origin`
    with every POST; a foreign one is refused, a missing one (curl, tests) is allowed.
    """
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")
