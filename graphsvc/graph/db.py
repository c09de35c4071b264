"""The one driver of a process and the three ways the repositories use it.

Reads are routed as reads so that a cluster can spread them; writes that belong together run
in one transaction, so a fault in the middle leaves nothing half-written.

Every unit of work runs here in an explicit transaction that this module commits and retries
itself, rather than in the driver's managed transactions (`execute_query`, `execute_write`), to
keep clear of a defect in the driver (neo4j 6.4.1) that hung the service under concurrency.
When a query fails inside a transaction (a duplicate e-mail, a deadlock), the driver's error
handler already gives the session's connection back to the pool; the managed transaction then
"closes" the failed transaction through the connection it still holds, checking it with
`defunct()` and, unless it looks reset, sending a ROLLBACK and reading replies. By then another
thread may have taken that connection from the pool: two threads then use one socket at once, a
ROLLBACK lands in the other thread's transaction, replies are read by the wrong thread, and the
socket's timeout is left blocking by two concurrent `at_eof` checks. Threads wait for replies
that never come and hold their connections for good; the pool runs dry and every request waits
(seen as a hang behind the audit trail's group commit, and as `ConnectionAcquisitionTimeoutError`
with fifty concurrent sign-ups). An explicit transaction is never touched after a failure here:
the session, on closing, rolls back only a transaction whose connection it still holds, which
is exactly when the driver's error handler has not run.

Transient errors (a deadlock, a lock timeout, a leader switch, a lost connection) are retried
whole, with growing pauses, for up to `RETRY_SECONDS`. A retryable error may come in disguise:
a unit that reads a result the failure has spoilt, or commits a failed transaction, gets a
non-retryable `ResultFailedError` or `TransactionError` with the real error as its cause, so the
cause decides. Domain errors are made out of driver errors once retrying is given up.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import (
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ResultFailedError,
    ServiceUnavailable,
    SessionExpired,
    TransactionError,
    TransientError,
)

from graphsvc.errors import Busy, Conflict, Unavailable
from graphsvc.graph.convert import for_driver
from graphsvc.graph.queries import Query

T = TypeVar("T")
Row = dict[str, Any]
RETRY_SECONDS = 30.0  # as long as the driver's own managed transactions retry
FIRST_RETRY_PAUSE_SECONDS = 0.2  # doubled after each try, with a fifth of jitter either way
POOL_SIZE = 64
# How long a unit of work waits for a free connection before it is refused as `Busy` (a 503 with
# Retry-After): the driver's default, a minute, would hold a request that long and then fail it.
ACQUISITION_TIMEOUT_SECONDS = 10.0


class Graph:
    """The process's connection to Neo4j: a driver and the database it talks to."""

    def __init__(
        self, driver: neo4j.Driver, database: str, *, retry_seconds: float = RETRY_SECONDS
    ) -> None:
        self.driver = driver
        self.database = database
        self.retry_seconds = retry_seconds

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str) -> Graph:
        """Opens the driver; `verify` is left to the caller so start-up can report clearly."""
        driver = GraphDatabase.driver(
            uri,
            auth=(user, password),
            max_connection_pool_size=POOL_SIZE,
            connection_acquisition_timeout=ACQUISITION_TIMEOUT_SECONDS,
        )
        return cls(driver, database)

    def verify(self) -> None:
        """Raises `Unavailable` when Neo4j does not answer."""
        try:
            self.driver.verify_connectivity()
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise Unavailable(f"Neo4j does not answer: {exc}") from exc

    def close(self) -> None:
        """Closes the driver's pool; called once at shutdown."""
        self.driver.close()

    def read(self, query: Query, **params: Any) -> list[Row]:
        """Runs one read query, routed to a reader, and returns its rows as dicts."""
        return self._unit(lambda tx: tx.run(query, **params), neo4j.READ_ACCESS)

    def write(self, query: Query, **params: Any) -> list[Row]:
        """Runs one write query in its own transaction."""
        return self._unit(lambda tx: tx.run(query, **params), neo4j.WRITE_ACCESS)

    def transaction(self, work: Callable[[Tx], T]) -> T:
        """Runs `work` in one write transaction; retried whole on transient errors."""
        return self._unit(work, neo4j.WRITE_ACCESS)

    def read_transaction(self, work: Callable[[Tx], T]) -> T:
        """Runs `work` in one read transaction, so several reads see one snapshot."""
        return self._unit(work, neo4j.READ_ACCESS)

    def autocommit(self, query: Query, **params: Any) -> None:
        """Runs a self-batching query (`CALL ... IN TRANSACTIONS`), which needs auto-commit."""
        with _domain_errors(), self.driver.session(database=self.database) as session:
            session.run(query.text, for_driver(query.bind(params))).consume()

    def lookup(self, query: Query, **params: Any) -> list[Row]:
        """Runs one read query in an auto-commit transaction and returns its rows as dicts.

        For the reads the API serves most (a person by id, a participant's candidates): `read`
        sends BEGIN, waits for its reply, then RUN, PULL and COMMIT, two round trips and four
        messages for the driver to pack and Neo4j to handle; here RUN and PULL are all, which
        costs both sides about a fifth less per person read. It shares `read`'s bookmarks, so it
        sees what this process wrote before, and is retried as every unit is. The query must
        return plain values only (no nodes or relationships): the rows are taken as they came,
        without `Record.data()`'s walk over every nested value (see `Tx.run_plain`).
        """

        def attempt() -> list[Row]:
            with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                bookmark_manager=self.driver.execute_query_bookmark_manager,
            ) as session:
                result = session.run(query.text, for_driver(query.bind(params)))
                keys = result.keys()
                return [dict(zip(keys, record, strict=True)) for record in result]

        return self._retrying(attempt)

    def _unit(self, work: Callable[[Tx], T], access_mode: str) -> T:
        """Runs `work` in a transaction until it commits, a non-transient error ends it, or
        retrying runs out; driver errors leave as domain errors."""
        return self._retrying(lambda: self._attempt(work, access_mode))

    def _retrying(self, attempt: Callable[[], T]) -> T:
        """Calls `attempt` again, with growing pauses, while it fails with a transient error and
        `retry_seconds` last; driver errors leave as domain errors."""
        give_up_at = time.monotonic() + self.retry_seconds
        pause = FIRST_RETRY_PAUSE_SECONDS
        with _domain_errors():
            while True:
                try:
                    return attempt()
                except (Neo4jError, DriverError) as exc:
                    if not _retryable(exc) or time.monotonic() + pause > give_up_at:
                        raise
                time.sleep(pause * random.uniform(0.8, 1.2))  # noqa: S311 - jitter, not a secret
                pause *= 2

    def _attempt(self, work: Callable[[Tx], T], access_mode: str) -> T:
        """One try in a fresh session. After a failure the transaction is left alone: closing
        the session rolls it back when, and only when, its connection is still the session's."""
        with self.driver.session(
            database=self.database,
            default_access_mode=access_mode,
            bookmark_manager=self.driver.execute_query_bookmark_manager,
        ) as session:
            tx = session.begin_transaction()
            done = work(Tx(tx))
            tx.commit()
            return done


