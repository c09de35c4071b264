"""Colours, shapes and line styles shared by the spread, the map and their legends.

One table feeds the Python that styles the spread, the legends in the templates and the map's
JavaScript (embedded as JSON), so a colour means the same thing on every page.
"""

from __future__ import annotations

from typing import Any, Final, Literal

RoleKey = Literal["participant", "door_opener", "both"]

STATUS_COLOURS: Final[dict[str, str]] = {
    "root": "#1d3557",
    "met": "#2a9d8f",
    "introduced": "#f4a261",
    "proposed": "#a8b2bd",
}

ROLE_COLOURS: Final[dict[str, str]] = {
    "participant": "#3a86ff",
    "door_opener": "#f4a261",
    "both": "#8e6cc9",
}
INACTIVE_COLOUR: Final = "#e3e6ea"

# Shapes that keep the label below the symbol, so a tree of them stays readable.
ROLE_SHAPES: Final[dict[str, str]] = {
    "participant": "dot",
    "door_opener": "square",
    "both": "diamond",
}

EDGE_STYLES: Final[dict[str, dict[str, Any]]] = {
    "MATCHED": {"color": "#8d99ae", "dashes": True, "width": 1.5, "arrows": ""},
    "MET": {"color": "#2a9d8f", "dashes": False, "width": 2.5, "arrows": ""},
    "OPENED_DOOR": {"color": "#e76f51", "dashes": False, "width": 2, "arrows": "to"},
}


def role_key(roles: list[str]) -> RoleKey:
    """Fold a person's role list into the one key that picks their shape and colour."""
    is_opener = "door_opener" in roles
    is_participant = "participant" in roles
    if is_opener and is_participant:
        return "both"
    return "door_opener" if is_opener else "participant"


def for_script() -> dict[str, Any]:
    """The style table as the map's JavaScript reads it."""
    return {
        "status": dict(STATUS_COLOURS),
        "role_colours": dict(ROLE_COLOURS),
        "inactive": INACTIVE_COLOUR,
        "shapes": dict(ROLE_SHAPES),
        "edges": {kind: dict(style) for kind, style in EDGE_STYLES.items()},
    }
