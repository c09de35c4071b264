"""The staff pages under `/ui`: login, the network map, relay spreads and people.

One router for the app to include; the pages themselves live in `pages_auth`, `pages_map` and
`pages_participant`. `install_session` lets the API's auth dependency read the session cookie.
"""

from __future__ import annotations

from fastapi import APIRouter, FastAPI

from graphsvc.api.routes import pages_auth, pages_map, pages_participant
from graphsvc.settings import Settings
from graphsvc.web import session

router = APIRouter()
for _module in (pages_auth, pages_map, pages_participant):
    router.include_router(_module.router)


def install_session(app: FastAPI, settings: Settings) -> None:
    """Accepts the pages' signed session cookie wherever a bearer token is accepted."""
    session.install(app, settings)
