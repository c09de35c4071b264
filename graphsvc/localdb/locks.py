"""An inter-process lock on a file, so two shells starting the server at once do not race.

`flock` is released by the kernel when the holder dies, so a crashed `db start` never leaves a
stale lock behind (unlike a lock *file* whose existence is the lock).
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path` (created if needed) for the `with` block.

    Not re-entrant: flock locks belong to the open file, so taking the same lock twice in one
    process deadlocks. Public functions take it once and call unlocked helpers.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock
