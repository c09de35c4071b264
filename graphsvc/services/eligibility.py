"""The programme's rules for who may take part, as pure functions.

Each rule names the field it is about so that a 422 can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphsvc.models.person import EDUCATION_RANK, PersonCreate

MIN_DOOR_OPENER_WORK_YEARS = 3


@dataclass(frozen=True)
class Breach:
    """One broken rule: the field, its value, and the rule in plain words."""

    field: str
    value: object
    rule: str


def breaches(person: PersonCreate) -> list[Breach]:
    """Every rule the person breaks; empty when they may take part in all their roles."""
    found: list[Breach] = []
    level_ok = EDUCATION_RANK[person.education.level] >= EDUCATION_RANK["upper_secondary"]
    if not person.consent:
        found.append(Breach("consent", person.consent, "consent must be given (true)"))
    if "door_opener" in person.roles:
        if not person.established_in_sweden:
            found.append(
                Breach(
                    "established_in_sweden",
                    person.established_in_sweden,
                    "a door-opener is established in Sweden",
                )
            )
        if not level_ok:
            found.append(
                Breach(
                    "education.level",
                    person.education.level,
                    "a door-opener has at least upper-secondary education",
                )
            )
        if person.work_years < MIN_DOOR_OPENER_WORK_YEARS:
            found.append(
                Breach(
                    "work_years",
                    person.work_years,
                    "a door-opener has worked at least 3 years",
                )
            )
        if "sv" not in person.languages:
            found.append(
                Breach("languages", person.languages, "a door-opener speaks Swedish (sv)")
            )
    if "participant" in person.roles:
        if not person.foreign_background:
            found.append(
                Breach(
                    "foreign_background",
                    person.foreign_background,
                    "a participant has a foreign background",
                )
            )
        if not person.residence_permit:
            found.append(
                Breach(
                    "residence_permit",
                    person.residence_permit,
                    "a participant has a residence permit in Sweden",
                )
            )
        if not level_ok:
            found.append(
                Breach(
                    "education.level",
                    person.education.level,
                    "a participant has at least upper-secondary education",
                )
            )
    return found
