"""`Graph.lookup`, the one-round-trip read of the person route: the same rows as `read`, and
it sees what this process has just written (it shares the bookmarks of `read` and `write`)."""

from __future__ import annotations

from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from tests import factories


def test_lookup_returns_the_rows_read_returns_in_the_order_asked(graph: Graph) -> None:
    first = factories.sign_up(graph, factories.participant())
    second = factories.sign_up(graph, factories.door_opener())
    ids = [second, "p_unknown", first]
    looked_up = graph.lookup(queries.people.get_people, ids=ids)
    assert [row["person"]["id"] for row in looked_up] == [second, first]
    assert looked_up == graph.read(queries.people.get_people, ids=ids)


def test_lookup_sees_a_change_written_just_before(graph: Graph) -> None:
    person = factories.sign_up(graph, factories.door_opener())
    for active in (False, True, False):
        graph.write(queries.people.set_active, id=person, active=active)
        (row,) = graph.lookup(queries.people.get_people, ids=[person])
        assert row["person"]["active"] is active


def test_a_person_read_carries_the_stored_instants_exactly(graph: Graph) -> None:
    """The person query sends its temporals as text; parsed, they equal the driver's values."""
    person = factories.sign_up(graph, factories.participant())
    with graph.driver.session(database=graph.database) as session:
        stored = session.run(
            "MATCH (p:Person {id: $id}) RETURN p.created_at AS created_at, "
            "p.signed_up_at AS signed_up_at",
            id=person,
        ).single(strict=True)
    (read,) = people_repo.get_people(graph, ids=[person])
    assert read.created_at == stored["created_at"].to_native()
    assert read.created_at.utcoffset() == stored["created_at"].to_native().utcoffset()
    assert read.created_at.microsecond == stored["created_at"].to_native().microsecond
    assert read.signed_up_at == stored["signed_up_at"].to_native()
