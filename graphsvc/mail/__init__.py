"""Telling both people of a match about each other: compose the mails, then deliver them.

`notify` is what the match service calls; it raises `MailError` so the caller can record the
notification as "failed" and offer a resend.
"""

from __future__ import annotations

from graphsvc.mail.compose import match_mails
from graphsvc.mail.errors import MailError
from graphsvc.mail.send import deliver
from graphsvc.models.match import Match
from graphsvc.settings import Settings

__all__ = ["MailError", "deliver", "match_mails", "notify"]


def notify(match: Match, settings: Settings) -> None:
    """Mails the participant and the door-opener, from the programme's configured address."""
    deliver(match_mails(match, sender=settings.mail_from), settings)
