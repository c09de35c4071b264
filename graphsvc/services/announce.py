"""The hook through which the services hand a committed match or meeting to whoever mails about
it.

The services own the writes and keep each one to a transaction; the mails about them go out only
after the commit, and a mail that fails must never undo a write. The self-service package
implements this hook with its signed links (the answer links in the first match mail, the
contacts and follow-up asks after a meeting). The services know nothing of links, so the
dependency points one way: self-service → services.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from graphsvc.graph.db import Graph


class Announcer(Protocol):
    """Tells people about what was just committed; never raises for a mail that failed (the
    failure is recorded, and the hourly reminders run sends it again)."""

    def matches_proposed(
        self, graph: Graph, match_ids: Sequence[str], *, again: bool = False
    ) -> None:
        """Mails both people of each new match, answer links included; `again` is a staff
        resend, sent even when the first mail went out."""

    def meeting_recorded(self, graph: Graph, meeting_id: str) -> None:
        """Asks the door-opener for contacts and the participant for the follow-up."""
