"""Every operation the service documents, read from its own OpenAPI schema.

Walking `app.routes` is not stable across FastAPI versions (included routers are wrapped), the
schema is: every route the tests must hold to a rule is in it.
"""

from __future__ import annotations

from fastapi import FastAPI


def operations(app: FastAPI) -> list[tuple[str, str]]:
    """(METHOD, path template) for every documented operation."""
    return [
        (method.upper(), path)
        for path, item in app.openapi()["paths"].items()
        for method in item
        if method.upper() in {"GET", "POST", "PUT", "PATCH", "DELETE"}
    ]
