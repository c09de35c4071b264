"""Importing a programme's history: matches, meetings, doors and follow-ups, written as the
matching and relay services write them, with dates kept, rules held and re-imports idempotent."""

from __future__ import annotations

from typing import Any

import pytest

from graphsvc.graph.db import Graph
from graphsvc.importing import doors, follow_ups, matches, meetings
from graphsvc.importing import people as people_import
from graphsvc.importing.formats import cell, person_cells
from graphsvc.importing.report import ImportKind, RowsRejected
from graphsvc.importing.rows import write_rows
from graphsvc.importing.service import import_text
from tests import factories

COLUMNS = {
    "people": people_import.COLUMNS,
    "matches": matches.COLUMNS,
    "meetings": meetings.COLUMNS,
    "doors": doors.COLUMNS,
    "follow_ups": follow_ups.COLUMNS,
}


def csv_of(kind: ImportKind, *rows: dict[str, Any]) -> str:
    """A file of this kind with these rows (values as cells)."""
    return write_rows(list(COLUMNS[kind]), [{k: cell(v) for k, v in r.items()} for r in rows])


def run(graph: Graph, query: str, **params: Any) -> list[dict[str, Any]]:
    with graph.driver.session(database=graph.database) as session:
        return [r.data() for r in session.run(query, params)]  # type: ignore[arg-type]


HISTORY: dict[ImportKind, tuple[dict[str, Any], ...]] = {
    "matches": (
        {
            "id": "m1",
            "participant": "p_amira",
            "door_opener": "p_d1",
            "status": "met",
            "created_at": "2024-04-01T10:00:00+02:00",
            "generation": 1,
            "mode": "in_person",
            "score": 4.5,
        },
        {
            "id": "m2",
            "participant": "p_amira",
            "door_opener": "p_d2",
            "status": "met",
            "created_at": "2024-04-11T12:00:00+02:00",
            "generation": 2,
            "mode": "digital",
        },
        {
            "id": "m3",
            "participant": "amira@example.org",
            "door_opener": "d3@example.org",
            "created_at": "2024-04-11T12:00:00+02:00",
            "generation": 2,
        },
    ),
    "meetings": (
        {"id": "mt1", "match_id": "m1", "held_at": "2024-04-10T14:00", "mode": "in_person"},
        {
            "id": "mt2",
            "match_id": "m2",
            "held_at": "2024-05-20T09:30:00+02:00",
            "mode": "digital",
            "no_doors_reason": "Ingen passande kontakt just nu",
        },
    ),
    "doors": (
        {
            "id": "door1",
            "meeting_id": "mt1",
            "opened_by": "door_opener",
            "contact": "p_d2",
            "at": "2024-04-11T12:00:00+02:00",
            "match_id": "m2",
        },
        {
            "id": "door2",
            "meeting_id": "mt1",
            "opened_by": "door_opener",
            "contact": "D3@example.org",
            "at": "2024-04-11T12:00:00+02:00",
            "match_id": "m3",
        },
        {
            "id": "door3",
            "meeting_id": "mt1",
            "opened_by": "participant",
            "contact": "p_d4",
            "at": "2024-04-12T08:00:00+02:00",
        },
    ),
    "follow_ups": (
        {
            "meeting_id": "mt1",
            "understood_market_better": "ja",
            "integration_helped": "nej",
            "kept_in_contact": "yes",
            "outcome": "internship",
            "at": "2024-05-01T10:00",
        },
    ),
}


@pytest.fixture
def programme(graph: Graph) -> Graph:
    """A participant and four door-openers with kept ids, imported from people.csv."""
    bodies = [
        {
            **factories.participant(email="amira@example.org", languages=["ar", "en"]),
            "id": "p_amira",
            "signed_up_at": "2024-03-15",
        },
        {**factories.door_opener(), "id": "p_d1"},
        {**factories.door_opener(), "id": "p_d2"},
        {**factories.door_opener(email="d3@example.org"), "id": "p_d3"},
        {**factories.door_opener(), "id": "p_d4"},
    ]
    rows = [person_cells(b) for b in bodies]
    import_text(graph, "people", write_rows(list(people_import.COLUMNS), rows))
    return graph


def import_history(graph: Graph) -> dict[str, tuple[int, int]]:
    """(written, skipped) per kind, importing the files in their order."""
    out = {}
    for kind, rows in HISTORY.items():
        report = import_text(graph, kind, csv_of(kind, *rows)).report
        assert report.committed and not report.rejected, report
        out[kind] = (report.written, report.skipped)
    return out


def test_history_is_written_as_the_services_write_it(programme: Graph) -> None:
    assert import_history(programme) == {
        "matches": (3, 0),
        "meetings": (2, 0),
        "doors": (3, 0),
        "follow_ups": (1, 0),
    }
    met = run(
        programme,
        "MATCH (:Participant {id: 'p_amira'})-[m:MET]->(d) "
        "RETURN m.id AS id, m.generation AS g, toString(m.held_at) AS held_at, "
        "m.follow_up_outcome AS outcome, m.follow_up_integration_helped AS helped, "
        "m.no_doors_reason AS reason ORDER BY id",
    )
    assert [(r["id"], r["g"]) for r in met] == [("mt1", 1), ("mt2", 2)]
    assert met[0]["held_at"] == "2024-04-10T14:00:00+02:00"  # Stockholm time, summer offset
    assert (met[0]["outcome"], met[0]["helped"]) == ("internship", False)
    assert met[1]["reason"] == "Ingen passande kontakt just nu"
    statuses = run(
        programme,
        "MATCH (:Person)-[m:MATCHED]->() RETURN m.id AS id, m.status AS status ORDER BY id",
    )
    assert [r["status"] for r in statuses] == ["met", "met", "proposed"]
    opened = run(
        programme,
        "MATCH (a)-[o:OPENED_DOOR]->(b) RETURN o.id AS id, a.id AS a, "
        "b.id AS b, o.for_id AS for_id, o.generation AS g, o.match_id AS m "
        "ORDER BY id",
    )
    assert [(o["a"], o["b"], o["for_id"], o["g"], o["m"]) for o in opened] == [
        ("p_d1", "p_d2", "p_amira", 2, "m2"),
        ("p_d1", "p_d3", "p_amira", 2, "m3"),
        ("p_amira", "p_d4", "p_d1", 2, None),
    ]
    queued = run(
        programme, "MATCH (p:Person {id: 'p_amira'}) RETURN toString(p.rematch_since) AS s"
    )
    assert queued[0]["s"] == "2024-05-20T09:30:00+02:00"


