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
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Final, Generic, TypeVar

T = TypeVar("T")
MAX_BATCH: Final = 1000  # items per transaction; a larger backlog is written in several


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

    def __init__(self, write: Callable[[Sequence[T]], None], *, max_batch: int = MAX_BATCH) -> None:
        self._write = write
        self._max_batch = max_batch
        self._lock = threading.Lock()
        self._pending: list[_Slot[T]] = []
        self._busy = False  # a leader is writing; pending items wait for the next write

    def submit(self, item: T) -> None:
        """Returns once `item` is committed; raises the error of the write that carried it."""
        slot = _Slot(item)
        with self._lock:
            self._pending.append(slot)
            if not self._busy:
                self._busy = slot.leads = True
        while True:
            if slot.leads:
                slot.leads = False
                self._lead()
            else:
                slot.wake.wait()
                slot.wake.clear()
            if slot.error is not None:
                raise slot.error
            if slot.written:
                return

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
