"""The demo's weighting tables, shipped as data in `graphsvc/seed/data/`.

- `municipalities.csv`: the largest municipalities with a rounded population (SCB, 2023); every
  other municipality of the reference data weighs `DEFAULT_POPULATION`, about the mean of the
  rest, so people spread over all 290 municipalities as the population does, roughly.
- `languages.csv`: newcomers' first languages as weights for participants (Arabic, Dari/Persian
  (`fa`: Dari has no ISO 639-1 code of its own), Ukrainian, Somali, Tigrinya, ...) and for
  door-openers with a foreign background, and how often each speaks English too.
- `professions.csv`: an SNI division with an ISCED-F field that fits it, and a weight, so a
  nurse works in health care and a developer in programming.
- `names.csv`: first and last names per language group, for names that look like the programme.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

from graphsvc.graph.reference import read_rows

DEFAULT_POPULATION = 19_000
T = TypeVar("T")


class Weighted(Generic[T]):
    """Items with weights, drawn with a given `Random` (so a seed fixes every draw)."""

    def __init__(self, items: list[T], weights: list[float]) -> None:
        self.items = items
        self._cumulative = list(accumulate(weights))

    def draw(self, rng: Random) -> T:
        """One item, with probability proportional to its weight."""
        return rng.choices(self.items, cum_weights=self._cumulative, k=1)[0]


@dataclass(frozen=True)
class Profession:
    """An industry (SNI division and its section) and the education field that fits it."""

    division: str
    section: str
    field: str


@dataclass(frozen=True)
class Tables:
    """Everything the generator draws from."""

    municipalities: Weighted[str]
    county_of: dict[str, str]
    participant_languages: Weighted[str]
    door_opener_languages: Weighted[str]
    speaks_english: dict[str, float]
    professions: Weighted[Profession]
    first_names: dict[str, list[str]]
    last_names: dict[str, list[str]]


def _data(name: str) -> list[dict[str, str]]:
    text = (resources.files("graphsvc.seed") / "data" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def tables() -> Tables:
    """The tables, read once per process."""
    places = read_rows("places")
    municipalities = [p for p in places if p["kind"] == "municipality"]
    population = {r["key"]: int(r["population"]) for r in _data("municipalities.csv")}
    keys = [m["key"] for m in municipalities]
    sections = {r["key"]: r["parent"] for r in read_rows("industries") if r["parent"]}
    languages = _data("languages.csv")
    first: dict[str, list[str]] = {}
    last: dict[str, list[str]] = {}
    for row in _data("names.csv"):
        first.setdefault(row["group"], []).extend(row["first"].split())
        last.setdefault(row["group"], []).extend(row["last"].split())
    professions = _data("professions.csv")
    return Tables(
        municipalities=Weighted(keys, [population.get(k, DEFAULT_POPULATION) for k in keys]),
        county_of={m["key"]: m["parent"] for m in municipalities},
        participant_languages=Weighted(
            [r["key"] for r in languages], [float(r["participants"]) for r in languages]
        ),
        door_opener_languages=Weighted(
            [r["key"] for r in languages], [float(r["door_openers"]) for r in languages]
        ),
        speaks_english={r["key"]: float(r["speaks_english"]) for r in languages},
        professions=Weighted(
            [Profession(r["division"], sections[r["division"]], r["field"]) for r in professions],
            [float(r["weight"]) for r in professions],
        ),
        first_names={k: sorted(set(v), key=v.index) for k, v in first.items()},
        last_names={k: sorted(set(v), key=v.index) for k, v in last.items()},
    )
