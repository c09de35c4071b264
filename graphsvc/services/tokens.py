"""Minting and checking API tokens.

A token is `dn_<id>_<secret>`: the id finds the stored record, the secret is checked against its
SHA-256. The secret is 32 random bytes, so a fast hash is enough (there is nothing to guess); a
slow password hash would only cost every request time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from graphsvc import clock
from graphsvc.errors import InvalidInput
from graphsvc.graph import tokens as repo
from graphsvc.graph.db import Graph
from graphsvc.models.token import ROLE_RANK, Principal, Role, TokenInfo

PREFIX = "dn"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(graph: Graph, *, role: str, name: str) -> str:
    """Mints a token, stores only its hash, and returns it (shown once, never again)."""
    if role not in ROLE_RANK:
        raise InvalidInput(
            f"role {role!r} is not one of admin, staff, viewer", field="role", value=role
        )
    if not name.strip() or len(name) > 100:
        raise InvalidInput("name must be 1–100 characters", field="name", value=name)
    token_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    repo.create_token(
        graph,
        token_id=token_id,
        name=name.strip(),
        role=role,
        hashed=_digest(secret),
        created_at=clock.now(),
    )
    return f"{PREFIX}_{token_id}_{secret}"


def authenticate(graph: Graph, token: str) -> Principal | None:
    """The caller a bearer token stands for, or None when it is malformed, unknown or revoked."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    _, token_id, secret = parts
    stored = repo.find_token(graph, token_id=token_id)
    if stored is None or stored["revoked"]:
        return None
    if not hmac.compare_digest(stored["hash"], _digest(secret)):
        return None
    role: Role = stored["role"]
    return Principal(token_id=stored["id"], name=stored["name"], role=role)


def list_tokens(graph: Graph) -> list[TokenInfo]:
    """Every token, without secrets."""
    return repo.list_tokens(graph)


def revoke_token(graph: Graph, ref: str) -> int:
    """Revokes by id or name; returns how many tokens were revoked."""
    return repo.revoke_token(graph, ref=ref, at=clock.now())
