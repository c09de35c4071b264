"""Staff pages as HTML responses: one jinja2 environment with autoescaping, one security policy.

Names are user input, so templates only ever print them through autoescaping, and the pictures
arrive as the visualiser's already-escaped fragments. Every page carries a Content-Security-
Policy that allows scripts from this service only, plus the one inline script of the picture on
it (by hash): a name that slipped past escaping could neither run nor fetch anything, and no page
loads anything from another host.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from graphsvc.models.token import Principal
from graphsvc.web.words import Lang, words
from viz import assets

VIS_JS: Final = f"vis-network-{assets.VIS_VERSION}.min.js"
VIS_CSS: Final = f"vis-network-{assets.VIS_VERSION}.css"
_TYPES: Final = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("graphsvc", "web/templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def static_file(name: str) -> tuple[str, str] | None:
    """(text, media type) of a file the pages link to, or None for any other name."""
    if name == VIS_JS:
        return assets.vis_network_js(), _TYPES[".js"]
    if name == VIS_CSS:
        return assets.vis_network_css(), _TYPES[".css"]
    if name == "web.css":
        text = resources.files("graphsvc.web").joinpath("templates", "web.css")
        return text.read_text(encoding="utf-8"), _TYPES[".css"]
    return None


def policy(picture_script: str | None) -> str:
    """The page's CSP: own scripts and the picture's inline script, nothing from elsewhere."""
    inline = f" {assets.csp_hash(assets.static_text(picture_script))}" if picture_script else ""
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src 'self'{inline}",
            "style-src 'self' 'unsafe-inline'",  # vis-network positions its parts inline
            "img-src 'self' data: blob:",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
        ]
    )


def lang_query(lang: Lang) -> str:
    """The query that keeps the page language on links (Swedish is the default, so none)."""
    return "?lang=en" if lang == "en" else ""


def page(
    request: Request,
    template: str,
    *,
    lang: Lang,
    title: str,
    principal: Principal | None,
    picture_script: str | None = None,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """The page `template` rendered for this request, with its security headers."""
    other: Lang = "en" if lang == "sv" else "sv"
    html = (
        _environment()
        .get_template(template)
        .render(
            lang=lang,
            t=words(lang),
            title=title,
            principal=principal,
            root=request.scope.get("root_path", ""),
            q=lang_query(lang),
            other_lang_url=_with_lang(request, other),
            vis=picture_script is not None,
            vis_js=VIS_JS,
            vis_css=VIS_CSS,
            **context,
        )
    )
    return HTMLResponse(html, status_code=status_code, headers=security_headers(picture_script))


def _with_lang(request: Request, lang: Lang) -> str:
    """This page's path and query with `lang` switched, for the language link."""
    url = request.url.include_query_params(lang=lang)
    return f"{url.path}?{url.query}"


def security_headers(picture_script: str | None) -> dict[str, str]:
    """Headers every page sends: its CSP, and no caching of pages that hold people's data."""
    return {
        "Content-Security-Policy": policy(picture_script),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        # Not no-referrer: with it, browsers send `Origin: null` on our own form posts, and the
        # login and logout forms are checked by their origin.
        "Referrer-Policy": "same-origin",
    }


def fragment(html: str) -> Markup:
    """A picture from `viz`, which escaped every name itself, for a page template."""
    return Markup(html)  # noqa: S704 - the visualiser's output, escaped by its own templates


def static_response(name: str) -> Response | None:
    """A static file, or None. vis-network's names carry its version, so browsers may keep them
    a day; our stylesheet changes with the service, so it is checked again on every load."""
    found = static_file(name)
    if found is None:
        return None
    text, media_type = found
    cache_control = "public, max-age=86400" if name in (VIS_JS, VIS_CSS) else "no-cache"
    return Response(
        text,
        media_type=media_type,
        headers={"Cache-Control": cache_control, "X-Content-Type-Options": "nosniff"},
    )
