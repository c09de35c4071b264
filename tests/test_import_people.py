"""Importing people.csv against the real Neo4j: the API's rules, line numbers, all-or-nothing,
`--skip-bad` with a rejects file, and idempotency on e-mail."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc.errors import Conflict
from graphsvc.graph import people as people_repo
from graphsvc.graph.db import Graph
from graphsvc.graph.queries import queries
from graphsvc.graph.schema import wipe_programme
from graphsvc.importing import people as people_import
from graphsvc.importing import store
from graphsvc.importing.formats import person_cells
from graphsvc.importing.report import RowsRejected
from graphsvc.importing.rows import write_rows
from graphsvc.importing.service import import_text, read_kind
from graphsvc.services import people
from tests import factories
from tests.queries import Q


def people_csv(*bodies: dict[str, Any], delimiter: str = ",") -> str:
    """A people.csv holding these sign-up bodies, one a row (line 2 onwards)."""
    text = write_rows(list(people_import.COLUMNS), [person_cells(b) for b in bodies])
    if delimiter == ",":
        return text
    rows = list(csv.reader(io.StringIO(text)))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def count_people(graph: Graph) -> int:
    rows = graph.read(
        queries.people.list_people,
        role=None,
        active=None,
        language=None,
        industry=None,
        place=None,
        q=None,
        q_email=False,
        after_created=None,
        after_id=None,
        limit=10_000,
    )
    return len(rows)


def test_people_import_writes_each_person_as_sign_up_would(graph: Graph) -> None:
    amira = factories.participant(signed_up_at="2024-03-01", years_in_sweden=2.5)
    bengt = factories.door_opener(retired=True, signed_up_at="2023-11-20", work_place="0180")
    result = import_text(graph, "people", people_csv(amira, bengt))
    assert result.report.committed and result.report.written == 2 and not result.report.rejected
    listed = people.list_people(graph, limit=10).items
    by_email = {p.email: p for p in listed}
    imported = by_email[amira["email"]]
    assert imported.signed_up_at == date(2024, 3, 1)
    assert imported.languages == sorted(amira["languages"])
    assert imported.availability[0].model_dump() == amira["availability"][0]
    assert imported.education.fields == ["0913"] and imported.years_in_sweden == 2.5
    opener = by_email[bengt["email"]]
    assert opener.retired and opener.roles == ["door_opener"] and opener.work_place == "0180"
    assert opener.signed_up_at == date(2023, 11, 20)


def test_reimporting_the_same_file_changes_nothing(graph: Graph, staff: TestClient) -> None:
    already = factories.participant()
    assert staff.post("/api/v1/people", json=already).status_code == 201
    shouting = {**already, "email": already["email"].upper()}
    text = people_csv(shouting, factories.door_opener(), factories.participant())
    first = import_text(graph, "people", text).report
    assert (first.written, first.skipped) == (2, 1)
    second = import_text(graph, "people", text).report
    assert (second.written, second.skipped, second.rejected) == (0, 3, [])
    assert count_people(graph) == 3


def test_bad_rows_are_reported_by_line_and_nothing_is_written(graph: Graph) -> None:
    text = people_csv(
        factories.participant(),
        factories.participant(home_place="9999"),  # line 3
        factories.door_opener(),
        factories.door_opener(languages=["en"], work_years=2),  # line 5
    )
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, "people", text)
    report = caught.value.report
    assert not report.committed and report.written == 0
    assert report.rejected_lines == [3, 5]
    reasons = {(e.line, e.field): e for e in report.rejected}
    assert reasons[(3, "home_place")].value == "9999"
    assert "Swedish" in reasons[(5, "languages")].reason
    assert reasons[(5, "work_years")].value == 2
    assert count_people(graph) == 0


@pytest.mark.parametrize(
    ("body", "column"),
    [
        (factories.participant(residence_permit=False), "residence_permit"),
        (factories.participant(foreign_background=False), "foreign_background"),
        (factories.participant(education={"level": "compulsory", "fields": []}), "education_level"),
        (factories.door_opener(established_in_sweden=False), "established_in_sweden"),
        (factories.participant(consent=False), "consent"),
        (factories.participant(languages=["xx"]), "languages"),
        (factories.participant(industries=["04"]), "industries"),
        (
            factories.participant(education={"level": "master", "fields": ["0918"]}),
            "education_fields",
        ),
        (factories.participant(email="not-an-address"), "email"),
        (factories.participant(signed_up_at="2999-01-01"), "signed_up_at"),
    ],
)
def test_import_refuses_what_sign_up_refuses(
    graph: Graph, staff: TestClient, body: dict[str, Any], column: str
) -> None:
    assert staff.post("/api/v1/people", json=body).status_code == 422
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, "people", people_csv(factories.door_opener(), body))
    assert [(e.line, e.field) for e in caught.value.report.rejected] == [(3, column)]


def test_skip_bad_writes_the_good_rows_and_a_rejects_file_that_imports_once_fixed(
    graph: Graph,
) -> None:
    bad = factories.door_opener(work_years=1)
    text = people_csv(factories.participant(), bad, factories.door_opener())
    result = import_text(graph, "people", text, skip_bad=True)
    assert result.report.committed and result.report.written == 2
    assert result.report.rejected_lines == [3]
    assert result.rejects_csv is not None
    rejects = list(csv.DictReader(io.StringIO(result.rejects_csv)))
    assert len(rejects) == 1 and rejects[0]["email"] == bad["email"]
    assert rejects[0]["_line"] == "3" and "work_years" in rejects[0]["_errors"]
    fixed = result.rejects_csv.replace(",1,", ",12,", 1)
    again = import_text(graph, "people", fixed).report
    assert again.written == 1 and count_people(graph) == 3


def test_semicolon_file_with_a_multi_line_cell_reports_the_physical_line(graph: Graph) -> None:
    noted = factories.participant(notes="first line\nsecond line")
    text = people_csv(noted, factories.participant(roles=["pilot"]), delimiter=";")
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, "people", text)
    assert caught.value.report.rejected_lines == [4]  # the note takes lines 2 and 3


def test_a_header_with_an_unknown_column_refuses_the_file(graph: Graph) -> None:
    text = people_csv(factories.participant()).replace("home_place", "home_town", 1)
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, "people", text, skip_bad=True)
    fields = {e.field for e in caught.value.report.rejected}
    assert fields == {"home_town"} and caught.value.report.rejected[0].line == 1


def test_the_same_email_twice_in_a_file_names_the_first_line(graph: Graph) -> None:
    one = factories.participant()
    twin = factories.participant(email=one["email"].title())
    with pytest.raises(RowsRejected) as caught:
        import_text(graph, "people", people_csv(one, twin))
    error = caught.value.report.rejected[0]
    assert (error.line, error.field) == (3, "email") and "line 2" in error.reason


def test_kept_ids_are_used_and_an_erased_person_is_never_brought_back(graph: Graph) -> None:
    body = {**factories.participant(), "id": "p_history_0001"}
    import_text(graph, "people", people_csv(body))
    person = people.get_person(graph, "p_history_0001")
    assert person.email == body["email"]
    people.erase_person(graph, "p_history_0001")
    again = import_text(graph, "people", people_csv(body)).report
    assert (again.written, again.skipped) == (0, 1)
    assert people.get_person(graph, "p_history_0001").erased


def stored(graph: Graph) -> tuple[list[Any], list[Any]]:
    """Every person whole (labels and edges sorted) and every reference node's count."""
    persons = [
        (r["id"], sorted(r["labels"]), r["props"], sorted(r["edges"]))
        for r in graph.read(Q.people_as_written)
    ]
    counts = sorted(
        (sorted(r["labels"]), r["key"], r["door_openers"] or 0)
        for r in graph.read(Q.reference_counts)
    )
    return persons, counts


