"""The demo's people: door-openers and participants who look like the programme's.

Participants have a foreign background and a residence permit, about three years in Sweden on
average (a gamma distribution with mean 3), a newcomer's first language, often English and,
the longer they have lived here, Swedish. Door-openers are established, speak Swedish, have
worked at least three years, and a third of them are retired; some have a foreign background
and a second language. Everyone draws one profession, so industry and field fit each other.
Sign-ups grow over the two years, as a programme's do.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from graphsvc.importing.formats import person_cells
from graphsvc.seed.tables import Profession, Tables

DOOR_OPENER_SHARE = 0.55
BOTH_ROLES_SHARE = 0.02
RETIRED_SHARE = 1 / 3
PROGRAMME_DAYS = 730
_LEVELS = ("upper_secondary", "post_secondary", "bachelor", "master", "doctorate")
_PARTICIPANT_LEVELS = (0.25, 0.15, 0.35, 0.2, 0.05)
_DOOR_OPENER_LEVELS = (0.2, 0.15, 0.35, 0.25, 0.05)


def demo_id(prefix: str, seed: int, kind: str, n: int) -> str:
    """A deterministic opaque id: the same seed gives the same ids, another seed other ids."""
    digest = hashlib.sha256(f"dorrnat-demo|{seed}|{kind}|{n}".encode()).hexdigest()
    return f"{prefix}_{digest[:32]}"


@dataclass
class Member:
    """One generated person: what the relay simulation needs, and their people.csv row."""

    index: int
    id: str
    roles: tuple[str, ...]
    languages: list[str]
    home: str
    county: str
    profession: Profession
    signed_up: date
    modes: list[str]
    capacity: int
    cells: dict[str, str] = field(default_factory=dict)

    @property
    def is_door_opener(self) -> bool:
        """Has the door-opener role."""
        return "door_opener" in self.roles

    @property
    def is_participant(self) -> bool:
        """Has the participant role."""
        return "participant" in self.roles


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in ascii_text.lower() if c.isalnum()) or "x"


def _signed_up(rng: Random, start: date, door_opener: bool) -> date:
    """Sign-up day: door-openers partly from the start (the first pool), sign-ups growing."""
    if door_opener and rng.random() < 0.25:
        return start + timedelta(days=rng.randrange(60))
    u = rng.random()
    x = (-1 + (1 + 8 * u) ** 0.5) / 2  # density 1 + 2x on [0, 1]: twice as many at the end
    return start + timedelta(days=min(int(x * PROGRAMME_DAYS), PROGRAMME_DAYS - 1))


def _availability(rng: Random, retired: bool) -> list[dict[str, Any]]:
    if rng.random() < 0.3:
        return []  # weekdays 09-17, the contract's default
    slots = []
    for weekday in sorted(rng.sample(range(1, 6), rng.randint(1, 3))):
        start = rng.choice((9, 10, 13) if retired else (8, 11, 15))
        length = rng.choice((2, 3, 4))
        slots.append(
            {"weekday": weekday, "start": f"{start:02d}:00", "end": f"{start + length:02d}:00"}
        )
    return slots


def make_member(
    rng: Random, t: Tables, *, seed: int, index: int, start: date, roles: tuple[str, ...]
) -> Member:
    """One person with their people.csv row."""
    door_opener = "door_opener" in roles
    participant = "participant" in roles
    foreign = participant or rng.random() < 0.15
    native = (t.participant_languages if participant else t.door_opener_languages).draw(rng)
    years = round(min(15.0, max(0.2, rng.gammavariate(2.0, 1.5))) * 2) / 2
    languages = [native] if foreign else []
    if door_opener or rng.random() < min(0.9, 0.2 + 0.15 * years):
        languages.append("sv")
    if rng.random() < (t.speaks_english.get(native, 0.5) if foreign else 0.85):
        languages.append("en")
    if not languages or (languages == [native] and native != "en" and rng.random() < 0.5):
        languages.append("en")
    languages = list(dict.fromkeys(languages))
    group = native if foreign and native in t.first_names else "sv"
    first, last = rng.choice(t.first_names[group]), rng.choice(t.last_names[group])
    profession = t.professions.draw(rng)
    home = t.municipalities.draw(rng)
    retired = door_opener and not participant and rng.random() < RETIRED_SHARE
    level = rng.choices(_LEVELS, _PARTICIPANT_LEVELS if participant else _DOOR_OPENER_LEVELS)[0]
    modes = rng.choices((["in_person", "digital"], ["digital"], ["in_person"]), (6, 3, 1))[0]
    if retired and rng.random() < 0.3:
        modes = ["digital"]  # many retired door-openers met digitally since 2020
    work_years = (
        rng.randint(30, 45)
        if retired
        else rng.randint(3, 30)
        if door_opener
        else rng.randint(0, 15)
    )
    capacity = rng.choices((1, 2, 3), (6, 3, 1))[0] if door_opener else 1
    signed_up = _signed_up(rng, start, door_opener and not participant)
    person_id = demo_id("p", seed, "person", index)
    body: dict[str, Any] = {
        "id": person_id,
        "name": f"{first} {last}",
        "email": f"{_slug(first)}.{_slug(last)}.{index}@demo-{seed}.example.org",
        "phone": f"+467017406{rng.randint(5, 99):02d}",  # PTS's numbers reserved for fiction
        "roles": list(roles),
        "languages": languages,
        "home_place": home,
        "work_place": home if rng.random() < 0.7 or retired else t.municipalities.draw(rng),
        "industries": [profession.division],
        "education": {
            "level": level,
            "fields": [profession.field] if level != "upper_secondary" else [],
        },
        "work_years": work_years,
        "years_in_sweden": years if participant else (rng.randint(10, 50) if foreign else None),
        "foreign_background": foreign,
        "residence_permit": True,
        "established_in_sweden": door_opener,
        "retired": retired,
        "meeting_modes": modes,
        "max_active_matches": capacity,
        "availability": _availability(rng, retired),
        "consent": True,
        "signed_up_at": signed_up,
    }
    if retired:
        body["work_place"] = None
    return Member(
        index=index,
        id=person_id,
        roles=roles,
        languages=languages,
        home=home,
        county=t.county_of[home],
        profession=profession,
        signed_up=signed_up,
        modes=modes,
        capacity=capacity,
        cells=person_cells(body),
    )


def make_people(rng: Random, t: Tables, *, seed: int, count: int, start: date) -> list[Member]:
    """`count` people: about 55 % door-openers, 43 % participants, 2 % both."""
    members = []
    for index in range(count):
        u = rng.random()
        roles: tuple[str, ...] = (
            ("door_opener", "participant")
            if u < BOTH_ROLES_SHARE
            else ("door_opener",)
            if u < BOTH_ROLES_SHARE + DOOR_OPENER_SHARE
            else ("participant",)
        )
        members.append(make_member(rng, t, seed=seed, index=index, start=start, roles=roles))
    return members
