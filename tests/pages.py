"""What the pages' HTTP tests share: a client signed in through the form, and page parsing."""

from __future__ import annotations

import json
import re
from typing import Any

from fastapi.testclient import TestClient

from graphsvc.graph.db import Graph
from graphsvc.services import tokens

# A src/href/action that leaves the service, as the visualiser's own tests define it.
OUTSIDE = re.compile(r"""(?:\b(?:src|href|action)\s*=\s*["']?\s*)(?:https?:)?//""", re.I)


def signed_in(app_client: TestClient, graph: Graph, role: str) -> TestClient:
    """A client that signed in through the form, so it holds only the session cookie."""
    client = TestClient(app_client.app, base_url=str(app_client.base_url))
    token = tokens.create_token(graph, role=role, name=f"page {role}")
    response = client.post("/ui/login", data={"token": token}, follow_redirects=False)
    assert response.status_code == 303
    return client


def embedded(html: str, block: str) -> Any:
    """A page's JSON data block, read as the page's own script reads it."""
    found = re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', html)
    assert found, f"no data block {block}"
    return json.loads(found.group(1))
