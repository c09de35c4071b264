"""Rate limits for sign-ups and link use, counted in Neo4j so they hold across processes.

The API may run with several uvicorn workers or replicas; a counter kept in one process would
let a client make the limit once per process. So each (bucket, key) counts its attempts in a
`:RateCounter` node per fixed window of `rate_window_seconds`, which every process sees. One
small write per check counts every limit of a form at once, under each counter's lock, so two
processes counting the same key at the same moment queue and neither count is lost. Refused
attempts are not counted, so a counter never passes its limit however hard it is hammered.

Nothing personal is stored: a counter's id is an HMAC of the bucket and the key (an IP address,
an e-mail address, a link's subject) with the service's secret, so the graph holds neither
addresses nor anything a guess could be checked against without the secret. Each counter
carries its window's end; the hourly reminders run deletes the ended ones.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from graphsvc import clock
from graphsvc.graph.db import Graph
from graphsvc.selfservice import repo

Limit = tuple[str, str, int]
"""(bucket, key, limit): at most `limit` attempts for `key` in `bucket` per window."""


def hashed(value: str) -> str:
    """A stable, non-reversible key for a personal value (e.g. an e-mail address)."""
    return hashlib.sha256(value.strip().casefold().encode()).hexdigest()[:32]


class RateLimiter:
    """Counts attempts per (bucket, key) in fixed windows held in the graph."""

    def __init__(self, secret: str, now: Callable[[], datetime] = clock.now) -> None:
        self._key = hashlib.sha256(b"dorrnat-rate-limit\0" + secret.encode()).digest()
        self._now = now

    def counter_key(self, bucket: str, key: str) -> str:
        """The stored key of a (bucket, key): keyed with the secret, so not reversible."""
        message = f"{bucket}\0{key}".encode()
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:40]

    def allow(self, graph: Graph, limits: Sequence[Limit], *, window: int) -> bool:
        """Counts one attempt against each limit and says whether all were within them."""
        if not limits:
            return True
        now = self._now().astimezone(UTC)
        start = int(now.timestamp()) // window * window
        ends = datetime.fromtimestamp(start, UTC) + timedelta(seconds=window)
        counters = [
            {"id": f"{self.counter_key(bucket, key)}:{start}", "limit": limit}
            for bucket, key, limit in limits
        ]
        return all(repo.count_attempts(graph, counters=counters, expires_at=ends))
