"""The server's access log never shows a self-service link's token: a real uvicorn serves the
app, and the line it logs for a link is read back from the access logger."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn

from graphsvc.api.access_log import REDACTED, redact
from graphsvc.api.app import create_app
from graphsvc.graph.db import Graph
from graphsvc.selfservice.context import SelfService
from graphsvc.settings import Settings
from tests.test_selfservice_kit import free_port, self_settings


class Lines(logging.Handler):
    """Keeps every formatted line of the logger it is attached to."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def served(graph: Graph, settings: Settings) -> Iterator[tuple[str, SelfService, Lines]]:
    """The app behind a real uvicorn on loopback, with the access log captured."""
    ctx = SelfService.build(settings, self_settings())
    app = create_app(settings, graph=graph)
    app.state.selfservice = ctx
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="info"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    lines = Lines()
    access = logging.getLogger("uvicorn.access")
    access.addHandler(lines)
    try:
        yield f"http://127.0.0.1:{port}", ctx, lines
    finally:
        access.removeHandler(lines)
        server.should_exit = True
        thread.join(timeout=10)


def test_the_access_log_shows_what_a_link_was_for_but_never_its_token(
    served: tuple[str, SelfService, Lines],
) -> None:
    base, ctx, lines = served
    token = ctx.signer.token("profile", "p_123", "p_123")
    answered = httpx.get(f"{base}/links/profile/{token}?lang=en", timeout=10)
    assert answered.status_code == 410  # the person is unknown; the link itself was fine
    httpx.get(f"{base}/links/confirm/{token}/extra?token={token}", timeout=10)
    logged = "\n".join(lines.lines)
    assert f"/links/profile/{REDACTED}?lang=en" in logged
    assert f"/links/confirm/{REDACTED}/extra?token={REDACTED}" in logged
    assert token not in logged and token[:20] not in logged


def test_redaction_leaves_other_paths_alone() -> None:
    assert (
        redact('GET /ui/waiting?lang=en HTTP/1.1" 200') == 'GET /ui/waiting?lang=en HTTP/1.1" 200'
    )
    assert redact("/links/met/abc.DEF-ghi_1") == f"/links/met/{REDACTED}"
