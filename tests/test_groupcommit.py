"""Group commit: items that arrive while a write runs share the next one, each caller returns
only once its own item is written, and a failed write fails every caller whose item it carried."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence

import pytest

from graphsvc.errors import Busy
from graphsvc.services.groupcommit import GroupCommit

WAIT = 30.0  # seconds a test waits for a write before it fails; never reached when it passes


class Store:
    """A write function (run in a worker thread) whose first call blocks until released, so
    callers queue behind it."""

    def __init__(self, *, fail_on: int | None = None) -> None:
        self.batches: list[list[int]] = []
        self.release = threading.Event()
        self.entered = threading.Event()
        self.fail_on = fail_on
        self.threads: set[str] = set()

    def write(self, items: Sequence[int]) -> None:
        self.threads.add(threading.current_thread().name)
        self.entered.set()
        if not self.batches and not self.release.wait(WAIT):
            raise TimeoutError("the test never released the first write")
        self.batches.append(list(items))
        if self.fail_on is not None and self.fail_on in items:
            self.batches[-1].append(-1)  # marks the batch that failed
            raise RuntimeError("write failed")


async def _outcome(commit: GroupCommit[int], item: int) -> str:
    try:
        await commit.submit(item)
    except RuntimeError:
        return "failed"
    except Busy:
        return "busy"
    return "written"


async def _submit_all(commit: GroupCommit[int], store: Store, items: list[int]) -> dict[int, str]:
    """Submits items[0], waits until its write runs, queues the rest, then lets writes go on."""
    first = asyncio.create_task(_outcome(commit, items[0]))
    assert await asyncio.to_thread(store.entered.wait, WAIT)
    rest = [asyncio.create_task(_outcome(commit, i)) for i in items[1:]]
    while len(commit._pending) < len(rest):  # every later caller has queued behind the write
        await asyncio.sleep(0.001)
    store.release.set()
    outcomes = await asyncio.wait_for(asyncio.gather(first, *rest), WAIT)
    return dict(zip(items, outcomes, strict=True))


def test_callers_who_arrive_during_a_write_share_the_next_one() -> None:
    store = Store()
    commit = GroupCommit(store.write)
    outcome = asyncio.run(_submit_all(commit, store, list(range(8))))
    assert store.batches == [[0], [1, 2, 3, 4, 5, 6, 7]]
    assert outcome == dict.fromkeys(range(8), "written")
    assert threading.main_thread().name not in store.threads  # writes never block the loop


def test_a_backlog_larger_than_a_batch_is_written_in_several() -> None:
    store = Store()
    commit = GroupCommit(store.write, max_batch=3)
    outcome = asyncio.run(_submit_all(commit, store, list(range(8))))
    assert store.batches == [[0], [1, 2, 3], [4, 5, 6], [7]]
    assert set(outcome.values()) == {"written"}


def test_a_failed_write_fails_every_caller_it_carried_and_no_other() -> None:
    store = Store(fail_on=3)
    commit = GroupCommit(store.write, max_batch=3)
    outcome = asyncio.run(_submit_all(commit, store, list(range(6))))
    assert store.batches == [[0], [1, 2, 3, -1], [4, 5]]
    assert outcome == {0: "written", 1: "failed", 2: "failed", 3: "failed"} | {
        4: "written",
        5: "written",
    }


def test_a_lone_caller_writes_at_once_and_sees_the_error() -> None:
    def broken(items: Sequence[int]) -> None:
        raise RuntimeError("down")

    async def alone() -> list[list[int]]:
        with pytest.raises(RuntimeError):
            await GroupCommit(broken).submit(1)
        written: list[list[int]] = []
        commit = GroupCommit(lambda items: written.append(list(items)))
        await commit.submit(1)
        await commit.submit(2)
        return written

    assert asyncio.run(alone()) == [[1], [2]]


def test_callers_behind_a_write_that_hangs_give_up_in_bounded_time_as_busy() -> None:
    """A write that never ends (a pool that hands out no connection) must not hold the callers
    queued behind it: each gets `Busy` once its patience runs out, and an item still queued is
    dropped, so it is not written later behind an answer that already said it was not."""
    store = Store()
    commit = GroupCommit(store.write, patience=0.3)

    async def scenario() -> tuple[dict[int, str], str]:
        first = asyncio.create_task(_outcome(commit, 0))
        assert await asyncio.to_thread(store.entered.wait, WAIT)
        queued = await asyncio.gather(_outcome(commit, 1), _outcome(commit, 2))
        assert commit._pending == []
        given_up = await first  # its item is in the hanging write: the same patience holds
        store.release.set()  # the hanging write ends; the first item is stored after all
        while commit._leader is not None:
            await asyncio.sleep(0.01)
        assert store.batches == [[0]]
        return {1: queued[0], 2: queued[1], 0: given_up}, await _outcome(commit, 3)

    outcome, next_one = asyncio.run(scenario())
    assert outcome == {0: "busy", 1: "busy", 2: "busy"}
    assert next_one == "written" and store.batches == [[0], [3]]  # the next caller writes anew
