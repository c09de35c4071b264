"""Turn a template and its data into a page, with every user-supplied string kept as text.

Names are user input. In HTML they pass through jinja2's autoescaping; in the page's data they
travel as JSON inside `<script type="application/json">`, with `<`, `>` and `&` written as
`\\u003c`, `\\u003e`, `\\u0026`, so no name can close the block or start markup. The scripts read
that block with `JSON.parse(textContent)` and only ever put names into `textContent` or
vis-network's canvas `label`.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from viz import assets

_JSON_ESCAPES: Final = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    # Legal in JSON but line breaks to older JavaScript parsers; cheap to rule out.
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def script_json(data: Any) -> Markup:
    """JSON that is inert inside a `<script type="application/json">` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    # One `replace` per character: each is a C scan of the text, where `str.translate` looked
    # every character up in a table (a tenth of a second for the map's 2 MB at 5 000 people).
    for char, escaped in _JSON_ESCAPES:
        text = text.replace(char, escaped)
    return Markup(text)  # noqa: S704 - escaped just above


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("viz", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(template: str, *, script: str, standalone: bool = True, **context: Any) -> str:
    """Render `template` with the page's own `script` and, when standalone, vis-network inlined.

    A standalone page carries a Content-Security-Policy that allows only its own two inline
    scripts (by hash) and no network access, so even a missed escape could not run or fetch.
    """
    page_script = assets.static_text(script)
    vis_js = assets.vis_network_js() if standalone else ""
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {assets.csp_hash(vis_js)} {assets.csp_hash(page_script)}",
            "style-src 'unsafe-inline'",
            "img-src data: blob:",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    jinja_template = _environment().get_template(template)
    return jinja_template.render(
        standalone=standalone,
        csp=csp,
        vis_js=Markup(vis_js),  # noqa: S704 - trusted library text, checked by assets
        vis_css=Markup(assets.vis_network_css() if standalone else ""),  # noqa: S704
        page_css=Markup(assets.static_text("viz.css")),  # noqa: S704 - our own stylesheet
        page_script=Markup(page_script),  # noqa: S704 - our own script
        **context,
    )
