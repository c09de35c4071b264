"""The ASGI app object for uvicorn (`graphsvc.api.main:app`)."""

from graphsvc.api.app import create_app

app = create_app()
