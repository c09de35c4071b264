"""The one driver of a process and the three ways the repositories use it.

Reads are routed as reads so that a cluster can spread them; writes that belong together run
in one managed transaction, so a fault in the middle leaves nothing half-written.

Transient errors (a deadlock, a lock timeout, a leader switch) are retried whole by the driver's
managed transactions, which retry only what they see raised from the transaction function as a
retryable `Neo4jError`. So nothing inside a transaction function may catch, wrap or convert a
driver error: domain errors are made out of driver errors here, after the driver has given up,
and a transaction function that reads a result the failure has already spoilt (the driver then
raises `ResultFailedError`, a non-retryable `DriverError`, with the real error as its cause)
gets the real error handed back to the driver by `_unspoilt`. The driver's own clean-up of a
failed unit can raise that disguise too, past its retry; `_managed` retries those units itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import (
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
SPOILT_RETRIES = 5
SPOILT_BACKOFF_SECONDS = 0.2
LOOKUP_RETRIES = 2


class Graph:
    """The process's connection to Neo4j: a driver and the database it talks to."""

    def __init__(self, driver: neo4j.Driver, database: str) -> None:
        self.driver = driver
        self.database = database

    @classmethod
    def connect(cls, uri: str, user: str, password: str, database: str) -> Graph:
        """Opens the driver; `verify` is left to the caller so start-up can report clearly."""
        driver = GraphDatabase.driver(uri, auth=(user, password), max_connection_pool_size=64)
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
        return self._execute(query, params, RoutingControl.READ)

    def write(self, query: Query, **params: Any) -> list[Row]:
        """Runs one write query in its own transaction."""
        return self._execute(query, params, RoutingControl.WRITE)

    def transaction(self, work: Callable[[Tx], T]) -> T:
        """Runs `work` in one managed write transaction; retried whole on transient errors."""

        def unit(tx: ManagedTransaction) -> T:
            with _unspoilt():
                return work(Tx(tx))

        return self._managed(lambda session: session.execute_write(unit), neo4j.WRITE_ACCESS)

    def read_transaction(self, work: Callable[[Tx], T]) -> T:
        """Runs `work` in one managed read transaction, so several reads see one snapshot."""

        def unit(tx: ManagedTransaction) -> T:
            with _unspoilt():
                return work(Tx(tx))

        return self._managed(lambda session: session.execute_read(unit), neo4j.READ_ACCESS)

    def _managed(self, call: Callable[[neo4j.Session], T], access_mode: str) -> T:
        """Runs one managed transaction in a fresh session, driver errors made domain errors;
        and again, a few times, when a transient error reached us in disguise.

        The driver retries what the transaction function raises, but when it rolls a failed
        unit back it may read the failed result once more and raise `ResultFailedError` in
        place of the real error, past its own retry (seen with fifty concurrent sign-ups).
        """
        for attempt in range(SPOILT_RETRIES + 1):
            try:
                with (
                    _domain_errors(),
                    self.driver.session(
                        database=self.database, default_access_mode=access_mode
                    ) as session,
                ):
                    return call(session)
            except Busy as exc:
                if attempt == SPOILT_RETRIES or not _spoilt(exc):
                    raise
                time.sleep(SPOILT_BACKOFF_SECONDS * (attempt + 1))
        raise AssertionError("unreachable")

    def autocommit(self, query: Query, **params: Any) -> None:
        """Runs a self-batching query (`CALL ... IN TRANSACTIONS`), which needs auto-commit."""
        with _domain_errors(), self.driver.session(database=self.database) as session:
            session.run(query.text, for_driver(query.bind(params))).consume()

    def lookup(self, query: Query, **params: Any) -> list[Row]:
        """Runs one short read in an auto-commit transaction and returns its rows as dicts.

        For the reads a busy API serves most (a person by id): `read` sends BEGIN, RUN and PULL
        and then COMMIT, two round trips and four messages for the driver to pack and Neo4j to
        handle; here RUN and PULL are all, which costs both sides about a fifth less per read.
        It shares `read`'s bookmarks, so it sees what this process wrote before. The driver
        retries no auto-commit transaction, so a retryable failure is retried here.
        """
        bookmarks = self.driver.execute_query_bookmark_manager
        for attempt in range(LOOKUP_RETRIES + 1):
            try:
                with (
                    _domain_errors(),
                    self.driver.session(
                        database=self.database,
                        default_access_mode=neo4j.READ_ACCESS,
                        bookmark_manager=bookmarks,
                    ) as session,
                ):
                    return [
                        record.data()
                        for record in session.run(query.text, for_driver(query.bind(params)))
                    ]
            except (Busy, Unavailable):
                if attempt == LOOKUP_RETRIES:
                    raise
                time.sleep(SPOILT_BACKOFF_SECONDS * (attempt + 1))
        raise AssertionError("unreachable")

    def _execute(
        self, query: Query, params: dict[str, Any], routing: RoutingControl
    ) -> list[Row]:
        with _domain_errors():
            records, _, _ = self.driver.execute_query(
                query.text,
                for_driver(query.bind(params)),
                routing_=routing,
                database_=self.database,
            )
        return [record.data() for record in records]


class Tx:
    """A managed transaction that only runs named queries."""

    def __init__(self, tx: ManagedTransaction) -> None:
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


@contextmanager
def _unspoilt() -> Iterator[None]:
    """Inside a transaction function: hands the driver the transient error itself when all it
    would see is a result or transaction spoilt by it, so that the transaction is retried."""
    try:
        yield
    except DriverError as exc:
        cause = None if exc.is_retryable() else _retryable_cause(exc)
        if cause is None:
            raise
        raise cause from exc


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
        # Raised in place of the real error when a failed unit is cleaned up; judge by that.
        _raise_domain_error(exc.__cause__ or exc.__context__, exc)
        raise
    except Exception as exc:
        _raise_domain_error(exc, exc)
        raise


def _spoilt(exc: Busy) -> bool:
    """Whether the transient error came in disguise, so the driver could not have retried it."""
    return isinstance(exc.__cause__, (ResultFailedError, TransactionError))


def _raise_domain_error(error: BaseException | None, raised: BaseException) -> None:
    """Raises the domain error for a driver error; returns when there is none."""
    if isinstance(error, ConstraintError):
        raise Conflict(_constraint_message(error)) from raised
    if isinstance(error, (ServiceUnavailable, SessionExpired)):
        raise Unavailable(f"Neo4j does not answer: {error}") from raised
    if isinstance(error, TransientError):
        raise Busy(f"Neo4j stayed busy after retries: {error.code}") from raised


def _constraint_message(exc: ConstraintError) -> str:
    """A readable conflict without the stored value, which may be personal data."""
    message = exc.message or ""
    if "email_norm" in message:
        return "a person with this e-mail address is already registered"
    return "this would duplicate something that must be unique"
