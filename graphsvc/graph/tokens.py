"""The token repository."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.models.token import TokenInfo

Q = queries.tokens


def create_token(
    graph: Graph, *, token_id: str, name: str, role: str, hashed: str, created_at: datetime
) -> None:
    """Stores a token's hash under its public id."""
    graph.write(
        Q.create_token, id=token_id, name=name, role=role, hash=hashed, created_at=created_at
    )


def find_token(graph: Graph, *, token_id: str) -> dict[str, Any] | None:
    """The stored token with this public id, or None."""
    rows = graph.read(Q.find_token, id=token_id)
    return rows[0] if rows else None


def list_tokens(graph: Graph) -> list[TokenInfo]:
    """Every token, without secrets."""
    return [TokenInfo(**native(r)) for r in graph.read(Q.list_tokens)]


def revoke_token(graph: Graph, *, ref: str, at: datetime) -> int:
    """Revokes the tokens with this id or name; returns how many."""
    return len(graph.write(Q.revoke_token, ref=ref, at=at))
