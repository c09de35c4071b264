"""The domain's errors. They know nothing of HTTP; `graphsvc.api.errors` maps them once."""

from __future__ import annotations

from typing import Literal

Location = Literal["path", "query", "body"]
"""Where in a request a value came from, as FastAPI's own 422s name it in `loc`."""


class DomainError(Exception):
    """Base of every error a service raises on purpose."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """The thing asked for does not exist (or is not visible to the caller)."""


class Conflict(DomainError):
    """The request clashes with what is held: a duplicate e-mail, capacity, a pair met before."""


class InvalidInput(DomainError):
    """A value the caller sent cannot be used; `field` names which (dotted into the body),
    `location` whether it was a path parameter, a query parameter or the body, and `value`
    what it was (a 422)."""

    def __init__(
        self, detail: str, *, field: str, value: object = None, location: Location = "body"
    ) -> None:
        super().__init__(detail)
        self.field = field
        self.value = value
        self.location: Location = location


class Unavailable(DomainError):
    """The graph database cannot be reached just now; the caller may retry."""


class NotEligible(InvalidInput):
    """The person or pair breaks one of the programme's rules (eligibility, shared language)."""


class Busy(Unavailable):
    """Neo4j kept refusing with transient errors (deadlocks, lock timeouts) until the driver's
    retries ran out; nothing was written and the caller may retry."""
