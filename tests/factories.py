"""Small factories for people and pairs; fixed defaults, unique e-mails, overrides by keyword."""

from __future__ import annotations

import itertools
from typing import Any

_counter = itertools.count(1)


def _unique() -> int:
    return next(_counter)


def door_opener(**overrides: Any) -> dict[str, Any]:
    """A door-opener in Göteborg, health care, Swedish and English, who meets one at a time."""
    n = _unique()
    body: dict[str, Any] = {
        "name": f"Dörr Öppnare {n}",
        "email": f"door{n}@example.org",
        "phone": "+46701234567",
        "roles": ["door_opener"],
        "languages": ["en", "sv"],
        "home_place": "1480",
        "work_place": None,
        "industries": ["86"],
        "education": {"level": "master", "fields": ["0913"]},
        "work_years": 20,
        "years_in_sweden": 40,
        "foreign_background": False,
        "residence_permit": True,
        "established_in_sweden": True,
        "retired": False,
        "meeting_modes": ["in_person", "digital"],
        "max_active_matches": 1,
        "availability": [],
        "consent": True,
    }
    body.update(overrides)
    return body


def participant(**overrides: Any) -> dict[str, Any]:
    """A participant in Göteborg, a nurse by training, speaking Arabic, English and Swedish."""
    n = _unique()
    body: dict[str, Any] = {
        "name": f"Amira Haddad {n}",
        "email": f"participant{n}@example.org",
        "phone": "+46709876543",
        "roles": ["participant"],
        "languages": ["ar", "en", "sv"],
        "home_place": "1480",
        "work_place": None,
        "industries": ["86"],
        "education": {"level": "bachelor", "fields": ["0913"]},
        "work_years": 6,
        "years_in_sweden": 2.5,
        "foreign_background": True,
        "residence_permit": True,
        "established_in_sweden": False,
        "retired": False,
        "meeting_modes": ["in_person", "digital"],
        "max_active_matches": 1,
        "availability": [{"weekday": 2, "start": "13:00", "end": "17:00"}],
        "consent": True,
    }
    body.update(overrides)
    return body


# --- Random programmes (matching tests, property tests and the PROFILE seed) ---------------

BIG_MUNICIPALITIES = ("0180", "1480", "1280", "0380", "0580", "1880", "1980", "0680", "2480")
COMMON_DIVISIONS = ("86", "62", "85", "47", "41", "49", "56", "70", "64", "71", "72", "84", "88")
COMMON_FIELDS = ("0913", "0613", "0412", "0732", "0714", "0111", "0311", "0421", "0915", "1013")
PARTICIPANT_LANGUAGES = ("ar", "fa", "so", "ti", "uk", "ru", "es", "tr", "ku")


def municipality_keys() -> list[str]:
    """All 290 municipality keys from the shipped reference data."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "graphsvc/data/reference/places.csv"
    with path.open(encoding="utf-8") as file:
        return [row["key"] for row in csv.DictReader(file) if row["kind"] == "municipality"]


def _place(rng: Any, municipalities: list[str]) -> str:
    """Half the people in the big cities, the rest anywhere, roughly like Sweden."""
    if rng.random() < 0.5:
        return str(rng.choice(BIG_MUNICIPALITIES))
    return str(rng.choice(municipalities))


def _modes(rng: Any) -> list[str]:
    roll = rng.random()
    if roll < 0.1:
        return ["in_person"]
    if roll < 0.2:
        return ["digital"]
    return ["in_person", "digital"]


def random_door_opener(rng: Any, municipalities: list[str]) -> dict[str, Any]:
    """A plausible door-opener: Swedish always, English mostly, a common industry and field."""
    languages = ["sv"] + (["en"] if rng.random() < 0.85 else [])
    if rng.random() < 0.15:
        languages.append(rng.choice(("de", "fr", "es", "fi", "ar", "fa", "pl")))
    home = _place(rng, municipalities)
    return door_opener(
        languages=sorted(set(languages)),
        home_place=home,
        work_place=_place(rng, municipalities) if rng.random() < 0.3 else None,
        industries=[rng.choice(COMMON_DIVISIONS)],
        education={
            "level": rng.choice(("bachelor", "master")),
            "fields": [rng.choice(COMMON_FIELDS)],
        },
        meeting_modes=_modes(rng),
        max_active_matches=rng.choice((1, 1, 2, 3)),
    )


def random_participant(rng: Any, municipalities: list[str]) -> dict[str, Any]:
    """A plausible participant: one or two home languages, often English and Swedish."""
    languages = {rng.choice(PARTICIPANT_LANGUAGES)}
    if rng.random() < 0.2:
        languages.add(rng.choice(PARTICIPANT_LANGUAGES))
    if rng.random() < 0.6:
        languages.add("en")
    if rng.random() < 0.7:
        languages.add("sv")
    return participant(
        languages=sorted(languages),
        home_place=_place(rng, municipalities),
        industries=[rng.choice(COMMON_DIVISIONS)] if rng.random() < 0.9 else [],
        education={
            "level": rng.choice(("upper_secondary", "bachelor", "master")),
            "fields": [rng.choice(COMMON_FIELDS)] if rng.random() < 0.8 else [],
        },
        meeting_modes=_modes(rng),
    )


def sign_up(graph: Any, body: dict[str, Any]) -> str:
    """Signs a factory body up through the people service (faster than HTTP); returns the id."""
    from graphsvc.models.person import PersonCreate
    from graphsvc.services.people import create_person

    return create_person(graph, PersonCreate.model_validate(body)).id
