"""The pages' browser tests' machinery: the app served for real, and Debian's Chromium to drive.

The app runs under uvicorn in a background thread on 127.0.0.1 (a port the OS picks, the socket
bound before the server starts, so two runs never race for it). Chromium is the system's own,
driven by Playwright's Python package; Playwright's browser downloads are never used. When either
is missing the tests fail and say what to install: a skipped browser test would hide a broken page.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from fastapi import FastAPI

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright, Request

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-output" / "screenshots"


@contextmanager
def served(app: FastAPI) -> Iterator[str]:
    """Serves `app` on 127.0.0.1 until the block ends; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start under uvicorn within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium under Playwright; fails (never skips) with what to install."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        pytest.fail(
            "Playwright's Python package is missing: install the test extras "
            "(`pip install -e '.[test]'`). Do not run `playwright install`; the tests use "
            "Debian's Chromium."
        )
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.fail(f"Chromium is missing at {CHROMIUM}: `apt-get install chromium`.")
    with sync_playwright() as playwright:
        browser = _launch(playwright, Error)
        try:
            yield browser
        finally:
            browser.close()


def _launch(playwright: Playwright, error: type[Exception]) -> Browser:
    try:
        return playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
    except error as exc:
        pytest.fail(f"Chromium at {CHROMIUM} would not start ({exc}); `apt-get install chromium`.")


@dataclass
class Watched:
    """What a page did that a test must check: every request, every error, every dialog."""

    page: Page
    base_url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the test server (data: and blob: URLs stay in the page)."""
        return [
            url
            for url in self.requests
            if not url.startswith((self.base_url + "/", "data:", "blob:"))
        ]

    def assert_clean(self) -> None:
        """No script error, no console error (a CSP refusal is one), nothing from elsewhere."""
        assert self.errors == [], self.errors
        assert self.foreign_requests() == []
        assert self.dialogs == []

    def screenshot(self, name: str) -> Path:
        """Saves the page under test-output/screenshots/ for a person to look at."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def watch(page: Page, base_url: str) -> Watched:
    """Starts recording the page's requests, errors and dialogs (dialogs are dismissed)."""
    watched = Watched(page=page, base_url=base_url)

    def on_request(request: Request) -> None:
        watched.requests.append(request.url)

    def on_console(message: Any) -> None:
        if message.type == "error":
            watched.errors.append(f"console: {message.text}")

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("request", on_request)
    page.on("pageerror", lambda exc: watched.errors.append(f"page: {exc}"))
    page.on("console", on_console)
    page.on("dialog", on_dialog)
    return watched
