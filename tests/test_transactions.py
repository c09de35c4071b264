"""Transient errors against the real Neo4j: deadlocks are retried whole, never surface as 5xx.

The deadlocks here are real: two transactions take two people's locks in opposite orders and a
barrier makes both hold their first lock before either asks for its second, so Neo4j must pick
a victim. The lock order the services use (ascending id) is what the last test checks.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase
from neo4j.exceptions import TransientError

from graphsvc.errors import Busy
from graphsvc.graph.db import Graph, Tx
from graphsvc.graph.people import lock_person
from graphsvc.graph.queries import queries
from tests import factories
from tests.factories import sign_up

Work = Callable[[Tx], str]


def _crossing(first: str, second: str, barrier: threading.Barrier, tries: dict[str, int]) -> Work:
    """Locks `first`, waits (on the first try only) until the other side holds its first lock
    too, then locks `second`: the classic crosswise wait."""
    name = f"{first}>{second}"

    def work(tx: Tx) -> str:
        tries[name] = tries.get(name, 0) + 1
        lock_person(tx, person_id=first)
        if tries[name] == 1:
            barrier.wait(timeout=30)
        lock_person(tx, person_id=second)
        return name

    return work


def _run_both(graph: Graph, one: Work, other: Work) -> list[object]:
    """Runs the two units at once and returns what each returned or raised."""

    def attempt(work: Work) -> object:
        try:
            return graph.transaction(work)
        except Exception as exc:  # the test looks at what came out, whatever it was
            return exc

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(attempt, [one, other]))


@pytest.fixture
def two_people(graph: Graph) -> tuple[str, str]:
    """Two people whose locks the tests cross."""
    return sign_up(graph, factories.door_opener()), sign_up(graph, factories.door_opener())


def test_a_deadlock_inside_a_graph_transaction_is_retried_whole(
    graph: Graph, two_people: tuple[str, str]
) -> None:
    a, b = two_people
    barrier, tries = threading.Barrier(2), dict[str, int]()
    outcomes = _run_both(graph, _crossing(a, b, barrier, tries), _crossing(b, a, barrier, tries))
    assert outcomes == [f"{a}>{b}", f"{b}>{a}"]
    assert sorted(tries.values()) == [1, 2]  # Neo4j chose one victim; the Graph ran it again


def test_a_transient_error_swallowed_inside_the_work_is_still_retried(
    graph: Graph, two_people: tuple[str, str]
) -> None:
    """Code that catches the deadlock inside the transaction function and runs on gets the
    driver's non-retryable 'Transaction failed' (or a spoilt result); the Graph finds the
    deadlock behind it, so the unit is retried instead of failing."""
    a, b = two_people
    barrier, tries = threading.Barrier(2), dict[str, int]()

    def swallowing(first: str, second: str) -> Work:
        crossing = _crossing(first, second, barrier, tries)

        def work(tx: Tx) -> str:
            try:
                return crossing(tx)
            except TransientError:
                tx.run(queries.people.get_people, ids=[first])  # runs on in a failed tx
                return "carried on"

        return work

    outcomes = _run_both(graph, swallowing(a, b), swallowing(b, a))
    assert sorted(map(str, outcomes)) == sorted([f"{a}>{b}", f"{b}>{a}"])
    assert sorted(tries.values()) == [1, 2]


@pytest.fixture
def impatient_graph(neo4j_credentials: tuple[str, str, str]) -> Iterator[Graph]:
    """The same database through a graph that never retries."""
    uri, user, password = neo4j_credentials
    driver = GraphDatabase.driver(uri, auth=(user, password))
    yield Graph(driver, "neo4j", retry_seconds=0)
    driver.close()


def test_a_deadlock_that_outlasts_the_retries_is_busy_not_a_driver_error(
    graph: Graph, impatient_graph: Graph, two_people: tuple[str, str]
) -> None:
    a, b = two_people
    barrier, tries = threading.Barrier(2), dict[str, int]()
    outcomes = _run_both(
        impatient_graph, _crossing(a, b, barrier, tries), _crossing(b, a, barrier, tries)
    )
    busy = [o for o in outcomes if isinstance(o, Busy)]
    assert len(busy) == 1 and "DeadlockDetected" in busy[0].detail
    assert sorted(tries.values()) == [1, 1]


def test_proposals_crossing_two_people_in_opposite_roles_never_deadlock_or_fail(
    graph: Graph, staff: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    """Each of ten pairs of people who are both participant and door-opener is proposed both
    ways at once (twenty requests): one match per pair, the other way a 409, no 5xx, and since
    both proposals lock the two people in the same order, no deadlock to retry at all."""

    def both_roles() -> str:
        return sign_up(
            graph,
            factories.door_opener(
                roles=["door_opener", "participant"], foreign_background=True, max_active_matches=5
            ),
        )

    pairs = [(both_roles(), both_roles()) for _ in range(10)]
    requests = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]

    def propose(pair: tuple[str, str]) -> int:
        body = {"participant_id": pair[0], "door_opener_id": pair[1]}
        return staff.post("/api/v1/matches", json=body).status_code

    with (
        caplog.at_level(logging.WARNING, logger="neo4j"),
        ThreadPoolExecutor(max_workers=len(requests)) as pool,
    ):
        codes = list(pool.map(propose, requests))
    for i in range(len(pairs)):
        assert sorted([codes[i], codes[i + len(pairs)]]) == [201, 409]
    retried = [r.getMessage() for r in caplog.records if "DeadlockDetected" in r.getMessage()]
    assert retried == []
