"""API tokens and the roles they carry."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel

Role = Literal["admin", "staff", "viewer"]
ROLE_RANK: dict[str, int] = {"viewer": 0, "staff": 1, "admin": 2}


class Principal(BaseModel):
    """Who is calling: the token's name (for the audit trail) and its role."""

    token_id: str
    name: str
    role: Role

    def may(self, needed: Role) -> bool:
        """Whether this role is at least `needed`."""
        return ROLE_RANK[self.role] >= ROLE_RANK[needed]


class TokenInfo(BaseModel):
    """A token as listed: never its secret or hash."""

    id: str
    name: str
    role: Role
    created_at: datetime
    revoked: bool
