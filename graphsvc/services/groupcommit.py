"""Group commit: many callers' items written in one transaction, each caller waiting for its own.

Audited reads each need one event stored before their answer leaves, and a write transaction per
event costs a commit (a flush of Neo4j's transaction log) per request. Here the first caller to
arrive while no write is running becomes the leader and writes everything pending; callers who
arrive meanwhile queue up, and when the leader's write ends the first of them leads the next
write with all that queued. Under load a write carries as many items as arrived during the one
before; alone, a caller writes at once, so nothing waits on a timer.

`submit` returns only once the caller's item is committed, and raises the write's error when its
batch failed, so a caller never goes on as if an item were stored that is not. No thread of its
own and no event loop: callers are the threads, which is what the service's request handlers are.

A caller waits at most `patience` seconds for the write that carries its item (its own write, when
it leads, is bounded by the database driver's own time limits instead). A write that hangs, e.g.
on a connection pool that cannot hand out a connection, would otherwise hold every request queued
behind it for as long as it hangs. When the patience runs out the caller gets `Busy`: an item
still queued is taken off the queue and never written; an item already in the hanging write may
yet be stored, which is the same as a write whose answer was lost, and callers treat it so.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Final, Generic, TypeVar

from graphsvc.errors import Busy

T = TypeVar("T")
MAX_BATCH: Final = 1000  # items per transaction; a larger backlog is written in several
PATIENCE_SECONDS: Final = 60.0  # longer than one write may take: pool wait plus driver retries


class _Slot(Generic[T]):
    """One caller's item and what became of it."""

    __slots__ = ("error", "item", "leads", "wake", "written")

    def __init__(self, item: T) -> None:
        self.item = item
        self.wake = threading.Event()
        self.leads = False
        self.written = False
        self.error: BaseException | None = None


class GroupCommit(Generic[T]):
    """Writes submitted items in shared batches through `write` (one transaction per call)."""

    def __init__(
        self,
        write: Callable[[Sequence[T]], None],
        *,
        max_batch: int = MAX_BATCH,
        patience: float = PATIENCE_SECONDS,
    ) -> None:
        self._write = write
        self._max_batch = max_batch
        self._patience = patience
        self._lock = threading.Lock()
        self._pending: list[_Slot[T]] = []
        self._busy = False  # a leader is writing; pending items wait for the next write

    def submit(self, item: T) -> None:
        """Returns once `item` is committed; raises the error of the write that carried it, or
        `Busy` when no write has carried it within the patience."""
        slot = _Slot(item)
        with self._lock:
            self._pending.append(slot)
            if not self._busy:
                self._busy = slot.leads = True
        deadline = time.monotonic() + self._patience
        while True:
            if slot.leads:
                slot.leads = False
                self._lead()
            elif slot.wake.wait(max(0.0, deadline - time.monotonic())):
                slot.wake.clear()
            elif self._give_up(slot):
                raise Busy(f"no write carried the item within {self._patience:g} s")
            if slot.error is not None:
                raise slot.error
            if slot.written:
                return

    def _give_up(self, slot: _Slot[T]) -> bool:
        """Whether a caller whose patience ran out may leave: not when it was just handed the
        lead, for then every caller queued behind it would wait on no one."""
        with self._lock:
            if slot.leads or slot.written or slot.error is not None:
                return False
            if slot in self._pending:
                self._pending.remove(slot)
            return True

    def _lead(self) -> None:
        """Writes one batch from the head of the queue, then hands the lead on (or ends it)."""
        with self._lock:
            batch = self._pending[: self._max_batch]
            del self._pending[: self._max_batch]
        try:
            self._write([slot.item for slot in batch])
        except BaseException as exc:  # every caller in the batch learns of it, not just one
            for slot in batch:
                slot.error = exc
        else:
            for slot in batch:
                slot.written = True
        with self._lock:
            if self._pending:
                successor = self._pending[0]
                successor.leads = True
                successor.wake.set()
            else:
                self._busy = False
        for slot in batch:
            slot.wake.set()
