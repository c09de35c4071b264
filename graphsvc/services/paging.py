"""Opaque cursors for list pages: the position after the last item, base64-encoded."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime

from graphsvc.errors import InvalidInput


def encode_cursor(created_at: datetime, item_id: str) -> str:
    """The cursor that continues after this item."""
    raw = f"{created_at.isoformat()}|{item_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, str]:
    """The position a cursor names; a 422 naming `cursor` when it was not made here."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        created, item_id = base64.urlsafe_b64decode(padded).decode().split("|", 1)
        return datetime.fromisoformat(created), item_id
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidInput(
            f"cursor {cursor!r} is not a cursor this service made",
            field="cursor",
            value=cursor,
            location="query",
        ) from exc
