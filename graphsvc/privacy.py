"""The one place that decides what a role may see of a person.

A viewer sees initials instead of names and no contact details or free text; staff and admins
see everything. Every route and page that shows people passes them through here.
"""

from __future__ import annotations

from graphsvc.models.person import Person
from graphsvc.models.token import Principal

HIDDEN_FROM_VIEWERS = frozenset({"email", "phone", "notes"})


def initials(name: str | None) -> str | None:
    """`Amira Haddad` → `A. H.`; an erased person has no name and stays without one."""
    if not name:
        return None
    return " ".join(f"{part[0]}." for part in name.split() if part)


def sees_contact_details(principal: Principal) -> bool:
    """Whether the caller may see names, e-mail addresses and phone numbers."""
    return principal.may("staff")


def present_person(person: Person, principal: Principal) -> Person:
    """The person as this caller may see them; hidden fields are left unset (and so omitted)."""
    if sees_contact_details(principal):
        return person
    data = person.model_dump(exclude=set(HIDDEN_FROM_VIEWERS))
    data["name"] = initials(person.name)
    return Person.model_validate(data)
