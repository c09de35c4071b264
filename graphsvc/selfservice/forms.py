"""Reading the sign-up form into a `PersonCreate`, with errors in the page's own words.

The form is plain HTML, so every value arrives as text (or not at all, for an unticked box).
Errors are keyed by form field and name a wording key, never echo a stored value; the
programme's eligibility rules are checked here too so that every broken rule is shown at once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from graphsvc.errors import InvalidInput
from graphsvc.models.person import PersonCreate, Role
from graphsvc.services.eligibility import breaches

FormRole = Literal["door-opener", "participant"]
ROLE_OF: dict[str, Role] = {"door-opener": "door_opener", "participant": "participant"}
WEEKDAYS = (1, 2, 3, 4, 5)
PARTS = {"am": ("09:00", "12:00"), "pm": ("13:00", "17:00")}
LIST_FIELDS = ("languages", "meeting_modes", "availability")
TEXT_FIELDS = (
    "name", "email", "phone", "home_place", "industry", "education_level", "education_field",
    "work_years", "years_in_sweden", "max_active_matches",
)  # fmt: skip
FLAGS = ("foreign_background", "residence_permit", "established_in_sweden", "retired", "consent")
_FIELD_OF_LOC = {
    "industries": "industry",
    "education": "education_level",
    "fields": "education_field",
}


class FormData:
    """The posted fields as lists of strings, whatever the web framework hands over."""

    def __init__(self, items: Sequence[tuple[str, Any]]) -> None:
        self._items = [(k, v) for k, v in items if isinstance(v, str)]

    def get(self, key: str) -> str:
        """The first value of `key`, stripped, or ''."""
        return next((v.strip() for k, v in self._items if k == key), "")

    def getlist(self, key: str) -> list[str]:
        """Every non-empty value of `key`, in order."""
        return [v.strip() for k, v in self._items if k == key and v.strip()]


@dataclass
class SignUpForm:
    """What the form said: the person when valid, else errors (field → wording key)."""

    values: dict[str, Any]
    person: PersonCreate | None = None
    errors: dict[str, str] = field(default_factory=dict)


def values_of(form: FormData) -> dict[str, Any]:
    """The form's values for refilling it (lists for multi-choice fields, flags as booleans)."""
    values: dict[str, Any] = {k: form.get(k)[:300] for k in TEXT_FIELDS}
    values.update({k: form.getlist(k)[:200] for k in LIST_FIELDS})
    values.update({k: bool(form.get(k)) for k in FLAGS})
    return values


def _number(text: str, default: float | None) -> float | str | None:
    if not text:
        return default
    try:
        return float(text.replace(",", ".")) if "." in text or "," in text else int(text)
    except ValueError:
        return text  # pydantic refuses it with the field's name


def _availability(keys: list[str]) -> list[dict[str, Any]]:
    slots = []
    for key in keys:
        day, _, part = key.partition("-")
        if day.isdigit() and int(day) in WEEKDAYS and part in PARTS:
            start, end = PARTS[part]
            slots.append({"weekday": int(day), "start": start, "end": end})
    return slots


def body_of(values: Mapping[str, Any], role: FormRole) -> dict[str, Any]:
    """The `PersonCreate` body the form describes."""
    level = values["education_level"] or None
    return {
        "name": values["name"],
        "email": values["email"],
        "phone": values["phone"] or None,
        "roles": [ROLE_OF[role]],
        "languages": values["languages"],
        "home_place": values["home_place"] or None,
        "industries": [values["industry"]] if values["industry"] else [],
        "education": {
            "level": level,
            "fields": [values["education_field"]] if values["education_field"] else [],
        },
        "work_years": _number(values["work_years"], 0),
        "years_in_sweden": _number(values["years_in_sweden"], None),
        "foreign_background": values["foreign_background"],
        "residence_permit": values["residence_permit"],
        "established_in_sweden": values["established_in_sweden"],
        "retired": values["retired"],
        "meeting_modes": values["meeting_modes"],
        "max_active_matches": _number(values["max_active_matches"], 1),
        "availability": _availability(values["availability"]),
        "consent": values["consent"],
    }


def read_sign_up(form: FormData, role: FormRole, *, email: str | None = None) -> SignUpForm:
    """Validates the form; `email` fixes the address (an invitation is for its own address)."""
    values = values_of(form)
    if email is not None:
        values["email"] = email
    result = SignUpForm(values=values)
    try:
        person = PersonCreate.model_validate(body_of(values, role))
    except ValidationError as exc:
        for error in exc.errors():
            loc = [str(part) for part in error["loc"]]
            name = _FIELD_OF_LOC.get(loc[0], loc[0]) if loc else "other"
            if name == "education_level" and len(loc) > 1 and loc[1] == "fields":
                name = "education_field"
            result.errors.setdefault(name, f"err_{name}" if name in values else "err_other")
        if not values["consent"]:
            result.errors.setdefault("consent", "err_consent")
        return result
    for breach in breaches(person):
        name = {"education.level": "education_level"}.get(breach.field, breach.field)
        key = "err_consent" if name == "consent" else f"rule_{ROLE_OF[role]}_{breach.field}"
        result.errors.setdefault(name, key)
    if not result.errors:
        result.person = person
    return result


def reference_error(result: SignUpForm, exc: InvalidInput) -> SignUpForm:
    """An unknown reference key (a tampered `<select>`) as an error on its field."""
    name = {
        "industries": "industry",
        "education.fields": "education_field",
        "education.level": "education_level",
    }.get(exc.field, exc.field)
    result.errors[name if name in result.values else "other"] = (
        f"err_{name}" if name in result.values else "err_other"
    )
    result.person = None
    return result
