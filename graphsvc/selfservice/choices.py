"""The sign-up form's lists, from the reference data the service already holds.

Languages common in the programme come first as checkboxes (a long multi-select is hard on a
phone); places, industries and education fields are grouped one level up (county, SNI section,
ISCED broad field) so a plain `<select>` with `<optgroup>`s stays usable without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from graphsvc.graph import reference
from graphsvc.graph.db import Graph
from graphsvc.models.reference import ReferenceItem

COMMON_LANGUAGES = (
    "sv", "en", "ar", "fa", "so", "ti", "ku", "fr", "es", "de", "ru", "uk", "tr", "pl",
    "bs", "hr", "sr", "am", "ps", "zh",
)  # fmt: skip


@dataclass(frozen=True)
class Option:
    """One choice: the reference key and its name in the page's language."""

    key: str
    label: str


@dataclass(frozen=True)
class Group:
    """An `<optgroup>`: the parent's name and its children."""

    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Choices:
    """Every list of the sign-up form in one language."""

    common_languages: tuple[Option, ...]
    other_languages: tuple[Option, ...]
    places: tuple[Group, ...]
    industries: tuple[Group, ...]
    fields: tuple[Group, ...]


def _name(item: ReferenceItem, lang: str) -> str:
    return item.name_en if lang == "en" else item.name_sv


def _grouped(
    items: Sequence[ReferenceItem], parents: Sequence[ReferenceItem], lang: str
) -> tuple[Group, ...]:
    groups = []
    for parent in sorted(parents, key=lambda p: _name(p, lang)):
        children = [i for i in items if i.parent == parent.key]
        options = tuple(
            Option(c.key, _name(c, lang)) for c in sorted(children, key=lambda c: _name(c, lang))
        )
        if options:
            groups.append(Group(_name(parent, lang), options))
    return tuple(groups)


@lru_cache(maxsize=8)
def load_choices(graph: Graph, lang: str) -> Choices:
    """The lists for one language; reference data never changes while the service runs."""
    languages = reference.list_reference(graph, kind="languages")
    places = reference.list_reference(graph, kind="places")
    industries = reference.list_reference(graph, kind="industries")
    fields = reference.list_reference(graph, kind="fields")
    by_key = {item.key: item for item in languages}
    common = tuple(Option(k, _name(by_key[k], lang)) for k in COMMON_LANGUAGES if k in by_key)
    others = sorted(
        (i for i in languages if i.key not in COMMON_LANGUAGES), key=lambda i: _name(i, lang)
    )
    return Choices(
        common_languages=common,
        other_languages=tuple(Option(i.key, _name(i, lang)) for i in others),
        places=_grouped(
            [p for p in places if p.kind == "municipality"],
            [p for p in places if p.kind == "county"],
            lang,
        ),
        industries=_grouped(
            [i for i in industries if i.kind == "division"],
            [i for i in industries if i.kind == "section"],
            lang,
        ),
        fields=_grouped_fields(fields, lang),
    )


def _grouped_fields(fields: Sequence[ReferenceItem], lang: str) -> tuple[Group, ...]:
    """Detailed fields under their broad field (two levels up), the level people recognise."""
    narrow_parent = {f.key: f.parent for f in fields if f.kind == "narrow"}
    detailed = [
        ReferenceItem(**{**f.model_dump(), "parent": narrow_parent.get(f.parent or "")})
        for f in fields
        if f.kind == "detailed"
    ]
    return _grouped(detailed, [f for f in fields if f.kind == "broad"], lang)
