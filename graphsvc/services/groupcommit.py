"""Group commit: many callers' items written in one transaction, each caller waiting for its own.

Audited requests each need one event stored before their answer leaves, and a write transaction
per event costs a commit (a flush of Neo4j's transaction log) per request. The callers are
requests on one event loop: each queues its item with a future and awaits it; when no write is
running, a leader task takes what is queued (up to `max_batch`) and writes it in a worker thread,
then the next batch, until nothing is queued. Under load a write carries as many items as arrived
during the one before; alone, an item is written at once, so nothing waits on a timer. Only a
batch goes to a thread, never an item: handing each request to a thread and back cost the
service about as much CPU as the read it audits.

`submit` returns only once the caller's item is committed, and raises the write's error when its
batch failed, so a caller never goes on as if an item were stored that is not.

A caller waits at most `patience` seconds. A write that hangs, e.g. on a connection pool that
cannot hand out a connection, would otherwise hold every request queued behind it for as long as
it hangs. When the patience runs out the caller gets `Busy`: an item still queued is taken off
the queue and never written; an item already in the hanging write may yet be stored, which is the
same as a write whose answer was lost, and callers treat it so.

One instance serves one event loop (its futures and its leader task belong to that loop); see
`graphsvc.services.audit.journal`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Final, Generic, TypeVar

from graphsvc.errors import Busy

T = TypeVar("T")
MAX_BATCH: Final = 1000  # items per transaction; a larger backlog is written in several
PATIENCE_SECONDS: Final = 60.0  # longer than one write may take: pool wait plus driver retries


class _Slot(Generic[T]):
    """One caller's item and the future its outcome is told through."""

    __slots__ = ("done", "item")

    def __init__(self, item: T, done: asyncio.Future[None]) -> None:
        self.item = item
        self.done = done


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
        self._pending: list[_Slot[T]] = []
        self._leader: asyncio.Task[None] | None = None  # the write loop, while one runs

    async def submit(self, item: T) -> None:
        """Returns once `item` is committed; raises the error of the write that carried it, or
        `Busy` when no write has carried it within the patience."""
        loop = asyncio.get_running_loop()
        slot = _Slot(item, loop.create_future())
        self._pending.append(slot)
        if self._leader is None:
            self._leader = loop.create_task(self._lead())
        try:
            await asyncio.wait_for(asyncio.shield(slot.done), self._patience)
        except TimeoutError:
            self._pending = [s for s in self._pending if s is not slot]
            slot.done.cancel()  # what the write says later is dropped, not logged as unheard
            raise Busy(f"no write carried the item within {self._patience:g} s") from None

    async def _lead(self) -> None:
        """Writes batches from the head of the queue until it is empty."""
        try:
            while self._pending:
                batch = self._pending[: self._max_batch]
                del self._pending[: self._max_batch]
                try:
                    await asyncio.to_thread(self._write, [slot.item for slot in batch])
                except Exception as exc:  # every caller in the batch learns of it, not just one
                    for slot in batch:
                        if not slot.done.done():
                            slot.done.set_exception(exc)
                except BaseException:  # the loop is shutting down: its callers go with it
                    for slot in batch:
                        slot.done.cancel()
                    raise
                else:
                    for slot in batch:
                        if not slot.done.done():
                            slot.done.set_result(None)
        finally:
            self._leader = None
