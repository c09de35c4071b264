"""A viewer walks every readable path of the service and never meets contact details.

One place decides what a role may see (`graphsvc/privacy.py`); this test holds every route to
it, API and pages alike, over a small programme with a match, a meeting, doors and a follow-up.
"""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests import factories, relay_steps
from tests.routes import operations

FULL_NAMES = ("Amira Haddad", "Dörr Öppnare")


def _programme(staff: TestClient) -> dict[str, str]:
    participant = relay_steps.sign_up(
        staff, factories.participant(name="Amira Haddad", email="amira@example.org")
    )
    door_opener = relay_steps.sign_up(
        staff, factories.door_opener(name="Dörr Öppnare", email="dorr@example.org")
    )
    contact = relay_steps.door_opener(staff, name="Dörr Öppnare Två", email="two@example.org")
    match = relay_steps.match(staff, participant, door_opener)
    meeting = relay_steps.meet(staff, match["id"])
    relay_steps.doors(staff, meeting["id"], contact)
    staff.post(
        f"/api/v1/meetings/{meeting['id']}/follow-up",
        json={
            "understood_market_better": True,
            "integration_helped": True,
            "kept_in_contact": True,
            "outcome": "job",
        },
    )
    return {
        "person_id": participant,
        "participant_id": participant,
        "match_id": match["id"],
        "meeting_id": meeting["id"],
        "kind": "places",
        "name": "vis-network.min.js",
    }


def _readable_paths(client: TestClient, ids: dict[str, str]) -> list[str]:
    paths = []
    for method, path in operations(client.app):  # type: ignore[arg-type]
        if method != "GET" or path.startswith(("/links", "/join")):
            continue
        params = re.findall(r"\{([^}:]+)", path)
        assert all(p in ids for p in params), f"add an id for {path} to the walk"
        paths.append(re.sub(r"\{([^}:]+)[^}]*\}", lambda m: ids[m.group(1)], path))
    return paths


def test_a_viewer_sees_no_contact_details_on_any_path(
    staff: TestClient, viewer: TestClient
) -> None:
    ids = _programme(staff)
    paths = _readable_paths(viewer, ids)
    assert len(paths) >= 15
    answered = 0
    for path in paths:
        response = viewer.get(path, follow_redirects=False)
        assert response.status_code < 500, path
        if response.status_code != 200:
            continue
        answered += 1
        body = response.text
        for secret in ("@example.org", "+4670", *FULL_NAMES):
            assert secret not in body, f"{path} shows {secret!r} to a viewer"
    assert answered >= 10