def test_reimporting_the_history_changes_nothing(programme: Graph) -> None:
    import_history(programme)
    assert import_history(programme) == {
        "matches": (0, 3),
        "meetings": (0, 2),
        "doors": (0, 3),
        "follow_ups": (0, 1),
    }
    counts = run(programme, "MATCH ()-[r:MATCHED|MET|OPENED_DOOR]->() RETURN count(r) AS n")
    assert counts[0]["n"] == 3 + 2 + 3


def test_a_later_match_takes_the_participant_off_the_rematch_queue(programme: Graph) -> None:
    import_history(programme)
    later = {
        "id": "m4",
        "participant": "p_amira",
        "door_opener": "p_d4",
        "created_at": "2024-06-01T10:00:00+02:00",
    }
    import_text(programme, "matches", csv_of("matches", later))
    queued = run(programme, "MATCH (p:Person {id: 'p_amira'}) RETURN p.rematch_since AS s")
    assert queued[0]["s"] is None


def rejected(graph: Graph, kind: ImportKind, *rows: dict[str, Any]) -> dict[tuple[int, str], str]:
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, kind, csv_of(kind, *rows))
    assert caught.value.report.written == 0
    return {(e.line, e.field): e.reason for e in caught.value.report.rejected}


def test_match_rows_break_the_rules_by_line(programme: Graph) -> None:
    good = HISTORY["matches"][0]
    errors = rejected(
        programme,
        "matches",
        good,
        {**good, "id": "x1", "door_opener": "nobody@example.org"},
        {**good, "id": "x2", "participant": "p_d2", "door_opener": "p_d3"},
        {**good, "id": "x3", "created_at": "2999-01-01T10:00"},
        {**good, "id": "x4"},
    )
    assert "no person" in errors[(3, "door_opener")]
    assert "not a participant" in errors[(4, "participant")]
    assert "future" in errors[(5, "created_at")]
    assert "line 2" in errors[(6, "id")]
    assert run(programme, "MATCH ()-[m:MATCHED]->() RETURN count(m) AS n")[0]["n"] == 0


def test_a_first_match_needs_a_shared_language(programme: Graph) -> None:
    import_text(
        programme,
        "people",
        write_rows(
            list(people_import.COLUMNS),
            [person_cells({**factories.participant(languages=["ti"]), "id": "p_ti"})],
        ),
    )
    row = {"participant": "p_ti", "door_opener": "p_d1", "created_at": "2024-04-01T10:00"}
    assert "share no language" in rejected(programme, "matches", row)[(2, "door_opener")]
    relay = {**row, "generation": 2}
    assert import_text(programme, "matches", csv_of("matches", relay)).report.written == 1


def test_meetings_and_doors_are_checked_against_their_match(programme: Graph) -> None:
    import_text(
        programme,
        "matches",
        csv_of(
            "matches",
            *HISTORY["matches"],
            {
                "id": "m9",
                "participant": "p_amira",
                "door_opener": "p_d4",
                "status": "declined",
                "created_at": "2024-04-01T10:00",
            },
        ),
    )
    errors = rejected(
        programme,
        "meetings",
        {"match_id": "m9", "held_at": "2024-04-10T14:00", "mode": "digital"},
        {"match_id": "m1", "held_at": "2024-03-01T14:00", "mode": "digital"},
        {"match_id": "nope", "held_at": "2024-04-10T14:00", "mode": "digital"},
        {"match_id": "m2", "held_at": "2999-04-10T14:00", "mode": "by_pigeon"},
    )
    assert "declined" in errors[(2, "match_id")]
    assert "before the match" in errors[(3, "held_at")]
    assert "no match" in errors[(4, "match_id")]
    assert (5, "mode") in errors
    import_text(programme, "meetings", csv_of("meetings", *HISTORY["meetings"]))
    door = HISTORY["doors"][0]
    errors = rejected(
        programme,
        "doors",
        door,
        HISTORY["doors"][1],
        {**door, "id": "door9", "contact": "p_d4", "match_id": ""},
        {**door, "id": "door10", "contact": "p_amira", "match_id": ""},
        {**door, "id": "door11", "contact": "p_d4", "match_id": "m3"},
        {
            **door,
            "id": "door12",
            "meeting_id": "mt2",
            "contact": "p_d3",
            "match_id": "m3",
            "at": "2024-05-21T10:00",
        },
    )
    assert "at most 2 doors" in errors[(4, "contact")]
    assert "own two people" in errors[(5, "contact")]
    assert "not between" in errors[(6, "match_id")]
    assert "generation 3" in errors[(7, "match_id")]
