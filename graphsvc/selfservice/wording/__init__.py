"""What the self-service pages and mails say, in Swedish (the programme's language) and English.

Texts are plain `str.format` templates: a substituted name is never parsed again, so it cannot
smuggle in formatting; pages escape everything on top (jinja2 autoescape). Both languages have
the same keys, which a test checks, so no page or mail can show a missing text.
"""

from __future__ import annotations

from typing import Literal

from graphsvc.models.person import Person
from graphsvc.selfservice.wording import (
    info_en,
    info_sv,
    links_en,
    links_sv,
    mails_en,
    mails_sv,
    pages_en,
    pages_sv,
)

Lang = Literal["sv", "en"]
PAGES: dict[str, dict[str, str]] = {
    "sv": {**pages_sv.TEXT, **links_sv.TEXT, **info_sv.TEXT},
    "en": {**pages_en.TEXT, **links_en.TEXT, **info_en.TEXT},
}
MAILS: dict[str, dict[str, str]] = {"sv": mails_sv.TEXT, "en": mails_en.TEXT}


def lang_of(value: str | None) -> Lang:
    """`en` when asked for English, else Swedish (the default everywhere)."""
    return "en" if value == "en" else "sv"


def lang_for(person: Person) -> Lang:
    """A person's mails: Swedish for everyone who speaks it, English for the rest (as the match
    mails do)."""
    return "sv" if "sv" in person.languages else "en"
