"""Steps of a relay over HTTP, shared by the `test_relay_*` modules: sign up, match, meet, open."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient

from graphsvc import clock
from tests import factories


def sign_up(client: TestClient, body: dict[str, Any]) -> str:
    """Creates a person and returns their id."""
    response = client.post("/api/v1/people", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def door_opener(client: TestClient, **overrides: Any) -> str:
    """A new door-opener's id."""
    return sign_up(client, factories.door_opener(**overrides))


def participant(client: TestClient, **overrides: Any) -> str:
    """A new participant's id."""
    return sign_up(client, factories.participant(**overrides))


def match(client: TestClient, participant_id: str, door_opener_id: str) -> dict[str, Any]:
    """A generation-1 match made by staff."""
    response = client.post(
        "/api/v1/matches",
        json={"participant_id": participant_id, "door_opener_id": door_opener_id},
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def days_ago(days: float) -> str:
    """An ISO time `days` before now, with Stockholm's offset."""
    return (clock.now() - timedelta(days=days)).isoformat()


def meet(
    client: TestClient, match_id: str, *, held_at: str | None = None, mode: str = "in_person"
) -> dict[str, Any]:
    """Records the match's meeting (yesterday unless told) and returns it."""
    response = client.post(
        f"/api/v1/matches/{match_id}/meeting",
        json={"held_at": held_at or days_ago(1), "mode": mode},
    )
    assert response.status_code in (200, 201), response.text
    result: dict[str, Any] = response.json()
    return result


def doors(
    client: TestClient, meeting_id: str, *contacts: str | dict[str, Any], by: str = "door_opener"
) -> Any:
    """Opens doors to existing people (ids) or new ones (bodies); returns the raw response."""
    body = [{"person_id": c} if isinstance(c, str) else c for c in contacts]
    return client.post(
        f"/api/v1/meetings/{meeting_id}/doors", json={"opened_by": by, "contacts": body}
    )


def network(client: TestClient, participant_id: str) -> dict[str, Any]:
    """The participant's network as the API returns it."""
    response = client.get(f"/api/v1/participants/{participant_id}/network")
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def reach(client: TestClient, participant_id: str) -> dict[str, int]:
    """Just the reach of the participant's network."""
    result: dict[str, int] = network(client, participant_id)["reach"]
    return result


def parse(at: str) -> datetime:
    """An ISO time from a response."""
    return datetime.fromisoformat(at)
