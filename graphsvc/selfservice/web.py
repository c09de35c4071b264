"""Turning a self-service page into a response, and guarding every posted form.

Each page is rendered with jinja2's autoescaping and served with a strict Content-Security-Policy
(no scripts at all, styles only by hash, forms only to this site), `no-store` (pages behind
links show personal data), and no referrer (a link's token must never leak onward). Every
response carries the CSRF cookie its forms' tokens are bound to.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from graphsvc.selfservice.context import SelfService
from graphsvc.selfservice.csrf import COOKIE, FIELD
from graphsvc.selfservice.forms import FormData
from graphsvc.selfservice.wording import PAGES, Lang, lang_of


@dataclass
class Page:
    """A page to show: template, its data, status and extra headers (e.g. Retry-After)."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


def message(title: str, *paragraphs: str, status: int = 200, back: str | None = None) -> Page:
    """A page that only says something (done, refused, expired)."""
    return Page("message.html.j2", {"title": title, "paragraphs": paragraphs, "back": back}, status)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("graphsvc.selfservice", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _css() -> tuple[str, str]:
    loader = PackageLoader("graphsvc.selfservice", "templates")
    css, _, _ = loader.get_source(_environment(), "selfservice.css")
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return css, f"'sha256-{digest}'"


def page_lang(request: Request) -> Lang:
    """The page's language: `?lang=en` for English, Swedish otherwise."""
    return lang_of(request.query_params.get("lang"))


def render(request: Request, ctx: SelfService, page: Page) -> HTMLResponse:
    """The page as HTML with its CSRF cookie and security headers."""
    lang = page_lang(request)
    cookie = ctx.csrf.cookie_value(request.cookies.get(COOKIE))
    css, css_hash = _css()
    query = "?lang=en" if lang == "en" else ""
    template = _environment().get_template(page.template)
    html = template.render(
        t=PAGES[lang],
        lang=lang,
        q=query,
        css=Markup(css),  # noqa: S704 - our own file, inlined as is (its hash is in the CSP)
        csrf=ctx.csrf.form_token(cookie),
        action=request.url.path + query,
        **page.context,
    )
    headers = {
        "Content-Security-Policy": (
            f"default-src 'none'; style-src {css_hash}; form-action 'self'; "
            "frame-ancestors 'none'; base-uri 'none'"
        ),
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        **page.headers,
    }
    response = HTMLResponse(html, status_code=page.status, headers=headers)
    response.set_cookie(
        COOKIE,
        cookie,
        path="/",
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
    )
    return response


async def read_form(request: Request) -> FormData:
    """The posted fields, bounded (no files, at most 400 fields)."""
    form = await request.form(max_files=0, max_fields=400)
    return FormData(list(form.multi_items()))


def client_ip(request: Request) -> str:
    """The caller's address as the server saw it. Behind a proxy, run uvicorn with
    `--proxy-headers --forwarded-allow-ips=<proxy>` so this is the client, not the proxy."""
    return request.client.host if request.client else "unknown"


def refused_form(
    request: Request, ctx: SelfService, form: FormData, limits: list[tuple[str, str, int]]
) -> Page | None:
    """Why a posted form is refused (rate limit, then CSRF), or None when it may proceed.

    `limits` are (bucket, key, limit) within the configured window; every one is counted.
    """
    t = PAGES[page_lang(request)]
    window = ctx.options.rate_window_seconds
    if not ctx.limiter.allow(request.app.state.graph, limits, window=window):
        return Page(
            "message.html.j2",
            {"title": t["limited_title"], "paragraphs": [t["limited"]], "back": None},
            status=429,
            headers={"Retry-After": str(window)},
        )
    if not ctx.csrf.check(request.cookies.get(COOKIE), form.get(FIELD)):
        return message(t["csrf_title"], t["csrf"], status=403)
    return None


def honeypot_filled(form: FormData) -> bool:
    """A bot filled the field people never see; it gets the ordinary answer and nothing else."""
    return bool(form.get("website"))


def action(title: str, *paragraphs: str, button: str, danger: bool = False) -> Page:
    """A page that explains and offers one button (a POST to the same address)."""
    return Page(
        "action.html.j2",
        {
            "title": title,
            "paragraphs": paragraphs,
            "button": button,
            "button_class": "danger" if danger else "",
        },
    )