class Tx:
    """A transaction that only runs named queries."""

    def __init__(self, tx: neo4j.Transaction) -> None:
        self._tx = tx

    def run(self, query: Query, **params: Any) -> list[Row]:
        """Runs one named query inside the transaction and reads all its rows at once."""
        result = self._tx.run(query.text, for_driver(query.bind(params)))
        return [record.data() for record in result]

    def run_plain(self, query: Query, **params: Any) -> list[Row]:
        """Like `run`, for a query that returns only plain values (numbers, strings, temporals,
        and lists and maps of them; no nodes or relationships): the rows as they came, without
        `Record.data()`'s walk over every nested value looking for nodes to convert, which cost
        more than the query itself for the report's relay trees at 100k people."""
        result = self._tx.run(query.text, for_driver(query.bind(params)))
        keys = result.keys()
        return [dict(zip(keys, record, strict=True)) for record in result]


def _retryable(exc: BaseException) -> bool:
    """Whether a driver error is transient, itself or in disguise."""
    retryable = isinstance(exc, (Neo4jError, DriverError)) and exc.is_retryable()
    return retryable or _retryable_cause(exc) is not None


def _retryable_cause(exc: BaseException) -> BaseException | None:
    """The first retryable driver error in `exc`'s chain of causes, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc.__cause__ or exc.__context__
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, (Neo4jError, DriverError)) and current.is_retryable():
            return current
        current = current.__cause__ or current.__context__
    return None


@contextmanager
def _domain_errors() -> Iterator[None]:
    """Around a whole unit of work: the driver's errors, once it has given up, as domain errors."""
    try:
        yield
    except (ResultFailedError, TransactionError) as exc:
        # Raised in place of the real error when a failed transaction is used or committed.
        _raise_domain_error(exc.__cause__ or exc.__context__, exc)
        raise
    except Exception as exc:
        _raise_domain_error(exc, exc)
        raise


def _raise_domain_error(error: BaseException | None, raised: BaseException) -> None:
    """Raises the domain error for a driver error; returns when there is none."""
    if isinstance(error, ConstraintError):
        raise Conflict(_constraint_message(error)) from raised
    if isinstance(error, (ServiceUnavailable, SessionExpired)):
        raise Unavailable(f"Neo4j does not answer: {error}") from raised
    if isinstance(error, TransientError):
        raise Busy(f"Neo4j stayed busy after retries: {error.code}") from raised
    if isinstance(error, ConnectionAcquisitionTimeoutError):
        raise Busy(f"no free connection to Neo4j: {error}") from raised


def _constraint_message(exc: ConstraintError) -> str:
    """A readable conflict without the stored value, which may be personal data."""
    message = exc.message or ""
    if "email_norm" in message:
        return "a person with this e-mail address is already registered"
    return "this would duplicate something that must be unique"
