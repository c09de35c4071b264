"""The import's repository: batched look-ups and `UNWIND` writes from `cypher/import/`.

Look-ups take a whole file's keys in chunks (one round trip per 20 000 keys) and writes take
batches of about a thousand rows per transaction: large enough that the round trip is paid
rarely, small enough that a transaction's state stays far below the server's heap (5 000 new
people a batch measured no faster than 1 000).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from graphsvc.graph import people
from graphsvc.graph.convert import native
from graphsvc.graph.db import Graph, Row, Tx
from graphsvc.graph.queries import Query, queries

Q = getattr(queries, "import")  # the folder is `cypher/import/`; `import` is a keyword
LOOKUP_CHUNK = 20_000
BATCH_ROWS = 1_000
T = TypeVar("T")
Progress = Callable[[int], None]


def chunks(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    """The items in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lookup(graph: Graph, query: Query, **lists: list[Any]) -> list[Row]:
    """Runs a look-up query with each list parameter chunked in turn (the others empty)."""
    rows: list[Row] = []
    for name, values in lists.items():
        empty: dict[str, list[Any]] = {other: [] for other in lists if other != name}
        for part in chunks(values, LOOKUP_CHUNK):
            rows += graph.read(query, **{name: list(part)}, **empty)
    return [native(r) for r in rows]


@dataclass
class HeldPeople:
    """People already held: e-mail → id, and id → e-mail (None for an erased person)."""

    by_email: dict[str, str] = field(default_factory=dict)
    by_id: dict[str, str | None] = field(default_factory=dict)


def held_people(graph: Graph, *, emails: list[str], ids: list[str]) -> HeldPeople:
    """Who of these e-mails and kept ids is held already."""
    held = HeldPeople()
    for row in _lookup(graph, Q.find_people, emails=emails, ids=ids):
        if row["email_norm"] is not None:
            held.by_email[row["email_norm"]] = row["id"]
        held.by_id[row["id"]] = row["email_norm"]
    return held


def resolve_people(graph: Graph, *, refs: list[str]) -> dict[str, Row]:
    """Each reference (an id or an e-mail) that names somebody, with roles and languages."""
    return {row["ref"]: row for row in _lookup(graph, Q.resolve_people, refs=refs)}


def held_matches(graph: Graph, *, ids: list[str], pairs: list[tuple[str, str]]) -> list[Row]:
    """Matches held under these ids or between these (participant, door-opener) pairs."""
    return _lookup(graph, Q.find_matches, ids=ids, pairs=[list(p) for p in pairs])


def held_meetings(graph: Graph, *, ids: list[str]) -> dict[str, Row]:
    """Meetings held under these ids, with their people, door count and follow-up state."""
    return {row["id"]: row for row in _lookup(graph, Q.find_meetings, ids=ids)}


def held_doors(graph: Graph, *, ids: list[str], pairs: list[tuple[str, str]]) -> list[Row]:
    """Doors held under these ids or already opened to these (for id, contact id) pairs."""
    return _lookup(graph, Q.find_doors, ids=ids, pairs=[list(p) for p in pairs])


def write_batches(
    graph: Graph,
    rows: Sequence[dict[str, Any]],
    write: Callable[[Tx, list[dict[str, Any]]], None],
    *,
    progress: Progress | None = None,
    batch_rows: int | None = None,
) -> int:
    """Writes the rows in batches (of `BATCH_ROWS` unless told), each one transaction (retried
    whole on transient errors)."""
    for part in chunks(rows, batch_rows or BATCH_ROWS):
        batch = list(part)

        def work(tx: Tx, batch: list[dict[str, Any]] = batch) -> None:
            write(tx, batch)

        graph.transaction(work)
        if progress is not None:
            progress(len(batch))
    return len(rows)


def _lock_people(tx: Tx, rows: list[dict[str, Any]], *keys: str) -> None:
    """Locks everyone the batch joins by an edge, all at once in the global order (ascending
    id), before the first edge is written: an edge locks both its ends, and taking them row by
    row would let a batch wait crosswise on a proposal or doors that hold the same people."""
    people.lock_people(tx, person_ids=[row[key] for row in rows for key in keys])


def create_people(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """One batch of people checked to be new, as `people.person_row`s (see create_people)."""
    tx.run(Q.create_people, rows=rows)
    people.keep_neighbour_keys(tx, person_ids=[row["id"] for row in rows])


def save_matches(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """One batch of matches."""
    _lock_people(tx, rows, "participant_id", "door_opener_id")
    tx.run(Q.save_matches, rows=rows)


def save_meetings(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """One batch of meetings."""
    _lock_people(tx, rows, "participant_id", "door_opener_id")
    tx.run(Q.save_meetings, rows=rows)


def save_doors(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """One batch of doors."""
    _lock_people(tx, rows, "from_id", "to_id")
    tx.run(Q.save_doors, rows=rows)


def save_follow_ups(tx: Tx, rows: list[dict[str, Any]]) -> None:
    """One batch of follow-ups."""
    tx.run(Q.save_follow_ups, rows=rows)


def refresh_rematch_queue(graph: Graph, *, participant_ids: list[str]) -> None:
    """Puts on (or takes off) the rematch queue the participants whose history was imported."""
    for part in chunks(participant_ids, LOOKUP_CHUNK):
        graph.write(Q.refresh_rematch_queue, ids=list(part))
