"""The one driver of a process and the three ways the repositories use it.

Reads are routed as reads so that a cluster can spread them; writes that belong together run
in one managed transaction (retried by the driver on transient errors), so a fault in the
middle leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import ConstraintError, ServiceUnavailable, SessionExpired

from graphsvc.errors import Conflict, Unavailable
from graphsvc.graph.convert import for_driver
from graphsvc.graph.queries import Query

T = TypeVar("T")
Row = dict[str, Any]


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
            return work(Tx(tx))

        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(unit)
        except ConstraintError as exc:
            raise Conflict(_constraint_message(exc)) from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Unavailable(f"Neo4j does not answer: {exc}") from exc

    def read_transaction(self, work: Callable[[Tx], T]) -> T:
        """Runs `work` in one managed read transaction, so several reads see one snapshot."""

        def unit(tx: ManagedTransaction) -> T:
            return work(Tx(tx))

        try:
            with self.driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                return session.execute_read(unit)
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Unavailable(f"Neo4j does not answer: {exc}") from exc

    def autocommit(self, query: Query, **params: Any) -> None:
        """Runs a self-batching query (`CALL ... IN TRANSACTIONS`), which needs auto-commit."""
        try:
            with self.driver.session(database=self.database) as session:
                session.run(query.text, for_driver(query.bind(params))).consume()
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Unavailable(f"Neo4j does not answer: {exc}") from exc

    def _execute(
        self, query: Query, params: dict[str, Any], routing: RoutingControl
    ) -> list[Row]:
        try:
            records, _, _ = self.driver.execute_query(
                query.text,
                for_driver(query.bind(params)),
                routing_=routing,
                database_=self.database,
            )
        except ConstraintError as exc:
            raise Conflict(_constraint_message(exc)) from exc
        except (ServiceUnavailable, SessionExpired) as exc:
            raise Unavailable(f"Neo4j does not answer: {exc}") from exc
        return [record.data() for record in records]


class Tx:
    """A managed transaction that only runs named queries."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self._tx = tx

    def run(self, query: Query, **params: Any) -> list[Row]:
        """Runs one named query inside the transaction."""
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


def _constraint_message(exc: ConstraintError) -> str:
    """A readable conflict without the stored value, which may be personal data."""
    message = exc.message or ""
    if "email_norm" in message:
        return "a person with this e-mail address is already registered"
    return "this would duplicate something that must be unique"