def test_imported_people_are_stored_exactly_as_sign_up_stores_them(
    graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng, towns = random.Random(11), factories.municipality_keys()
    bodies = [
        *(factories.random_door_opener(rng, towns) for _ in range(12)),
        *(factories.random_participant(rng, towns) for _ in range(12)),
        factories.participant(
            roles=["door_opener", "participant"],
            work_years=12,
            established_in_sweden=True,
            industries=["86", "62"],
            work_place="0180",
            education={"level": "master", "fields": ["0913", "0613", "0913"]},
            signed_up_at="2024-02-29",
        ),
    ]
    kept = [{**body, "id": f"p_kept_{i:03d}"} for i, body in enumerate(bodies)]
    at = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    raws, unreadable = read_kind("people", people_csv(*kept))
    checked = people_import.check(graph, raws, at)
    assert not unreadable and not checked.errors and len(checked.good) == len(kept)
    monkeypatch.setattr(store, "BATCH_ROWS", 7)  # later batches raise earlier counts
    assert people_import.write(graph, checked.good, at, None) == len(kept)
    imported = stored(graph)
    wipe_programme(graph)
    rows = people_import.to_write_rows(checked.good, at=at)
    graph.transaction(lambda tx: people_repo.save_people(tx, rows=rows))
    signed_up = stored(graph)
    assert len(imported[0]) == len(kept) and any(n for _, _, n in imported[1])
    assert imported == signed_up


def test_somebody_signing_up_between_check_and_write_fails_the_batch_not_the_person(
    graph: Graph,
) -> None:
    late, other = factories.participant(), factories.door_opener()
    raws, _ = read_kind("people", people_csv(late, other))
    at = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    checked = people_import.check(graph, raws, at)
    factories.sign_up(graph, late)
    with pytest.raises(Conflict):
        people_import.write(graph, checked.good, at, None)
    assert count_people(graph) == 1
    again = import_text(graph, "people", people_csv(late, other)).report
    assert (again.written, again.skipped) == (1, 1) and count_people(graph) == 2
