"""Minting and checking API tokens.

A token is `dn_<id>_<secret>`: the id finds the stored record, the secret is checked against its
SHA-256. The secret is 32 random bytes, so a fast hash is enough (there is nothing to guess); a
slow password hash would only cost every request time.

Checked tokens are remembered for a few seconds (`RECENT`, `GRAPHSVC_TOKEN_CACHE_SECONDS`, 5 by
default), so a busy client does not cost a database read per request. Revoking a token is
therefore honoured at once by the process that revokes it and within those seconds by every
other process (another API worker, or the API after `graphsvc token revoke`).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from graphsvc import clock
from graphsvc.errors import InvalidInput
from graphsvc.graph import tokens as repo
from graphsvc.graph.db import Graph
from graphsvc.models.token import ROLE_RANK, Principal, Role, TokenInfo

PREFIX = "dn"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class RecentTokens:
    """Tokens checked in the last `seconds`, by the SHA-256 of the whole token (never the token).

    Only valid tokens are kept, at most `size` of them (the least recently used go first), so
    guessing cannot fill memory and an unknown token is looked up every time.
    """

    def __init__(
        self, *, seconds: float, size: int = 1024, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.seconds = seconds
        self._size = size
        self._clock = clock
        self._lock = threading.Lock()
        self._held: OrderedDict[str, tuple[float, Principal]] = OrderedDict()

    def get(self, key: str) -> Principal | None:
        """The principal checked within the last `seconds`, or None."""
        with self._lock:
            found = self._held.get(key)
            if found is None:
                return None
            if self._clock() >= found[0]:
                del self._held[key]
                return None
            self._held.move_to_end(key)
            return found[1]

    def put(self, key: str, principal: Principal) -> None:
        """Remembers a principal just checked against the database."""
        if self.seconds <= 0:
            return
        with self._lock:
            self._held[key] = (self._clock() + self.seconds, principal)
            self._held.move_to_end(key)
            while len(self._held) > self._size:
                self._held.popitem(last=False)

    def clear(self) -> None:
        """Forgets every token (after a revocation in this process)."""
        with self._lock:
            self._held.clear()


RECENT = RecentTokens(seconds=5.0)
"""This process's memory of checked tokens; `create_app` sets its seconds from the settings."""


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


def recall(token: str) -> Principal | None:
    """The caller of a token checked within the last `RECENT.seconds`, without the database;
    None when it must be checked (`authenticate`). Cheap enough to call on the event loop."""
    return RECENT.get(_digest(token))


def authenticate(graph: Graph, token: str) -> Principal | None:
    """The caller a bearer token stands for, or None when it is malformed, unknown or revoked
    (a revocation in another process is seen within `RECENT.seconds`)."""
    parts = token.split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX:
        return None
    key = _digest(token)
    known = RECENT.get(key)
    if known is not None:
        return known
    _, token_id, secret = parts
    stored = repo.find_token(graph, token_id=token_id)
    if stored is None or stored["revoked"]:
        return None
    if not hmac.compare_digest(stored["hash"], _digest(secret)):
        return None
    role: Role = stored["role"]
    principal = Principal(token_id=stored["id"], name=stored["name"], role=role)
    RECENT.put(key, principal)
    return principal


def list_tokens(graph: Graph) -> list[TokenInfo]:
    """Every token, without secrets."""
    return repo.list_tokens(graph)


def revoke_token(graph: Graph, ref: str) -> int:
    """Revokes by id or name; returns how many tokens were revoked. This process stops
    accepting them at once; others within `RECENT.seconds`."""
    count = repo.revoke_token(graph, ref=ref, at=clock.now())
    RECENT.clear()
    return count
