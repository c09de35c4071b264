"""A small programme whose every report figure is known by hand, built through the API.

People, matches, meetings, doors, no-doors, follow-ups and erasures all go through the service's
own endpoints, with the programme's clock set back to the day each step happened, so matches
and doors carry the dates they would have had (the API dates them "now"). Held on the side of
the tests that use it (`test_report_figures.py`, `test_report_formats.py`); no tests here.

    Places: Göteborg 1480 and Borås 1490 (county 14), Stockholm 0180 (county 01).
    Industries: 86 and 87 (section Q), 62 (section J).

    participants  home  industry  signed up    activity
    A             1480  86        2025-01-10   met D1 (02-10), met K1 (03-20, relay gen 2)
    B             1490  87        2025-02-01   met D1 digitally (03-05), no doors: rematch queue
    C             0180  62        2025-03-03   met D2 digitally (04-14); D2 opened a door to K3
    E             1480  62        2025-04-01   matched with D1 (05-10), never met
    X             0180  62        2025-05-05   met D2 (05-12), then erased
    F             1480  86        2025-08-01   nothing

    door-openers  home  industry  signed up    retired
    D1            1480  86        2024-12-01   yes     opened doors to K1, K2 for A (02-11)
    D2            0180  62        2025-01-05   no
    K1            1480  86        2025-01-20   no
    K2            1490  87        2025-01-20   no      erased at the end
    K3            0180  62        2025-04-15   no      signed up as D2 opened the door

    follow-ups: A–D1 (true, true, true, job), B–D1 (true, false, false, none),
                C–D2 (false, true, true, internship); none for A–K1 and X–D2.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graphsvc import clock
from tests import factories


class Programme:
    """Builds the programme through the API; `at` sets the programme's clock for what follows."""

    def __init__(self, admin: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
        self.api = admin
        self.monkeypatch = monkeypatch
        self.ids: dict[str, str] = {}

    def at(self, when: str) -> None:
        """The service's clock reads `when` (Stockholm local time) from now on."""
        moment = datetime.fromisoformat(when).replace(tzinfo=clock.STOCKHOLM)
        self.monkeypatch.setattr(clock, "now", lambda: moment)

    def _post(self, path: str, body: dict[str, Any], status: int = 201) -> Any:
        response = self.api.post(path, json=body)
        assert response.status_code == status, (path, response.text)
        return response.json()

    def person(self, name: str, kind: str, **fields: Any) -> str:
        make = factories.participant if kind == "participant" else factories.door_opener
        self.ids[name] = self._post("/api/v1/people", make(**fields))["id"]
        return self.ids[name]

    def match(self, participant: str, door_opener: str) -> str:
        body = {"participant_id": self.ids[participant], "door_opener_id": self.ids[door_opener]}
        match_id: str = self._post("/api/v1/matches", body)["id"]
        return match_id

    def meet(self, match_id: str, held_at: str, mode: str = "in_person") -> str:
        body = {"held_at": f"{held_at}+01:00", "mode": mode}
        meeting_id: str = self._post(f"/api/v1/matches/{match_id}/meeting", body)["id"]
        return meeting_id

    def open_doors(self, meeting_id: str, *contacts: str) -> dict[str, str]:
        """Doors opened by the meeting's door-opener; the relay match id per contact."""
        body = {
            "opened_by": "door_opener",
            "contacts": [{"person_id": self.ids[c]} for c in contacts],
        }
        result = self._post(f"/api/v1/meetings/{meeting_id}/doors", body)
        by_id = {m["door_opener"]["id"]: m["id"] for m in result["matches"]}
        return {c: by_id[self.ids[c]] for c in contacts}

    def no_doors(self, meeting_id: str) -> None:
        self._post(f"/api/v1/meetings/{meeting_id}/no-doors", {"reason": "ingen kontakt"}, 200)

    def follow_up(self, meeting_id: str, answers: tuple[bool, bool, bool], outcome: str) -> None:
        understood, helped, kept = answers
        body = {
            "understood_market_better": understood,
            "integration_helped": helped,
            "kept_in_contact": kept,
            "outcome": outcome,
        }
        self._post(f"/api/v1/meetings/{meeting_id}/follow-up", body, 200)

    def erase(self, name: str) -> None:
        response = self.api.delete(f"/api/v1/people/{self.ids[name]}")
        assert response.status_code == 204, response.text


def build(admin: TestClient, monkeypatch: pytest.MonkeyPatch) -> Programme:
    """The programme of the module docstring, step by step in the order it happened."""
    p = Programme(admin, monkeypatch)
    p.at("2025-01-20 09:00")
    p.person("D1", "door_opener", home_place="1480", industries=["86"], retired=True,
             signed_up_at="2024-12-01")
    p.person("D2", "door_opener", home_place="0180", industries=["62"], signed_up_at="2025-01-05")
    p.person("K1", "door_opener", home_place="1480", industries=["86"], signed_up_at="2025-01-20")
    p.person("K2", "door_opener", home_place="1490", industries=["87"], signed_up_at="2025-01-20")
    p.person("A", "participant", home_place="1480", industries=["86"], signed_up_at="2025-01-10")

    p.at("2025-02-03 09:00")
    p.person("B", "participant", home_place="1490", industries=["87"], signed_up_at="2025-02-01")
    a_d1 = p.match("A", "D1")
    p.at("2025-02-10 15:00")
    m_a_d1 = p.meet(a_d1, "2025-02-10T10:00:00")
    p.at("2025-02-11 09:00")
    relay = p.open_doors(m_a_d1, "K1", "K2")
    p.follow_up(m_a_d1, (True, True, True), "job")

    p.at("2025-03-02 09:00")
    b_d1 = p.match("B", "D1")
    p.at("2025-03-05 15:00")
    m_b_d1 = p.meet(b_d1, "2025-03-05T10:00:00", "digital")
    p.person("C", "participant", home_place="0180", industries=["62"], signed_up_at="2025-03-03")
    p.at("2025-03-06 09:00")
    p.no_doors(m_b_d1)
    p.follow_up(m_b_d1, (True, False, False), "none")
    p.at("2025-03-20 15:00")
    p.meet(relay["K1"], "2025-03-20T10:00:00")

    p.at("2025-04-07 09:00")
    p.person("E", "participant", home_place="1480", industries=["62"], signed_up_at="2025-04-01")
    c_d2 = p.match("C", "D2")
    p.at("2025-04-14 15:00")
    m_c_d2 = p.meet(c_d2, "2025-04-14T10:00:00", "digital")
    p.at("2025-04-15 09:00")
    p.person("K3", "door_opener", home_place="0180", industries=["62"], signed_up_at="2025-04-15")
    p.open_doors(m_c_d2, "K3")
    p.follow_up(m_c_d2, (False, True, True), "internship")

    p.at("2025-05-06 09:00")
    p.person("X", "participant", home_place="0180", industries=["62"], signed_up_at="2025-05-05")
    x_d2 = p.match("X", "D2")
    p.at("2025-05-10 09:00")
    p.match("E", "D1")
    p.at("2025-05-12 15:00")
    p.meet(x_d2, "2025-05-12T10:00:00")

    p.at("2025-08-01 09:00")
    p.person("F", "participant", home_place="1480", industries=["86"], signed_up_at="2025-08-01")
    p.at("2025-09-01 09:00")
    p.erase("X")
    p.erase("K2")
    p.at("2025-12-31 12:00")
    return p
