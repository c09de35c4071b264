"""The self-service side of the services' `Announcer`: what a new match or meeting mails at once.

Routes and commands hand it to the matching and meeting services, which call it after their
commit. So a match staff make (alone, in a batch, or as a relay from opened doors) mails both
people the match with their answer links straight away, and a meeting staff record asks for
contacts and the follow-up straight away. Each mail is a once-only step claimed in the graph,
so the hourly reminders run finds nothing left to send but reminders, and sends again only what
a mail server refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from typing import Annotated

from fastapi import Depends

from graphsvc.graph.db import Graph
from graphsvc.mail.errors import MailError
from graphsvc.selfservice import relay
from graphsvc.selfservice.context import SelfService, SelfServiceDep
from graphsvc.selfservice.matchmail import announce
from graphsvc.services.announce import Announcer


class LinkAnnouncer:
    """Sends the self-service mails of what the services just committed."""

    def __init__(self, ctx: SelfService) -> None:
        self.ctx = ctx

    def matches_proposed(
        self, graph: Graph, match_ids: Sequence[str], *, again: bool = False
    ) -> None:
        """The match mail with answer links to both people of each match; a failed mail is
        recorded on the match (and, unless `again`, left for the reminders run to resend)."""
        for match_id in match_ids:
            # A failed staff resend is recorded on the match as failed, which they see.
            with suppress(MailError):
                announce(self.ctx, graph, match_id, force=again)

    def meeting_recorded(self, graph: Graph, meeting_id: str) -> None:
        """The contacts link to the door-opener and the follow-up link to the participant."""
        relay.after_meeting(self.ctx, graph, meeting_id)


def get_announcer(ctx: SelfServiceDep) -> Announcer:
    """The app's announcer, on the app's self-service context."""
    return LinkAnnouncer(ctx)


AnnouncerDep = Annotated[Announcer, Depends(get_announcer)]
