"""Script and style text that the pages inline, so they work with no outside host at all.

vis-network comes from the files pyvis ships (the same build pyvis would inline), located without
importing pyvis itself, which would pull in IPython and networkx just to read two files. The
service can serve the same text, e.g. for a page that links the library instead of inlining it.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Final

VIS_VERSION: Final = "9.1.2"
_VIS_DIR: Final = f"templates/lib/vis-{VIS_VERSION}"
# Inlined text ends at the first closing tag of its element, so such text must never be inlined.
_CLOSING_TAG: Final = re.compile(r"</(script|style)", re.IGNORECASE)


def _pyvis_root() -> Path:
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; the visualiser needs its vis-network files")
    return Path(next(iter(spec.submodule_search_locations)))


def _inline_safe(text: str, name: str) -> str:
    if _CLOSING_TAG.search(text):
        raise RuntimeError(f"{name} contains a closing script/style tag and cannot be inlined")
    return text


@cache
def vis_network_js() -> str:
    """The minified vis-network library, as pyvis ships it."""
    path = _pyvis_root() / _VIS_DIR / "vis-network.min.js"
    return _inline_safe(path.read_text(encoding="utf-8"), path.name)


@cache
def vis_network_css() -> str:
    """vis-network's stylesheet (its images are data: URIs, so it fetches nothing)."""
    path = _pyvis_root() / _VIS_DIR / "vis-network.css"
    return _inline_safe(path.read_text(encoding="utf-8"), path.name)


@cache
def static_text(name: str) -> str:
    """One of our own scripts or stylesheets from `viz/templates/`, checked for inlining."""
    text = resources.files("viz").joinpath("templates", name).read_text(encoding="utf-8")
    return _inline_safe(text, name)


def csp_hash(script: str) -> str:
    """The CSP source expression that lets exactly this inline script run and no other."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
