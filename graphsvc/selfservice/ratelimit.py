"""Rate limits for sign-ups and link use: an in-process sliding window.

Each (bucket, key) keeps the times of its recent attempts; an attempt is refused when the window
already holds `limit` of them. Keys that could be personal (e-mail addresses) are hashed before
they are kept, so the limiter's memory holds no addresses.

Scaling out: the window lives in one process. With `--workers N` or N replicas, a client can make
up to N times the limit (each process counts alone); that is acceptable for slowing down abuse of
public forms. Where that is not enough, put the counters where every replica sees them (Redis
`INCR` with expiry, or a `:RateCounter` node per key and window in Neo4j) behind the same
`allow()`; nothing else changes.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import deque
from collections.abc import Callable

_PRUNE_AT = 10_000


def hashed(value: str) -> str:
    """A stable, non-reversible key for a personal value (e.g. an e-mail address)."""
    return hashlib.sha256(value.strip().casefold().encode()).hexdigest()[:32]


class SlidingWindow:
    """Counts attempts per key over the last `window` seconds; thread-safe."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._hits: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, bucket: str, key: str, *, limit: int, window: float) -> bool:
        """Records an attempt and says whether it is within the limit. Refused attempts are not
        kept, so a key never holds more than `limit` times, however hard it is hammered."""
        now = self._now()
        with self._lock:
            if len(self._hits) > _PRUNE_AT:
                self._prune(now, window)
            hits = self._hits.setdefault((bucket, key), deque())
            while hits and hits[0] <= now - window:
                hits.popleft()
            if len(hits) >= limit:
                return False
            hits.append(now)
            return True

    def _prune(self, now: float, window: float) -> None:
        for key in [k for k, v in self._hits.items() if not v or v[-1] <= now - window]:
            del self._hits[key]
