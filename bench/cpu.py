"""CPU seconds a process and its descendants have used, from Linux's `/proc`.

On a shared two-core machine the requests per second follow whatever else runs; the CPU each
side spends per request does not, or much less, so the HTTP measure reports both: the server's
(uvicorn and its workers) and the clients'. Elsewhere than Linux the figure is left out.
"""

from __future__ import annotations

import os
from pathlib import Path

PROC = Path("/proc")


def _own_seconds(pid: int) -> float:
    """User and system CPU seconds of one process (all its threads)."""
    fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    # after the command's closing parenthesis: state is field 3, utime 14 and stime 15
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in (PROC / str(pid) / "task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def tree_seconds(pid: int) -> float | None:
    """CPU seconds of `pid` and every living descendant; None where `/proc` cannot tell."""
    try:
        total, todo = _own_seconds(pid), _children(pid)
    except (OSError, ValueError, IndexError):
        return None
    while todo:
        current = todo.pop()
        try:
            total += _own_seconds(current)
            todo += _children(current)
        except (OSError, ValueError, IndexError):  # a descendant that has just ended
            continue
    return total
