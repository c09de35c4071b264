"""The impact report's formats and doors: JSON and CSV agree, the staff page and its session,
the command line, roles and bad input. One participant's year, built through the API, is enough
to tell the formats apart; the figures themselves are checked in `test_report_figures.py`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from graphsvc.cli.main import app as cli
from graphsvc.settings import get_settings
from graphsvc.web.session import COOKIE
from tests.test_report_programme import Programme

YEAR = {"from": "2025-01-01", "to": "2025-12-31"}


@pytest.fixture
def one_relay(admin: TestClient, monkeypatch: pytest.MonkeyPatch) -> Programme:
    """Amira (Göteborg, health care) meets a retired door-opener who opens one door."""
    p = Programme(admin, monkeypatch)
    p.at("2025-02-03 09:00")
    p.person("D", "door_opener", retired=True, signed_up_at="2025-01-15")
    p.person("K", "door_opener", signed_up_at="2025-01-20")
    p.person("A", "participant", signed_up_at="2025-02-01")
    match_id = p.match("A", "D")
    p.at("2025-02-10 15:00")
    meeting = p.meet(match_id, "2025-02-10T10:00:00", "digital")
    p.open_doors(meeting, "K")
    p.follow_up(meeting, (True, True, False), "education")
    p.at("2025-12-31 12:00")
    return p


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten({k: v for k, v in item.items() if k != "month"},
                                f"{prefix}.{item['month']}")
    else:
        yield prefix, "" if value is None else str(value)


def test_csv_holds_the_very_figures_of_the_json(one_relay: Programme, viewer: TestClient) -> None:
    as_json = viewer.get("/api/v1/reports/impact", params={**YEAR, "place": "14"})
    as_csv = viewer.get("/api/v1/reports/impact", params={**YEAR, "place": "14", "format": "csv"})
    assert as_json.status_code == as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.headers["content-disposition"] == (
        'attachment; filename="dorrnat-impact-2025-01-01-2025-12-31.csv"'
    )
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert rows[0] == ["figure", "value"]
    assert rows[1:] == [list(pair) for pair in _flatten(as_json.json())]
    figures = dict(rows[1:])
    assert figures["meetings"] == "1" and figures["kept_in_contact"] == "0.0"
    assert figures["outcomes.education"] == "1" and figures["reach.max"] == "2"


def test_the_report_needs_a_token_and_any_role_may_read_it(
    one_relay: Programme, app_client: TestClient, viewer: TestClient, staff: TestClient
) -> None:
    assert app_client.get("/api/v1/reports/impact").status_code == 401
    assert viewer.get("/api/v1/reports/impact", params=YEAR).json() == staff.get(
        "/api/v1/reports/impact", params=YEAR
    ).json()


def test_bad_filters_are_a_422_naming_the_parameter(viewer: TestClient) -> None:
    cases = {
        "place": {"place": "9999"},
        "industry": {"industry": "x"},
        "to": {"from": "2025-03-01", "to": "2025-02-01"},
        "format": {"format": "xml"},
    }
    for name, params in cases.items():
        response = viewer.get("/api/v1/reports/impact", params=params)
        assert response.status_code == 422, name
        assert response.json()["detail"][0]["loc"] == ["query", name]


def test_staff_page_shows_figures_and_charts_in_swedish_and_loads_nothing(
    one_relay: Programme, viewer: TestClient
) -> None:
    page = viewer.get("/ui/reports", params={**YEAR, "place": "1480", "industry": "86"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in page.headers["content-security-policy"]
    html = page.text
    assert '<html lang="sv">' in html and "Effektrapport" in html
    assert "Förstår arbetsmarknaden bättre" in html and "100\u00a0%" in html
    assert html.count("<svg") == 4
    assert '<option value="1480" selected>' in html and 'value="2025-01-01"' in html
    assert "/ui/reports?from=2025-01-01&amp;to=2025-12-31&amp;industry=86&amp;place=1480" \
           "&amp;format=csv" in html
    assert not re.search(r"https?://", html)
    assert "<script" not in html and "@media print" in html


def test_staff_page_in_english_and_its_csv_link(one_relay: Programme, viewer: TestClient) -> None:
    html = viewer.get("/ui/reports", params={**YEAR, "lang": "en"}).text
    assert '<html lang="en">' in html and "Impact report" in html
    assert "Understand the labour market better" in html and "Effektrapport" not in html
    download = viewer.get("/ui/reports", params={**YEAR, "format": "csv"})
    assert download.status_code == 200 and download.text.startswith("figure,value\r\n")


def test_page_without_a_session_goes_to_login_and_works_with_the_cookie(
    one_relay: Programme, app_client: TestClient, graph: Any
) -> None:
    first = app_client.get("/ui/reports", params=YEAR, follow_redirects=False)
    assert first.status_code == 303
    assert first.headers["location"].startswith("/ui/login?next=%2Fui%2Freports")
    from graphsvc.services import tokens

    token = tokens.create_token(graph, role="viewer", name="browser")
    login = app_client.post("/ui/login", data={"token": token, "next": "/ui/reports"},
                            follow_redirects=False)
    assert login.status_code == 303 and COOKIE in login.cookies
    page = app_client.get("/ui/reports", params=YEAR)
    assert page.status_code == 200 and "Effektrapport" in page.text


def test_a_programme_without_meetings_renders_dashes_not_errors(viewer: TestClient) -> None:
    page = viewer.get("/ui/reports", params={"from": "2020-01-01", "to": "2020-12-31"})
    assert page.status_code == 200 and "–" in page.text
    assert viewer.get("/api/v1/reports/impact", params={"format": "csv"}).status_code == 200


@pytest.fixture
def runner(neo4j_credentials: tuple[str, str, str], monkeypatch: pytest.MonkeyPatch
           ) -> Iterator[CliRunner]:
    uri, user, password = neo4j_credentials
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", user)
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_cli_writes_the_api_figures_as_json_csv_and_html(
    one_relay: Programme, viewer: TestClient, runner: CliRunner, tmp_path: Path
) -> None:
    base = ["report", "--from", "2025-01-01", "--to", "2025-12-31", "--place", "14"]
    for fmt in ("json", "csv", "html"):
        result = runner.invoke(cli, [*base, "--format", fmt, "-o", str(tmp_path / f"r.{fmt}")])
        assert result.exit_code == 0, result.output
    api = viewer.get("/api/v1/reports/impact", params={**YEAR, "place": "14"})
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == api.json()
    csv_api = viewer.get("/api/v1/reports/impact", params={**YEAR, "place": "14", "format": "csv"})
    assert (tmp_path / "r.csv").read_bytes() == csv_api.content
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Effektrapport" in html and html.count("<svg") == 4
    assert "<form" not in html and not re.search(r"https?://", html)


def test_cli_refuses_an_unknown_place_without_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(cli, ["report", "--place", "9999", "-o", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    assert "--place" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.json").exists()
