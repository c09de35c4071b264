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
