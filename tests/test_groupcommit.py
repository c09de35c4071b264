"""Group commit: items that arrive while a write runs share the next one, each caller returns
only once its own item is written, and a failed write fails every caller whose item it carried."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import pytest

from graphsvc.errors import Busy
from graphsvc.services.groupcommit import GroupCommit

WAIT = 30.0  # seconds a test waits for a thread before it fails; never reached when it passes


class Store:
    """A write function whose first call blocks until released, so callers queue behind it."""

    def __init__(self, *, fail_on: int | None = None) -> None:
        self.batches: list[list[int]] = []
        self.release = threading.Event()
        self.entered = threading.Event()
        self.fail_on = fail_on

    def write(self, items: Sequence[int]) -> None:
        self.entered.set()
        if not self.batches and not self.release.wait(WAIT):
            raise TimeoutError("the test never released the first write")
        self.batches.append(list(items))
        if self.fail_on is not None and self.fail_on in items:
            self.batches[-1].append(-1)  # marks the batch that failed
            raise RuntimeError("write failed")


def _submit_all(commit: GroupCommit[int], store: Store, items: list[int]) -> dict[int, str]:
    """Submits items[0], waits until its write runs, queues the rest, then lets writes go on."""
    outcome: dict[int, str] = {}

    def one(item: int) -> None:
        try:
            commit.submit(item)
            outcome[item] = "written"
        except RuntimeError:
            outcome[item] = "failed"

    first = threading.Thread(target=one, args=(items[0],))
    first.start()
    assert store.entered.wait(WAIT)
    rest = [threading.Thread(target=one, args=(i,)) for i in items[1:]]
    for thread in rest:
        thread.start()
    while len(commit._pending) < len(rest):  # every later caller has queued behind the write
        threading.Event().wait(0.001)
    store.release.set()
    for thread in [first, *rest]:
        thread.join(WAIT)
    return outcome


def test_callers_who_arrive_during_a_write_share_the_next_one() -> None:
    store = Store()
    commit = GroupCommit(store.write)
    outcome = _submit_all(commit, store, list(range(8)))
    assert store.batches == [[0], [1, 2, 3, 4, 5, 6, 7]]
    assert outcome == dict.fromkeys(range(8), "written")


def test_a_backlog_larger_than_a_batch_is_written_in_several() -> None:
    store = Store()
    commit = GroupCommit(store.write, max_batch=3)
    outcome = _submit_all(commit, store, list(range(8)))
    assert store.batches == [[0], [1, 2, 3], [4, 5, 6], [7]]
    assert set(outcome.values()) == {"written"}


def test_a_failed_write_fails_every_caller_it_carried_and_no_other() -> None:
    store = Store(fail_on=3)
    commit = GroupCommit(store.write, max_batch=3)
    outcome = _submit_all(commit, store, list(range(6)))
    assert store.batches == [[0], [1, 2, 3, -1], [4, 5]]
    assert outcome == {0: "written", 1: "failed", 2: "failed", 3: "failed"} | {
        4: "written",
        5: "written",
    }


def test_a_lone_caller_writes_at_once_and_sees_the_error() -> None:
    def broken(items: Sequence[int]) -> None:
        raise RuntimeError("down")

    commit = GroupCommit(broken)
    with pytest.raises(RuntimeError):
        commit.submit(1)
    written: list[list[int]] = []
    commit = GroupCommit(lambda items: written.append(list(items)))
    commit.submit(1)
    commit.submit(2)
    assert written == [[1], [2]]


def test_callers_behind_a_write_that_hangs_give_up_in_bounded_time_as_busy() -> None:
    """A write that never ends (a pool that hands out no connection) must not hold the callers
    queued behind it: each gets `Busy` once its patience runs out, and an item still queued is
    dropped, so it is not written later behind an answer that already said it was not."""
    store = Store()
    commit = GroupCommit(store.write, patience=0.3)
    outcome: dict[int, str] = {}

    def one(item: int) -> None:
        try:
            commit.submit(item)
            outcome[item] = "written"
        except Busy:
            outcome[item] = "busy"

    leader = threading.Thread(target=one, args=(0,))
    leader.start()
    assert store.entered.wait(WAIT)
    queued = [threading.Thread(target=one, args=(i,)) for i in (1, 2)]
    for thread in queued:
        thread.start()
    for thread in queued:
        thread.join(WAIT)
    assert outcome == {1: "busy", 2: "busy"}
    assert commit._pending == []
    store.release.set()  # the hanging write ends; the leader's own item is still stored
    leader.join(WAIT)
    assert outcome[0] == "written" and store.batches == [[0]]
    commit.submit(3)  # and the next caller leads a write of its own
    assert store.batches == [[0], [3]]
